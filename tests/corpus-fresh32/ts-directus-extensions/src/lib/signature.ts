import { createHmac, timingSafeEqual } from 'node:crypto';

const MAX_SKEW_SECONDS = 300;

export function signPayload(secret: string, timestamp: string, rawBody: string): string {
	return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/**
 * Verifies the `ShipRelay-Signature: t=<unix>,v1=<hex>` header sent with v2 webhooks.
 */
export function verifyShipRelaySignature(
	secret: string,
	header: string | undefined,
	rawBody: string,
	now: number = Date.now(),
): boolean {
	if (!header) return false;

	const parts = Object.fromEntries(
		header.split(',').map((part) => {
			const [key, ...rest] = part.trim().split('=');
			return [key, rest.join('=')];
		}),
	);

	const timestamp = parts['t'];
	const received = parts['v1'];
	if (!timestamp || !received) return false;

	const age = Math.abs(now / 1000 - Number(timestamp));
	if (!Number.isFinite(age) || age > MAX_SKEW_SECONDS) return false;

	const expected = Buffer.from(signPayload(secret, timestamp, rawBody), 'hex');
	const given = Buffer.from(received, 'hex');
	if (given.length !== expected.length) return false;

	return timingSafeEqual(given, expected);
}
