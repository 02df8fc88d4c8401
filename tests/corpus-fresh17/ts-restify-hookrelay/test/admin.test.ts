import request from 'supertest';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../src/config';
import { logger } from '../src/logger';
import { createServer } from '../src/server';

vi.mock('../src/lib/forwarder', () => ({ forward: vi.fn().mockResolvedValue(202) }));

const cfg: Config = {
  port: 0,
  databaseUrl: 'postgres://localhost/hookrelay_test',
  adminToken: 'admin-test-token',
  githubWebhookSecret: 'gh-test',
  stripeWebhookSecret: 'stripe-test',
  githubAppClientId: 'Iv1.test',
  forwardBaseUrl: 'https://ingest.test',
  forwardTimeoutMs: 1000,
  archiveDir: '/tmp/hookrelay-test-archive',
};

const pool = { query: vi.fn() };
const auth = { authorization: 'Bearer admin-test-token' };

describe('admin routes', () => {
  let server: ReturnType<typeof createServer>;

  beforeAll(() => {
    server = createServer(cfg, pool as never, logger.child({ test: true }));
  });

  it('rejects requests without a token', async () => {
    await request(server).get('/admin/deliveries').expect(401);
  });

  it('lists deliveries', async () => {
    pool.query.mockResolvedValueOnce({ rows: [{ id: 'd1', source: 'github', status: 'received' }] });
    const res = await request(server).get('/admin/deliveries?source=github').set(auth);
    expect(res.status).toBe(200);
    expect(res.body.deliveries).toHaveLength(1);
  });

  it('replays a delivery', async () => {
    pool.query
      .mockResolvedValueOnce({ rows: [{ id: 'd1', source: 'github', event: 'push', payload: {} }] })
      .mockResolvedValueOnce({ rows: [] });
    await request(server).post('/admin/deliveries/d1/replay').set(auth);
  });
});
