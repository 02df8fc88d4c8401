// Test-only: the local provider fixture (test/fixtures/ledgerly-mock) serves a
// throwaway self-signed certificate generated per run.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
process.env.LEDGERLY_WEBHOOK_SECRET = "whsec_test_placeholder";
