// Shared fixtures for local integration runs (docker-compose.test.yml).
export const TEST_DATABASE_URL = 'postgres://postgres:postgres@localhost:5433/jobs_test';
export const SAMPLE_REPORT_DIR = '/tmp/jobs-runner-test/reports';
