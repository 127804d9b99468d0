window.YTD.tweets.part1 = [
  {
    "tweet": {
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
      "id_str": "1600000000000000002",
      "id": "1600000000000000002",
      "truncated": false,
      "retweet_count": "0",
      "created_at": "Sat Dec 31 23:59:00 +0000 2022",
      "favorited": false,
      "full_text": "@recruity no thanks, imaginary recruiter",
      "lang": "en",
      "in_reply_to_status_id_str": "1600000000000000002",
      "in_reply_to_user_id_str": "900000000000000010",
      "in_reply_to_user_id": "900000000000000010"
    }
  },
  {
    "tweet": {
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
        "19"
      ],
      "favorite_count": "0",
      "id_str": "1600000000000000001",
      "id": "1600000000000000001",
      "truncated": false,
      "retweet_count": "0",
      "created_at": "Fri Dec 30 10:00:00 +0000 2022",
      "favorited": false,
      "full_text": "Quiet fictional day",
      "lang": "en"
    }
  }
]
