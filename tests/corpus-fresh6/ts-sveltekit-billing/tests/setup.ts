import { vi } from 'vitest';

vi.mock('$env/dynamic/private', () => ({
	env: {
		STRIPE_WEBHOOK_SECRET: 'whsec_test_fixture_secret',
		SESSION_SECRET: 'test-session-secret',
		DATABASE_URL: 'postgres://test:test@localhost:5432/billing_test',
		LEDGER_URL: 'https://ledger.test'
	}
}));
