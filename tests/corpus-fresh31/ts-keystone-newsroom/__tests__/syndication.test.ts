import { createServer, type Server } from 'https';
import { readFileSync } from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import { Agent } from 'undici';

import { SyndicationClient } from '../lib/syndication-client';

// Self-signed certificate generated for this suite only.
const tlsFixture = {
  key: readFileSync(path.join(__dirname, 'fixtures', 'localhost-key.pem')),
  cert: readFileSync(path.join(__dirname, 'fixtures', 'localhost-cert.pem')),
};

describe('SyndicationClient', () => {
  let server: Server;
  let received: Array<{ url: string; body: any; apiKey: string | undefined }>;
  let client: SyndicationClient;

  beforeAll(async () => {
    received = [];
    server = createServer(tlsFixture, (req, res) => {
      let raw = '';
      req.on('data', chunk => (raw += chunk));
      req.on('end', () => {
        received.push({ url: req.url!, body: raw ? JSON.parse(raw) : undefined, apiKey: req.headers['x-api-key'] as string });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemId: 'wd-1' }));
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = new SyndicationClient({
      baseUrl: `https://127.0.0.1:${port}`,
      apiKey: 'test-key',
      dispatcher: new Agent({ connect: { rejectUnauthorized: false } }),
    });
  });

  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  test('pushes a story with its canonical URL', async () => {
    const itemId = await client.pushStory({ id: 's1', headline: 'H', slug: 'h', publishedAt: '2024-05-01T10:00:00Z' }, null);
    expect(itemId).toBe('wd-1');
    expect(received.at(-1)).toMatchObject({
      url: '/v3/items',
      apiKey: 'test-key',
      body: { externalId: 's1', canonicalUrl: 'https://news.example.org/stories/h' },
    });
  });

  test('retract sends the reason', async () => {
    await client.retract('s1', 'legal');
    expect(received.at(-1)?.body).toEqual({ reason: 'legal' });
  });
});
