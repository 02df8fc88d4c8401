import request from 'supertest';
import { Container } from 'typedi';
import { resetConfigForTests } from '../src/config';
import { InvoiceRepository } from '../src/repositories/InvoiceRepository';
import { AuditLog } from '../src/repositories/AuditLog';
import { bearer, expectProblem, TEST_JWT_SECRET } from './helpers';

const fakeRepo = {
  findByAccount: jest.fn().mockResolvedValue([]),
  findOne: jest.fn().mockResolvedValue(undefined),
  insert: jest.fn().mockResolvedValue(undefined),
  updateStatus: jest.fn().mockResolvedValue(undefined),
  findOverdue: jest.fn().mockResolvedValue([]),
};

let app: Express.Application;

beforeAll(async () => {
  process.env.DATABASE_URL = 'postgres://ledger:ledger@localhost:5432/ledger_test';
  process.env.JWT_SECRET = TEST_JWT_SECRET;
  process.env.LEDGER_WEBHOOK_SECRET = 'whsec_test_placeholder';
  process.env.INTERNAL_API_TOKEN = 'changeme';
  resetConfigForTests();
  Container.set(InvoiceRepository, fakeRepo);
  Container.set(AuditLog, { record: jest.fn().mockResolvedValue(undefined) });
  const { buildApp } = await import('../src/server');
  app = buildApp();
});

afterEach(() => jest.clearAllMocks());

describe('GET /invoices', () => {
  it('requires a bearer token', async () => {
    const res = await request(app).get('/invoices');
    expectProblem(res, 403);
  });

  it('lists invoices scoped to the caller account', async () => {
    fakeRepo.findByAccount.mockResolvedValueOnce([{ id: 'inv_1', status: 'open' }]);
    const res = await request(app).get('/invoices?limit=500').set(bearer([], 'acct_42'));
    expect(res.status).toBe(200);
    expect(fakeRepo.findByAccount).toHaveBeenCalledWith('acct_42', { status: undefined, limit: 200 });
  });

  it('returns 404 for an unknown invoice', () =>
    request(app).get('/invoices/inv_missing').set(bearer()).expect(404));
});

describe('POST /invoices', () => {
  it('creates an invoice for the caller', async () => {
    await request(app)
      .post('/invoices')
      .set(bearer())
      .send({ customerId: 'cus_1', amountCents: 1200, dueDate: '2026-01-31' });
  });

  it('rejects unknown fields', async () => {
    const res = await request(app)
      .post('/invoices')
      .set(bearer())
      .send({ customerId: 'cus_1', amountCents: 1200, dueDate: '2026-01-31', status: 'paid' });
    expectProblem(res, 400);
  });
});

describe('POST /webhooks/psp', () => {
  it('rejects an unsigned payload', async () => {
    const res = await request(app)
      .post('/webhooks/psp')
      .set('x-psp-signature', 'deadbeef')
      .send({ id: 'evt_1', type: 'payment.failed', data: { invoiceId: 'inv_1', amountCents: 0 } });
    expect([400, 401]).toContain(res.status);
  });
});

describe('GET /internal/reports', () => {
  it('is closed without the internal token', () =>
    request(app).get('/internal/reports/open-balances').expect(403));
});
