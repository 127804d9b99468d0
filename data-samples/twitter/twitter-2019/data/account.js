window.YTD.account.part0 = [
  {
    "account": {
      "email": "fakeymctest@example.invalid",
      "createdVia": "web",
      "username": "fakeymctest",
      "accountId": "900000000000000001",
      "createdAt": "2011-06-23T13:04:14.000Z",
      "accountDisplayName": "Fakey McTestface"
    }
  }
]
