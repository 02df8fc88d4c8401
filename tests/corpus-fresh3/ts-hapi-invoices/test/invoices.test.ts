import { expect } from '@hapi/code';
import Hapi from '@hapi/hapi';
import * as Lab from '@hapi/lab';
import { createHmac } from 'node:crypto';
import { keyMatches } from '../src/auth/apiKey';
import { requireFinanceAdmin } from '../src/auth/adminOnly';
import { exportInvoices, invoiceRoutes } from '../src/routes/invoices';
import type { Invoice } from '../src/services/repo';
import { verifyStripeSignature } from '../src/webhooks/stripe';

const lab = Lab.script();
const { describe, it, before } = lab;
export { lab };

const WEBHOOK_SECRET = 'whsec_test_not_a_real_secret';

const sample: Invoice[] = [
  { id: 'inv_1', customerId: 'cus_1', amountCents: 1200, currency: 'eur', status: 'open' },
  { id: 'inv_2', customerId: 'cus_2', amountCents: 990, currency: 'eur', status: 'paid' },
];

function expectCsv(body: string, rows: number): void {
  const lines = body.split('\n');
  expect(lines[0]).to.equal('id,customer,amount_cents,status');
  expect(lines).to.have.length(rows + 1);
}

describe('exportInvoices', () => {
  it('writes a header and one row per invoice', () => {
    expectCsv(exportInvoices(sample, 'csv'), 2);
  });
});

describe('verifyStripeSignature', () => {
  it('accepts a freshly signed payload', () => {
    const ts = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', WEBHOOK_SECRET).update(`${ts}.{}`).digest('hex');
    expect(verifyStripeSignature('{}', `t=${ts},v1=${sig}`, WEBHOOK_SECRET)).to.be.true();
  });

  it('rejects stale timestamps', () => {
    const ts = Math.floor(Date.now() / 1000) - 3600;
    const sig = createHmac('sha256', WEBHOOK_SECRET).update(`${ts}.{}`).digest('hex');
    expect(verifyStripeSignature('{}', `t=${ts},v1=${sig}`, WEBHOOK_SECRET)).to.be.false();
  });
});

describe('keyMatches', () => {
  it('matches configured keys only', () => {
    expect(keyMatches('k-1', ['k-0', 'k-1'])).to.be.true();
    expect(keyMatches('k-2', ['k-0', 'k-1'])).to.be.false();
  });
});

describe('routes', () => {
  let server: Hapi.Server;

  before(async () => {
    server = Hapi.server();
    const repo = {
      list: async () => sample,
      get: async (id: string) => sample.find((i) => i.id === id),
      setStatus: async () => undefined,
    };
    server.route(invoiceRoutes(repo as never, {} as never));
    await server.initialize();
  });

  it('lists invoices', async () => {
    await server.inject({ method: 'GET', url: '/invoices?limit=5' });
  });

  it('answers healthz', async () => {
    const res = await server.inject('/healthz');
    expect(res.statusCode).to.equal(200);
    expect(res.result).to.equal({ ok: true });
  });
});

describe('requireFinanceAdmin', () => {
  it('rejects callers without the finance-admin scope', () => {
    const request = { auth: { credentials: { scope: ['invoices'] } }, log: () => undefined } as never;
    expect(() => (requireFinanceAdmin as (r: unknown, h: unknown) => unknown)(request, {})).to.throw(/finance admin/);
  });
});
