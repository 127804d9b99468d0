window.YTD.following.part0 = [
  {
    "following": {
      "accountId": "900000000000000002",
      "userLink": "https://twitter.com/intent/user?user_id=900000000000000002"
    }
  },
  {
    "following": {
      "accountId": "900000000000000003",
      "userLink": "https://twitter.com/intent/user?user_id=900000000000000003"
    }
  },
  {
    "following": {
      "accountId": "900000000000000009",
      "userLink": "https://twitter.com/intent/user?user_id=900000000000000009"
    }
  }
]
