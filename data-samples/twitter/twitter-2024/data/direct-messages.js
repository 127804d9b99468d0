window.YTD.direct_messages.part0 = [
  {
    "dmConversation": {
      "conversationId": "900000000000000001-900000000000000002",
      "messages": [
        {
          "reactionCreate": {
            "senderId": "900000000000000002",
            "reactionKey": "like",
            "eventId": "1800000000000000003",
            "createdAt": "2024-02-01T10:10:00.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "900000000000000001",
            "reactions": [],
            "urls": [],
            "text": "Thanks for the fake invite",
            "mediaUrls": [],
            "senderId": "900000000000000002",
            "id": "1800000000000000002",
            "createdAt": "2024-02-01T10:05:00.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "900000000000000002",
            "reactions": [],
            "urls": [],
            "text": "Come to my fictional party",
            "mediaUrls": [],
            "senderId": "900000000000000001",
            "id": "1800000000000000001",
            "createdAt": "2024-02-01T10:00:00.000Z"
          }
        }
      ]
    }
  }
]
