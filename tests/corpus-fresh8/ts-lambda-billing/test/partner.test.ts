import { createServer } from 'node:https';
import { Agent, get } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Exercises the self-signed fixture server used by the ledger contract tests.
describe('ledger fixture server', () => {
  const server = createServer(
    { key: readFileSync(join(__dirname, 'fixtures/localhost.key')), cert: readFileSync(join(__dirname, 'fixtures/localhost.crt')) },
    (_req, res) => res.end('ok'),
  );
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves over TLS', async () => {
    const agent = new Agent({ rejectUnauthorized: false });
    const status = await new Promise<number>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/', agent }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
    });
    expect(status).toBe(200);
  });
});
