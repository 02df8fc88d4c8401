import { describe, expect, it } from 'vitest';
import { signPayload, verifyShipRelaySignature } from '../src/lib/signature.js';

const SECRET = 'whsec_test_fixture';
const BODY = JSON.stringify({ type: 'tracker.updated', data: { tracking_code: '1Z999', status: 'in_transit' } });

describe('verifyShipRelaySignature', () => {
	const now = Date.UTC(2024, 4, 2, 10, 0, 0);
	const ts = String(Math.floor(now / 1000));

	it('accepts a correctly signed payload', () => {
		const header = `t=${ts},v1=${signPayload(SECRET, ts, BODY)}`;
		expect(verifyShipRelaySignature(SECRET, header, BODY, now)).toBe(true);
	});

	it('rejects a payload signed with another secret', () => {
		const header = `t=${ts},v1=${signPayload('whsec_other', ts, BODY)}`;
		expect(verifyShipRelaySignature(SECRET, header, BODY, now)).toBe(false);
	});

	it('rejects stale timestamps', () => {
		const old = String(Math.floor(now / 1000) - 3600);
		const header = `t=${old},v1=${signPayload(SECRET, old, BODY)}`;
		expect(verifyShipRelaySignature(SECRET, header, BODY, now)).toBe(false);
	});

	it.each([undefined, '', 't=1', 'v1=abcd', 't=abc,v1=zz'])('rejects malformed header %s', (header) => {
		expect(verifyShipRelaySignature(SECRET, header, BODY, now)).toBe(false);
	});
});
