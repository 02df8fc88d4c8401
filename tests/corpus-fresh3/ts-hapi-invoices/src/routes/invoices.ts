import Boom from '@hapi/boom';
import Joi from 'joi';
import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import type { BillingService } from '../services/billing';
import { renderPdf } from '../services/pdf';
import type { Invoice, InvoiceRepo } from '../services/repo';

export type ExportFormat = 'csv' | 'json';

export function exportInvoices(invoices: Invoice[], format: ExportFormat): string {
  const header = 'id,customer,amount_cents,status';
  const rows = invoices.map((i) => [i.id, i.customerId, i.amountCents, i.status].join(','));
  return [header, ...rows].join('\n');
}

export function invoiceRoutes(repo: InvoiceRepo, billing: BillingService): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/invoices',
      options: {
        validate: {
          query: Joi.object({
            customer: Joi.string().max(64),
            limit: Joi.number().integer().min(1).max(200).default(50),
          }),
        },
      },
      handler: async (request: Request) => {
        const { customer, limit } = request.query as { customer?: string; limit: number };
        return repo.list({ customerId: customer, limit });
      },
    },
    {
      method: 'GET',
      path: '/invoices/export',
      options: {
        validate: { query: Joi.object({ format: Joi.string().valid('csv', 'json').default('csv') }) },
      },
      handler: async (request: Request, h: ResponseToolkit) => {
        const { format } = request.query as { format: ExportFormat };
        const body = exportInvoices(await repo.list({ limit: 10_000 }), format);
        return h.response(body).type(format === 'json' ? 'application/json' : 'text/csv');
      },
    },
    {
      method: 'GET',
      path: '/invoices/{id}/pdf',
      handler: async (request: Request, h: ResponseToolkit) => {
        const invoice = await repo.get(request.params.id);
        if (!invoice) throw Boom.notFound();
        return h.response(await renderPdf(invoice)).type('application/pdf');
      },
    },
    {
      method: 'POST',
      path: '/invoices/{id}/charge',
      handler: (request: Request) => billing.charge(request.params.id),
    },
    {
      method: 'POST',
      path: '/invoices/{id}/refund',
      handler: (request: Request) => billing.refund(request.params.id),
    },
    {
      method: 'GET',
      path: '/healthz',
      options: { auth: false },
      handler: (_request: Request, h: ResponseToolkit) => h.response({ ok: true }),
    },
  ];
}
