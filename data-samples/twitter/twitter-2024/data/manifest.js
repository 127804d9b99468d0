window.__THAR_CONFIG = {
  "userInfo": {
    "accountId": "900000000000000001",
    "userName": "fakeymctest",
    "displayName": "Fakey McTestface"
  },
  "archiveInfo": {
    "sizeBytes": "12345",
    "generationDate": "2024-04-01T00:00:00.000Z",
    "isPartialArchive": false,
    "maxPartSizeBytes": "53687091200"
  },
  "readmeInfo": {
    "fileName": "data/README.txt",
    "directory": "data/",
    "name": "README"
  },
  "dataTypes": {
    "account": {
      "files": [
        {
          "fileName": "data/account.js",
          "globalName": "YTD.account.part0",
          "count": "1"
        }
      ]
    },
    "follower": {
      "files": [
        {
          "fileName": "data/follower.js",
          "globalName": "YTD.follower.part0",
          "count": "4"
        }
      ]
    },
    "following": {
      "files": [
        {
          "fileName": "data/following.js",
          "globalName": "YTD.following.part0",
          "count": "3"
        }
      ]
    },
    "directMessages": {
      "mediaDirectory": "data/direct_messages_media",
      "files": [
        {
          "fileName": "data/direct-messages.js",
          "globalName": "YTD.direct_messages.part0",
          "count": "1"
        }
      ]
    },
    "directMessagesGroup": {
      "mediaDirectory": "data/direct_messages_group_media",
      "files": [
        {
          "fileName": "data/direct-messages-group.js",
          "globalName": "YTD.direct_messages_group.part0",
          "count": "1"
        }
      ]
    },
    "tweets": {
      "mediaDirectory": "data/tweets_media",
      "files": [
        {
          "fileName": "data/tweets.js",
          "globalName": "YTD.tweets.part0",
          "count": "2"
        },
        {
          "fileName": "data/tweets-part1.js",
          "globalName": "YTD.tweets.part1",
          "count": "2"
        }
      ]
    },
    "like": {
      "files": [
        {
          "fileName": "data/like.js",
          "globalName": "YTD.like.part0",
          "count": "0"
        }
      ]
    }
  }
}
