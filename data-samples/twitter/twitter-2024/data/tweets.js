window.YTD.tweets.part0 = [
  {
    "tweet": {
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
            "name": "Zoe Notreal",
            "screen_name": "zoenotreal",
            "indices": [
              "17",
              "28"
            ],
            "id_str": "900000000000000008",
            "id": "900000000000000008"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "44"
      ],
      "favorite_count": "0",
      "id_str": "1700000000000000004",
      "id": "1700000000000000004",
      "truncated": false,
      "retweet_count": "0",
      "created_at": "Mon Jan 15 09:30:00 +0000 2024",
      "favorited": false,
      "full_text": "@testymock &amp; @zoenotreal fake news &lt;3",
      "lang": "en",
      "in_reply_to_status_id_str": "1700000000000000004",
      "in_reply_to_user_id_str": "900000000000000002",
      "in_reply_to_user_id": "900000000000000002",
      "in_reply_to_screen_name": "testymock"
    }
  },
  {
    "tweet": {
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
              "15",
              "25"
            ],
            "id_str": "900000000000000006",
            "id": "900000000000000006"
          },
          {
            "name": "Sample Samplesson",
            "screen_name": "samplesam",
            "indices": [
              "30",
              "40"
            ],
            "id_str": "900000000000000006",
            "id": "900000000000000006"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "46"
      ],
      "favorite_count": "0",
      "id_str": "1700000000000000003",
      "id": "1700000000000000003",
      "truncated": false,
      "retweet_count": "0",
      "created_at": "Sun Jan 14 09:30:00 +0000 2024",
      "favorited": false,
      "full_text": "Thinking about @samplesam and @samplesam again",
      "lang": "en"
    }
  }
]
