import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forward } from '../src/lib/forwarder';

// Throwaway certificate generated per test run for the stub upstream.
const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { days: 1 });
const seen: string[] = [];

const upstream = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
  seen.push(`${req.method} ${req.url}`);
  res.writeHead(req.url === '/ping' ? 204 : 202).end();
});

let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => {
  upstream.close();
});

describe('forward', () => {
  it('stub upstream is reachable', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get(`${baseUrl}/ping`, { agent: new https.Agent({ rejectUnauthorized: false }) }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(204);
  });

  it('posts the payload to the source path', async () => {
    const delivery = { id: 'd9', source: 'acme', event: 'order.created', status: 'received' as const, payload: { a: 1 }, receivedAt: new Date() };
    const status = await forward(baseUrl, delivery, { timeout: 2000 });
    expect(status).toBe(202);
    expect(seen).toContain('POST /v1/events/acme');
  });
});
