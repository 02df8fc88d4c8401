import request from 'supertest';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { issueSession, type SessionUser } from '../src/lib/signing.js';
import * as storage from '../src/lib/storage.js';
import { PurgeBody, revokeShare } from '../src/routes/files.js';

vi.mock('../src/lib/storage.js', async (orig) => ({
  ...(await orig<typeof import('../src/lib/storage.js')>()),
  listFiles: vi.fn().mockResolvedValue([]),
  purgeOldFiles: vi.fn().mockResolvedValue({ deleted: [], dryRun: true }),
}));

vi.mock('../src/lib/infra.js', () => ({
  logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
  pool: { query: vi.fn().mockResolvedValue({ rows: [{ id: 'sh_1' }] }) },
  recordAudit: vi.fn(),
  withTransaction: vi.fn(),
}));

const member: SessionUser = { id: 'u_1', orgId: 'org_1', roles: ['member'], scopes: ['files:delete', 'files:share'] };
const auth = (u: SessionUser) => ({ authorization: `Bearer ${issueSession(u)}` });

describe('files routes', () => {
  const app = createApp();

  beforeEach(() => vi.clearAllMocks());

  it('rejects requests without a session', async () => {
    const res = await request(app).get('/api/files');
    expect(res.status).toBe(401);
  });

  it('clamps limit to 200', async () => {
    await request(app).get('/api/files?limit=5000').set(auth(member)).expect(200);
    expect(storage.listFiles).toHaveBeenCalledWith('org_1', expect.objectContaining({ limit: 200 }));
  });

  it('purges old files for the org', async () => {
    await request(app)
      .post('/api/files/purge')
      .set(auth(member))
      .send({ olderThanDays: 7, dryRun: true });
  });

  it('requires files:delete scope to purge (scope guard)', async () => {
    const res = await request(app)
      .post('/api/files/purge')
      .set(auth({ ...member, scopes: [] }))
      .send({});
    expect(res.status).toBe(403);
    expect(res.body).toMatchInlineSnapshot(`
      {
        "error": "missing scope files:delete",
      }
    `);
  });
});

describe('schemas', () => {
  it('accepts a minimal purge body', () => {
    PurgeBody.parse({});
  });

  it('PurgeResult exposes the deleted keys', () => {
    expectTypeOf<storage.PurgeResult>().toHaveProperty('deleted').toEqualTypeOf<string[]>();
  });

  it('purgeOldFiles insists on an explicit dryRun flag', () => {
    // @ts-expect-error dryRun is a required argument
    void (() => storage.purgeOldFiles('org_1', 'u_1', 30));
  });

  it.todo('revokeShare removes the share row and audits it');
  void revokeShare;
});
