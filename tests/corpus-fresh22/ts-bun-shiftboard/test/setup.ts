process.env.SHIFTBOARD_DB = ":memory:";
process.env.SHIFTBOARD_SERVICE_TOKEN = "svc-test-token";
process.env.CALENDAR_WEBHOOK_SECRET = "whsec-test";
process.env.LOG_LEVEL = "error";
