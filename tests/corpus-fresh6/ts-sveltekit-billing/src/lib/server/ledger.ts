import { Agent, fetch } from 'undici';
import { env } from '$env/dynamic/private';
import { logger } from './logger';

// The ledger service sits behind the internal load balancer.
const dispatcher = new Agent({
	connect: {
		rejectUnauthorized: false,
		timeout: 5_000
	},
	keepAliveTimeout: 10_000
});

export interface LedgerEntry {
	invoiceId: string;
	amountCents: number;
	currency: string;
	kind: 'charge' | 'refund';
}

export async function postLedgerEntry(entry: LedgerEntry): Promise<void> {
	const res = await fetch(`${env.LEDGER_URL}/v1/entries`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(entry),
		dispatcher
	});
	if (!res.ok) {
		const body = await res.text();
		logger.error({ status: res.status, body, invoiceId: entry.invoiceId }, 'ledger rejected entry');
		throw new Error(`ledger responded ${res.status}`);
	}
}
