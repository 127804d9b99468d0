window.YTD.direct_message.part0 = [
  {
    "dmConversation": {
      "conversationId": "900000000000000001-900000000000000003",
      "messages": [
        {
          "messageCreate": {
            "recipientId": "900000000000000001",
            "reactions": [],
            "urls": [],
            "text": "Sure, fake coffee it is",
            "mediaUrls": [],
            "senderId": "900000000000000003",
            "id": "1110000000000000002",
            "createdAt": "2019-03-02T10:05:00.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "900000000000000003",
            "reactions": [],
            "urls": [],
            "text": "Fake coffee next week?",
            "mediaUrls": [],
            "senderId": "900000000000000001",
            "id": "1110000000000000001",
            "createdAt": "2019-03-02T10:00:00.000Z"
          }
        }
      ]
    }
  },
  {
    "dmConversation": {
      "conversationId": "900000000000000007-900000000000000001",
      "messages": [
        {
          "messageCreate": {
            "recipientId": "900000000000000001",
            "reactions": [],
            "urls": [],
            "text": "Unsolicited imaginary offer",
            "mediaUrls": [],
            "senderId": "900000000000000007",
            "id": "1110000000000000003",
            "createdAt": "2019-03-03T09:00:00.000Z"
          }
        }
      ]
    }
  }
]
