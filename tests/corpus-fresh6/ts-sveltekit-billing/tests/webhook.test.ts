import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, verifyWebhook } from '../src/lib/server/webhook';

const SECRET = 'whsec_test_fixture_secret';

function signedHeader(payload: string, ts: number, secret = SECRET): string {
	const sig = createHmac('sha256', secret).update(`${ts}.${payload}`).digest('hex');
	return `t=${ts},v1=${sig}`;
}

describe('parseSignatureHeader', () => {
	it('extracts timestamp and all v1 signatures', () => {
		expect(parseSignatureHeader('t=100,v1=aa,v1=bb,v0=cc')).toMatchInlineSnapshot(`
			{
			  "signatures": [
			    "aa",
			    "bb",
			  ],
			  "timestamp": 100,
			}
		`);
	});
});

describe('verifyWebhook', () => {
	const now = 1_717_000_000_000;
	const ts = Math.floor(now / 1000);
	const payload = JSON.stringify({ id: 'evt_1', type: 'invoice.paid' });

	it('accepts a correctly signed payload', () => {
		expect(verifyWebhook(payload, signedHeader(payload, ts), now)).toBe(true);
	});

	it('rejects a payload signed with another secret', () => {
		expect(verifyWebhook(payload, signedHeader(payload, ts, 'whsec_other'), now)).toBe(false);
	});

	it('handles stale timestamps', () => {
		verifyWebhook(payload, signedHeader(payload, ts - 3600), now);
	});
});
