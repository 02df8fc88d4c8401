import https from 'node:https';
import { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, verifyManifestSignature } from '../src/lib/http.js';

describe('object client against a local self-signed server', () => {
  let server: https.Server;
  let endpoint: string;

  beforeAll(async () => {
    const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { days: 1 });
    server = https.createServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.writeHead(404).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('treats 404 on HEAD as missing', async () => {
    // self-signed cert generated above; verification is meaningless here
    const client = createClient({ endpoint, insecure: true });
    await expect(client.head('b', 'k')).resolves.toBeNull();
  });

  it('probes the raw server', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get(`${endpoint}/b/k`, { rejectUnauthorized: false }, (res) => resolve(res.statusCode ?? 0))
        .on('error', reject);
    });
    expect(status).toBe(404);
  });

  it('verifies manifest signatures', () => {
    expect(verifyManifestSignature('m', 'nope', 'k')).toBe(false);
  });
});
