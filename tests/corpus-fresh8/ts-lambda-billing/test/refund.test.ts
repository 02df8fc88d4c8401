import { describe, expect, it, vi } from 'vitest';
import { apiEvent, lambdaContext } from './helpers.js';

vi.mock('../src/lib/invoices.js', () => ({
  getInvoice: vi.fn(async (id: string) => ({ id, status: 'paid', chargeId: 'ch_123', netCents: 1000, taxCents: 200 })),
  markRefunded: vi.fn(async () => undefined),
}));
vi.mock('../src/lib/stripe.js', () => ({
  refundCharge: vi.fn(async () => ({ id: 're_123' })),
}));

const { handler } = await import('../src/handlers/refund.js');

describe('refund', () => {
  it('refunds the full amount by default', async () => {
    const event = apiEvent({ pathParameters: { id: 'inv-1' }, body: {} });
    const res = await handler(event, lambdaContext);
    console.log(res);
  });

  it('refuses invoices that are still open', async () => {
    const { getInvoice } = await import('../src/lib/invoices.js');
    vi.mocked(getInvoice).mockResolvedValueOnce({ id: 'inv-2', status: 'open' } as any);
    const res = (await handler(apiEvent({ pathParameters: { id: 'inv-2' }, body: {} }), lambdaContext)) as { statusCode: number };
    expect(res.statusCode).toBe(409);
  });
});
