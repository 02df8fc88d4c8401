import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { app, output, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { authenticate, canSeeCustomer } from '../lib/auth';
import { HttpError, json, problem } from '../lib/http';
import { logger } from '../lib/log';
import * as store from '../lib/store';

export const renderQueue = output.storageQueue({ queueName: 'invoice-render', connection: 'AzureWebJobsStorage' });

type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export function withErrors(handler: Handler): Handler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (err) {
      if (err instanceof HttpError) return err.toResponse();
      logger(context).error('unhandled error', { error: (err as Error).message });
      return problem(500, 'Internal Server Error');
    }
  };
}

function parseLines(body: unknown): store.InvoiceLine[] {
  const lines = (body as { lines?: unknown }).lines;
  if (!Array.isArray(lines) || lines.length === 0) throw new HttpError(400, 'Bad Request', 'lines required');
  return lines.map((raw, i) => {
    const line = raw as Partial<store.InvoiceLine>;
    if (!line.sku || !Number.isInteger(line.quantity) || !Number.isInteger(line.unitPriceCents)) {
      throw new HttpError(400, 'Bad Request', `line ${i} is invalid`);
    }
    return {
      sku: line.sku,
      description: line.description ?? '',
      quantity: line.quantity as number,
      unitPriceCents: line.unitPriceCents as number,
    };
  });
}

export async function createInvoice(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const caller = await authenticate(request, 'Invoices.Write');
  const body = (await request.json()) as { customerId?: string; currency?: string; dueDate?: string };
  if (!body.customerId || !body.dueDate) throw new HttpError(400, 'Bad Request', 'customerId and dueDate required');
  const lines = parseLines(body);

  const invoice = await store.createInvoice({
    id: randomUUID(),
    customerId: body.customerId,
    number: `INV-${Date.now().toString(36).toUpperCase()}`,
    status: 'issued',
    currency: body.currency ?? 'EUR',
    lines,
    totalCents: store.totalOf(lines),
    dueDate: body.dueDate,
    issuedAt: new Date().toISOString(),
  });
  context.extraOutputs.set(renderQueue, { invoiceId: invoice.id, customerId: invoice.customerId });
  logger(context).info('invoice issued', { invoiceId: invoice.id, by: caller.oid });
  return json(201, invoice, { location: `/api/invoices/${invoice.id}?customerId=${invoice.customerId}` });
}

export async function getInvoice(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  const caller = await authenticate(request, 'Invoices.Read');
  const customerId = request.query.get('customerId') ?? '';
  if (!canSeeCustomer(caller, customerId)) throw new HttpError(404, 'Not Found');
  const invoice = await store.getInvoice(customerId, request.params.id);
  if (!invoice) throw new HttpError(404, 'Not Found');
  return json(200, invoice, { etag: invoice._etag ?? '' });
}

export async function listInvoices(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  const caller = await authenticate(request, 'Invoices.Read');
  const { customerId } = request.params;
  if (!canSeeCustomer(caller, customerId)) throw new HttpError(404, 'Not Found');
  const status = request.query.get('status') as store.InvoiceStatus | null;
  return json(200, await store.listForCustomer(customerId, status ?? undefined));
}

export async function exportInvoices(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const { customerId } = request.params;
  const invoices = await store.listForCustomer(customerId);
  const rows = invoices.map((inv) =>
    [inv.number, inv.status, inv.currency, (inv.totalCents / 100).toFixed(2), inv.dueDate, inv.paidAt ?? ''].join(','),
  );
  logger(context).info('invoice export', { customerId, rows: rows.length });
  return {
    status: 200,
    headers: { 'content-type': 'text/csv', 'content-disposition': `attachment; filename="${customerId}.csv"` },
    body: ['number,status,currency,total,due,paid_at', ...rows].join('\n'),
  };
}

export async function voidInvoice(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const caller = await authenticate(request, 'Invoices.Write');
  const customerId = request.query.get('customerId') ?? '';
  if (!canSeeCustomer(caller, customerId)) throw new HttpError(404, 'Not Found');
  const invoice = await store.getInvoice(customerId, request.params.id);
  if (!invoice) throw new HttpError(404, 'Not Found');

  const ifMatch = request.headers.get('if-match');
  if (ifMatch && ifMatch !== invoice._etag) {
    return problem(412, 'Precondition Failed', 'invoice changed since it was read');
  }
  if (invoice.status === 'paid' || invoice.status === 'refunded') {
    return problem(409, 'Conflict', 'paid invoices are refunded, not voided');
  }
  const updated = await store.patchInvoice(invoice, [{ op: 'set', path: '/status', value: 'void' }], invoice._etag);
  logger(context).info('invoice voided', { invoiceId: invoice.id, by: caller.oid });
  return json(200, updated);
}

export async function getInvoicePdf(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  const caller = await authenticate(request, 'Invoices.Read');
  const customerId = request.query.get('customerId') ?? '';
  if (!canSeeCustomer(caller, customerId)) throw new HttpError(404, 'Not Found');
  const invoice = await store.getInvoice(customerId, request.params.id);
  if (!invoice?.pdfPath) throw new HttpError(404, 'Not Found', 'PDF not rendered yet');
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf' },
    body: await readFile(invoice.pdfPath),
  };
}

app.http('createInvoice', {
  methods: ['POST'],
  authLevel: 'anonymous',
  route: 'invoices',
  extraOutputs: [renderQueue],
  handler: withErrors(createInvoice),
});
app.http('getInvoice', { methods: ['GET'], authLevel: 'anonymous', route: 'invoices/{id}', handler: withErrors(getInvoice) });
app.http('listInvoices', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'customers/{customerId}/invoices',
  handler: withErrors(listInvoices),
});
app.http('exportInvoices', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'customers/{customerId}/invoices.csv',
  handler: withErrors(exportInvoices),
});
app.http('voidInvoice', {
  methods: ['POST'],
  authLevel: 'anonymous',
  route: 'invoices/{id}/void',
  handler: withErrors(voidInvoice),
});
app.http('getInvoicePdf', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'invoices/{id}/pdf',
  handler: withErrors(getInvoicePdf),
});
