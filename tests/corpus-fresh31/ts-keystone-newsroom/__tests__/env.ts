process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-000';
process.env.WIREDESK_CALLBACK_SECRET = 'test-callback-secret';
process.env.NEWSLETTER_UNSUBSCRIBE_SECRET = 'test-unsubscribe-secret';
process.env.DATABASE_URL ??= 'postgres://postgres:postgres@localhost:5432/newsroom_test';
