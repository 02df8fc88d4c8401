import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@azure/functions', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@azure/functions')>()),
  app: { http: vi.fn() },
}));
vi.mock('../src/lib/secrets', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/secrets')>()),
  getSecret: vi.fn(),
}));
vi.mock('../src/lib/store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/store')>()),
  recordPaymentEvent: vi.fn(),
  findInvoice: vi.fn(),
  patchInvoice: vi.fn(),
}));

import { paystreamWebhook } from '../src/functions/webhooks';
import { getSecret } from '../src/lib/secrets';
import * as store from '../src/lib/store';
import { context, expectProblem, request } from './helpers';

const SECRET = 'whsec_test_2f9d0c7a41b84e6f';

function signed(body: string, t = Math.floor(Date.now() / 1000), secret = SECRET) {
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return request({
    method: 'POST',
    url: 'http://localhost/api/webhooks/paystream',
    headers: { 'x-paystream-signature': `t=${t},v1=${v1}`, 'content-type': 'application/json' },
    body,
  });
}

const event = JSON.stringify({
  id: 'evt_1',
  type: 'payment.succeeded',
  data: { paymentId: 'pay_1', reference: 'inv-1', amount: 4900, currency: 'EUR' },
});

describe('paystream webhook', () => {
  beforeEach(() => {
    vi.mocked(getSecret).mockResolvedValue(SECRET);
    vi.mocked(store.recordPaymentEvent).mockResolvedValue();
    vi.mocked(store.findInvoice).mockResolvedValue({ id: 'inv-1', customerId: 'cust-9' } as store.Invoice);
    vi.mocked(store.patchInvoice).mockResolvedValue({} as store.Invoice);
  });

  it('marks the invoice paid for a valid signature', async () => {
    const res = await paystreamWebhook(signed(event), context());
    expect(res.status).toBe(200);
    expect(store.patchInvoice).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'inv-1' }),
      expect.arrayContaining([{ op: 'set', path: '/status', value: 'paid' }]),
    );
  });

  it('rejects a signature made with another secret', async () => {
    expectProblem(await paystreamWebhook(signed(event, undefined, 'whsec_wrong'), context()), 401, /signature/);
  });

  it('rejects a replayed timestamp', async () => {
    const old = Math.floor(Date.now() / 1000) - 3600;
    expectProblem(await paystreamWebhook(signed(event, old), context()), 401);
  });

  it('acknowledges redelivered events without applying them twice', async () => {
    vi.mocked(store.recordPaymentEvent).mockRejectedValue(Object.assign(new Error('conflict'), { code: 409 }));
    const res = await paystreamWebhook(signed(event), context());
    expect(res.jsonBody).toMatchInlineSnapshot(`
      {
        "duplicate": true,
      }
    `);
    expect(store.patchInvoice).not.toHaveBeenCalled();
  });
});
