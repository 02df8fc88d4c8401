import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@azure/functions', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@azure/functions')>()),
  app: { http: vi.fn(), timer: vi.fn(), storageQueue: vi.fn() },
}));
vi.mock('../src/lib/auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/auth')>()),
  authenticate: vi.fn(),
}));
vi.mock('../src/lib/store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/store')>()),
  getInvoice: vi.fn(),
  patchInvoice: vi.fn(),
}));

import { authenticate } from '../src/lib/auth';
import { HttpError } from '../src/lib/http';
import * as store from '../src/lib/store';
import { getInvoice, voidInvoice, withErrors } from '../src/functions/invoices';
import { context, expectProblem, request } from './helpers';

const invoice: store.Invoice = {
  id: 'inv-1',
  customerId: 'cust-9',
  number: 'INV-1',
  status: 'issued',
  currency: 'EUR',
  lines: [{ sku: 'HOSTING', description: 'May', quantity: 1, unitPriceCents: 4900 }],
  totalCents: 4900,
  dueDate: '2024-06-01',
  _etag: '"0a00b1c2-0000-0d00-0000-665f1e2a0000"',
};

describe('invoice handlers', () => {
  beforeEach(() => {
    vi.mocked(authenticate).mockResolvedValue({ oid: 'u-1', roles: ['Invoices.Read', 'Invoices.Write'], customerId: 'cust-9' });
    vi.mocked(store.getInvoice).mockResolvedValue(invoice);
    vi.mocked(store.patchInvoice).mockImplementation(async (inv, ops) => ({ ...inv, status: ops[0].value as store.InvoiceStatus }));
  });

  it('answers 401 when the token is rejected', async () => {
    vi.mocked(authenticate).mockRejectedValue(new HttpError(401, 'Unauthorized', 'invalid token'));
    const req = request({ params: { id: 'inv-1' }, url: 'http://localhost/api/invoices/inv-1?customerId=cust-9' });
    await expect(withErrors(getInvoice)(req, context())).resolves.toMatchObject({ status: 401 });
  });

  it('hides invoices of other customers', async () => {
    const req = request({ params: { id: 'inv-1' }, url: 'http://localhost/api/invoices/inv-1?customerId=cust-1' });
    expectProblem(await withErrors(getInvoice)(req, context()), 404);
  });

  it('refuses to void with a stale If-Match', async () => {
    const req = request({
      method: 'POST',
      params: { id: 'inv-1' },
      url: 'http://localhost/api/invoices/inv-1/void?customerId=cust-9',
      headers: { 'if-match': '"stale"' },
    });
    expectProblem(await withErrors(voidInvoice)(req, context()), 412, /changed/);
    expect(store.patchInvoice).not.toHaveBeenCalled();
  });

  it('voids an issued invoice', async () => {
    const req = request({
      method: 'POST',
      params: { id: 'inv-1' },
      url: 'http://localhost/api/invoices/inv-1/void?customerId=cust-9',
      headers: { 'if-match': invoice._etag as string },
    });
    const res = await withErrors(voidInvoice)(req, context());
    expect(res.status).toBe(200);
    expect((res.jsonBody as store.Invoice).status).toBe('void');
  });
});
