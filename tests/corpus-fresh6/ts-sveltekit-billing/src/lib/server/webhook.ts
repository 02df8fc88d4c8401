import { createHmac } from 'node:crypto';
import { env } from '$env/dynamic/private';

const TOLERANCE_SECONDS = 300;

export interface ParsedSignature {
	timestamp: number;
	signatures: string[];
}

export function parseSignatureHeader(header: string): ParsedSignature {
	let timestamp = 0;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const [k, v] = part.split('=', 2);
		if (k === 't') timestamp = Number(v);
		if (k === 'v1' && v) signatures.push(v);
	}
	return { timestamp, signatures };
}

/**
 * Verifies a Stripe-style webhook signature. We do this by hand because the
 * SDK's constructEvent wants the raw Buffer and SvelteKit hands us text.
 */
export function verifyWebhook(payload: string, header: string, now = Date.now()): boolean {
	const { timestamp, signatures } = parseSignatureHeader(header);
	if (!timestamp || signatures.length === 0) return false;
	if (Math.abs(now / 1000 - timestamp) > TOLERANCE_SECONDS) return false;

	const expected = createHmac('sha256', env.STRIPE_WEBHOOK_SECRET)
		.update(`${timestamp}.${payload}`)
		.digest('hex');

	return signatures.some((sig) => sig === expected);
}
