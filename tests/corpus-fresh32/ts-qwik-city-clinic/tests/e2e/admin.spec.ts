import { expect, test, type Page } from '@playwright/test';

const STAFF_EMAIL = process.env.E2E_STAFF_EMAIL ?? 'nurse.e2e@northside.test';
const STAFF_PASSWORD = process.env.E2E_STAFF_PASSWORD ?? 'e2e-only-password';

async function signIn(page: Page, email = STAFF_EMAIL, password = STAFF_PASSWORD) {
	await page.goto('/login/');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('staff area', () => {
	test('staff can search the patient list', async ({ page }) => {
		await signIn(page);
		await page.goto('/patients/?q=Example');
		await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
		await expect(page.locator('tbody tr').first()).toContainText('Example');
	});

	test('patients are turned away from the staff area', async ({ page }) => {
		await signIn(page, 'patient.e2e@northside.test');
		const response = await page.goto('/reports/');
		expect(response?.status()).toBe(403);
	});

	test('HL7 batch can be sent to the registry', async ({ page }) => {
		await signIn(page);
		await page.goto('/reports/?month=2024-03');
		await page.getByRole('button', { name: 'Send HL7 batch to registry' }).click();
		await page.waitForLoadState('networkidle');
	});
});
