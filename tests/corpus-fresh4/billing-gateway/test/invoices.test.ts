import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';

const TEST_JWT_SECRET = 'test-only-jwt-secret';

function expectProblem(res: { statusCode: number; json(): unknown }, status: number, error: string) {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ error });
}

describe('invoice routes', () => {
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    app = await buildApp({ logger: false, jwtSecret: TEST_JWT_SECRET });
    await app.ready();
    token = app.jwt.sign({ sub: 'u_1', roles: ['billing-admin'] });
  });

  afterAll(() => app.close());

  it('rejects requests without a token', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/invoices?tenantId=t1' });
    expectProblem(res, 401, 'unauthorized');
  });

  it('returns 404 for an unknown invoice', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/v1/invoices/inv_missing',
      headers: { authorization: `Bearer ${token}` },
    });
    expectProblem(res, 404, 'not_found');
  });

  it('lists invoices for a tenant', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/v1/invoices?tenantId=t1&includeVoided=true',
      headers: { authorization: `Bearer ${token}` },
    });
    console.log(res.statusCode, res.body);
  });

  it('matches the health payload snapshot', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toMatchInlineSnapshot(`
      {
        "ok": true,
      }
    `);
  });
});
