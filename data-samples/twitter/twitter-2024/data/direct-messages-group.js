window.YTD.direct_messages_group.part0 = [
  {
    "dmConversation": {
      "conversationId": "1900000000000000001",
      "messages": [
        {
          "conversationNameUpdate": {
            "initiatingUserId": "900000000000000007",
            "name": "Fake planning group",
            "createdAt": "2024-03-05T12:00:00.000Z"
          }
        },
        {
          "messageCreate": {
            "reactions": [],
            "urls": [],
            "text": "Just the two of us left",
            "mediaUrls": [],
            "senderId": "900000000000000001",
            "id": "1910000000000000004",
            "createdAt": "2024-03-04T12:00:00.000Z"
          }
        },
        {
          "participantsLeave": {
            "userIds": [
              "900000000000000008"
            ],
            "createdAt": "2024-03-03T12:00:00.000Z"
          }
        },
        {
          "messageCreate": {
            "reactions": [],
            "urls": [],
            "text": "Welcome, new fake member",
            "mediaUrls": [],
            "senderId": "900000000000000001",
            "id": "1910000000000000003",
            "createdAt": "2024-03-02T12:00:00.000Z"
          }
        },
        {
          "participantsJoin": {
            "initiatingUserId": "900000000000000007",
            "userIds": [
              "900000000000000009"
            ],
            "createdAt": "2024-03-01T13:00:00.000Z"
          }
        },
        {
          "messageCreate": {
            "reactions": [],
            "urls": [],
            "text": "Hello imaginary friends",
            "mediaUrls": [],
            "senderId": "900000000000000001",
            "id": "1910000000000000002",
            "createdAt": "2024-03-01T12:30:00.000Z"
          }
        },
        {
          "messageCreate": {
            "reactions": [],
            "urls": [],
            "text": "Hi, I'm fake too",
            "mediaUrls": [],
            "senderId": "900000000000000008",
            "id": "1910000000000000001",
            "createdAt": "2024-03-01T12:10:00.000Z"
          }
        },
        {
          "joinConversation": {
            "initiatingUserId": "900000000000000007",
            "participantsSnapshot": [
              "900000000000000001",
              "900000000000000007",
              "900000000000000008"
            ],
            "createdAt": "2024-03-01T12:00:00.000Z"
          }
        }
      ]
    }
  }
]
