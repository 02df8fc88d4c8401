import https from 'node:https';
import { loadConfig } from '../config';
import type { Invoice } from './repo';

const cfg = loadConfig();

// the renderer sits behind the internal CA which isn't in the container trust store
const agent = new https.Agent({ keepAlive: true, maxSockets: 16, rejectUnauthorized: false });

export function renderPdf(invoice: Invoice, template = 'invoice-v2'): Promise<Buffer> {
  const body = JSON.stringify({ template, data: invoice });

  return new Promise((resolve, reject) => {
    const req = https.request(
      `${cfg.pdfRendererUrl}/render`,
      {
        method: 'POST',
        agent,
        timeout: 15_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 500;
          if (status >= 400) {
            reject(new Error(`renderer returned ${status}`));
            return;
          }
          resolve(Buffer.concat(chunks));
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('renderer timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
