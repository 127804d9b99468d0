window.YTD.tweet.part0 = [
  {
    "retweeted": false,
    "source": "<a href=\"https://example.invalid\">Fake client</a>",
    "entities": {
      "hashtags": [],
      "symbols": [],
      "user_mentions": [],
      "urls": []
    },
    "display_text_range": [
      "0",
      "40"
    ],
    "favorite_count": "0",
    "id_str": "1100000000000000005",
    "id": "1100000000000000005",
    "truncated": false,
    "retweet_count": "0",
    "created_at": "Sat Mar 02 12:00:00 +0000 2019",
    "favorited": false,
    "full_text": "Just a fictional tweet with nobody in it",
    "lang": "en"
  },
  {
    "retweeted": false,
    "source": "<a href=\"https://example.invalid\">Fake client</a>",
    "entities": {
      "hashtags": [],
      "symbols": [],
      "user_mentions": [
        {
          "name": "Testy Mockington",
          "screen_name": "testymock",
          "indices": [
            "0",
            "10"
          ],
          "id_str": "900000000000000002",
          "id": "900000000000000002"
        },
        {
          "name": "Dummy Placeholder",
          "screen_name": "dummyplace",
          "indices": [
            "11",
            "22"
          ],
          "id_str": "900000000000000005",
          "id": "900000000000000005"
        }
      ],
      "urls": []
    },
    "display_text_range": [
      "0",
      "41"
    ],
    "favorite_count": "0",
    "id_str": "1100000000000000004",
    "id": "1100000000000000004",
    "truncated": false,
    "retweet_count": "0",
    "created_at": "Fri Mar 01 12:00:00 +0000 2019",
    "favorited": false,
    "full_text": "@testymock @dummyplace what a made-up day",
    "lang": "en",
    "in_reply_to_status_id_str": "1100000000000000004",
    "in_reply_to_user_id_str": "900000000000000002",
    "in_reply_to_user_id": "900000000000000002",
    "in_reply_to_screen_name": "testymock"
  },
  {
    "retweeted": false,
    "source": "<a href=\"https://example.invalid\">Fake client</a>",
    "entities": {
      "hashtags": [],
      "symbols": [],
      "user_mentions": [
        {
          "name": "Fakey McTestface",
          "screen_name": "fakeymctest",
          "indices": [
            "0",
            "12"
          ],
          "id_str": "900000000000000001",
          "id": "900000000000000001"
        },
        {
          "name": "Ghost",
          "screen_name": "ghostuser",
          "indices": [
            "47",
            "57"
          ],
          "id_str": "-1",
          "id": "-1"
        }
      ],
      "urls": []
    },
    "display_text_range": [
      "0",
      "56"
    ],
    "favorite_count": "0",
    "id_str": "1100000000000000003",
    "id": "1100000000000000003",
    "truncated": false,
    "retweet_count": "0",
    "created_at": "Thu Feb 28 12:00:00 +0000 2019",
    "favorited": false,
    "full_text": "@fakeymctest 2/ continuing my own fake thread @ghostuser",
    "lang": "en",
    "in_reply_to_status_id_str": "1100000000000000003",
    "in_reply_to_user_id_str": "900000000000000001",
    "in_reply_to_user_id": "900000000000000001",
    "in_reply_to_screen_name": "fakeymctest"
  },
  {
    "retweeted": false,
    "source": "<a href=\"https://example.invalid\">Fake client</a>",
    "entities": {
      "hashtags": [],
      "symbols": [],
      "user_mentions": [
        {
          "name": "Sample Samplesson",
          "screen_name": "samplesam",
          "indices": [
            "3",
            "13"
          ],
          "id_str": "900000000000000006",
          "id": "900000000000000006"
        }
      ],
      "urls": []
    },
    "display_text_range": [
      "0",
      "39"
    ],
    "favorite_count": "0",
    "id_str": "1100000000000000002",
    "id": "1100000000000000002",
    "truncated": false,
    "retweet_count": "0",
    "created_at": "Wed Feb 27 12:00:00 +0000 2019",
    "favorited": false,
    "full_text": "RT @samplesam: a retweeted fake thought",
    "lang": "en"
  },
  {
    "retweeted": false,
    "source": "<a href=\"https://example.invalid\">Fake client</a>",
    "entities": {
      "hashtags": [],
      "symbols": [],
      "user_mentions": [
        {
          "name": "Testy Mockington",
          "screen_name": "testymock",
          "indices": [
            "29",
            "39"
          ],
          "id_str": "900000000000000002",
          "id": "900000000000000002"
        }
      ],
      "urls": []
    },
    "display_text_range": [
      "0",
      "39"
    ],
    "favorite_count": "0",
    "id_str": "1100000000000000001",
    "id": "1100000000000000001",
    "truncated": false,
    "retweet_count": "0",
    "created_at": "sometime in February",
    "favorited": false,
    "full_text": "A tweet whose date is broken @testymock",
    "lang": "en"
  }
]
