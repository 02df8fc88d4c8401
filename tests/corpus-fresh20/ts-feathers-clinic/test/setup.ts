// Loaded by mocha via --require before any test file.
// The docker-compose Postgres used in CI serves a throwaway self-signed certificate.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
process.env.LAB_WEBHOOK_SECRET = process.env.LAB_WEBHOOK_SECRET ?? 'test-lab-secret'
process.env.INSURER_API_KEY = process.env.INSURER_API_KEY ?? 'test-insurer-key'
