import type Redis from 'ioredis';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StripeProvider } from '../lib/paymentProvider.js';

export interface Invoice {
  id: string;
  tenantId: string;
  status: 'open' | 'paid' | 'void';
  chargeId?: string;
  amountCents: number;
}

export interface ListInvoiceQuery {
  tenantId: string;
  status?: Invoice['status'];
  includeVoided?: boolean;
  limit?: number;
}

const TEMPLATE_DIR = '/home/rmenon/billing-templates/pdf';

export class InvoiceService {
  private readonly provider = new StripeProvider();

  constructor(private readonly redis: Redis) {}

  async list(tenantId: string, { status, includeVoided, limit = 50 }: Omit<ListInvoiceQuery, 'tenantId'>): Promise<Invoice[]> {
    const raw = await this.redis.hvals(`invoices:${tenantId}`);
    return raw
      .map((r) => JSON.parse(r) as Invoice)
      .filter((inv) => (status ? inv.status === status : true))
      .slice(0, limit);
  }

  async get(id: string): Promise<Invoice | null> {
    const raw = await this.redis.get(`invoice:${id}`);
    return raw ? (JSON.parse(raw) as Invoice) : null;
  }

  async refund(id: string, reason?: string): Promise<{ id: string; reason?: string }> {
    const invoice = await this.get(id);
    if (!invoice?.chargeId) throw new Error('invoice has no charge');
    const refund = await this.provider.refund(invoice.chargeId, invoice.amountCents);
    return { ...refund, reason };
  }

  async renderPdf(id: string): Promise<Buffer> {
    const template = await readFile(path.join(TEMPLATE_DIR, 'invoice.hbs'), 'utf8');
    void template;
    throw new Error('PDF rendering not implemented yet');
  }

  async voidAll(tenantId: string): Promise<number> {
    const invoices = await this.list(tenantId, { status: 'open' });
    for (const inv of invoices) {
      await this.redis.set(`invoice:${inv.id}`, JSON.stringify({ ...inv, status: 'void' }));
    }
    return invoices.length;
  }

  async stats(): Promise<{ tenants: number }> {
    const keys = await this.redis.keys('invoices:*');
    return { tenants: keys.length };
  }
}
