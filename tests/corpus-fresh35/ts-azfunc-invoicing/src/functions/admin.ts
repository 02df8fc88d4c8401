import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { authenticate } from '../lib/auth';
import { HttpError, json, problem } from '../lib/http';
import { logger } from '../lib/log';
import * as payments from '../lib/payments';
import * as store from '../lib/store';
import { renderQueue, withErrors } from './invoices';

export async function refundInvoice(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const caller = await authenticate(request, 'Billing.Admin');
  const invoice = await store.findInvoice(request.params.id);
  if (!invoice) throw new HttpError(404, 'Not Found');
  if (invoice.status !== 'paid' || !invoice.paymentId) {
    return problem(409, 'Conflict', 'only paid invoices can be refunded');
  }

  const body = (await request.json()) as { amountCents?: number; reason?: string };
  const amount = body.amountCents ?? invoice.totalCents;
  if (!Number.isInteger(amount) || amount <= 0 || amount > invoice.totalCents) {
    throw new HttpError(400, 'Bad Request', 'amountCents must be between 1 and the invoice total');
  }
  const refund = await payments.refund(invoice.paymentId, amount, body.reason ?? 'requested_by_customer');
  logger(context).info('refund requested', { invoiceId: invoice.id, amount, refundId: refund.id, by: caller.oid });
  return json(202, refund);
}

export async function rerenderInvoice(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  await authenticate(request, 'Billing.Admin');
  const invoice = await store.findInvoice(request.params.id);
  if (!invoice) throw new HttpError(404, 'Not Found');
  context.extraOutputs.set(renderQueue, { invoiceId: invoice.id, customerId: invoice.customerId });
  return json(202, { queued: true });
}

export async function recalculateTax(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  await authenticate(request, 'Billing.Admin');
  return { status: 501, jsonBody: { error: 'tax recalculation is not available yet' } };
}

app.http('adminRefundInvoice', {
  methods: ['POST'],
  authLevel: 'function',
  route: 'admin/invoices/{id}/refund',
  handler: withErrors(refundInvoice),
});
app.http('adminRerenderInvoice', {
  methods: ['POST'],
  authLevel: 'function',
  route: 'admin/invoices/{id}/render',
  extraOutputs: [renderQueue],
  handler: withErrors(rerenderInvoice),
});
app.http('adminRecalculateTax', {
  methods: ['POST'],
  authLevel: 'function',
  route: 'admin/invoices/{id}/tax',
  handler: withErrors(recalculateTax),
});
