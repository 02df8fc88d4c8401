import { describe, expect, it } from 'vitest';
import { hash } from '@node-rs/argon2';
import { csrfMatches, hashToken, isStaff, type SessionUser } from './session';
import { loadConfig } from './config';

const user: SessionUser = {
	id: '5b1f7e0c-8f4e-4a51-9d0f-1f2a3b4c5d6e',
	email: 'pat@example.test',
	role: 'patient',
	patientId: '0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
	displayName: 'Pat Example',
	csrfToken: 'csrf-fixture-token-0123456789',
};

describe('session helpers', () => {
	it('hashes tokens deterministically without returning the token', () => {
		expect(hashToken('abc')).toBe(hashToken('abc'));
		expect(hashToken('abc')).not.toContain('abc');
		expect(hashToken('abc')).toHaveLength(64);
	});

	it('matches the CSRF token only when identical', () => {
		expect(csrfMatches(user, 'csrf-fixture-token-0123456789')).toBe(true);
		expect(csrfMatches(user, 'csrf-fixture-token-0123456780')).toBe(false);
		expect(csrfMatches(user, undefined)).toBe(false);
	});

	it('treats nurses, physicians and admins as staff', () => {
		expect(isStaff({ ...user, role: 'nurse' })).toBe(true);
		expect(isStaff(user)).toBe(false);
		expect(isStaff(undefined)).toBe(false);
	});

	it('produces argon2 hashes that are not the password', async () => {
		const fixturePassword = 'Correct-Horse-42';
		const stored = await hash(fixturePassword);
		expect(stored.startsWith('$argon2')).toBe(true);
	});
});

describe('loadConfig', () => {
	const base = {
		LABLINK_CLIENT_ID: 'client',
		LABLINK_CLIENT_SECRET: 'secret',
		LABLINK_WEBHOOK_SECRET: 'whsec',
	};

	it('refuses the development session secret in production', () => {
		expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
	});

	it('keeps uploads under the working directory by default', () => {
		const cfg = loadConfig({ ...base, NODE_ENV: 'test' });
		expect(cfg.uploadRoot.startsWith(process.cwd())).toBe(true);
	});
});
