import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
	testDir: './tests/e2e',
	fullyParallel: false,
	retries: process.env.CI ? 1 : 0,
	use: {
		baseURL: process.env.E2E_BASE_URL ?? 'https://localhost:5173',
		// The dev server runs on a mkcert certificate that CI does not trust.
		ignoreHTTPSErrors: true,
		trace: 'retain-on-failure',
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: 'npm run dev -- --https --port 5173',
		url: 'https://localhost:5173/login',
		ignoreHTTPSErrors: true,
		reuseExistingServer: !process.env.CI,
	},
});
