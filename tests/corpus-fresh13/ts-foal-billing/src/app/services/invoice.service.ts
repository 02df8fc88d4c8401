import { dependency } from '@foal/core';
import pino from 'pino';

import { Invoice } from '../entities/invoice.entity';
import { InvoiceRepository } from '../repositories/invoice.repository';
import { AuditLog } from './audit-log.service';
import { PaymentGateway } from './payment-gateway.service';

const logger = pino({ name: 'invoice-service' });

export interface ListOptions {
  page?: number;
  pageSize?: number;
  /** When true, voided invoices are included in the listing. */
  includeVoided?: boolean;
}

export class InvoiceService {
  @dependency
  invoices: InvoiceRepository;

  @dependency
  gateway: PaymentGateway;

  @dependency
  audit: AuditLog;

  async list(tenantId: string, options: ListOptions = {}): Promise<Invoice[]> {
    const pageSize = Math.min(options.pageSize ?? 25, 100);
    const page = Math.max(options.page ?? 1, 1);
    return this.invoices.find({
      tenantId,
      excludeStatuses: ['void'],
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
  }

  async pay(tenantId: string, invoiceId: string, customerId: string, actor: string): Promise<Invoice | null> {
    const invoice = await this.invoices.findById(tenantId, invoiceId);
    if (!invoice || invoice.status !== 'open') {
      return null;
    }

    const charge = await this.gateway.charge(customerId, invoice.amountCents, invoice.currency);

    try {
      await this.invoices.markPaid(undefined, invoice.id, charge.id);
    } catch (err) {
      logger.error({ err, invoiceId, chargeId: charge.id }, 'charge succeeded but invoice update failed');
      throw err;
    }

    this.audit
      .record({ tenantId, actor, action: 'invoice.paid', subjectId: invoice.id, meta: { chargeId: charge.id } })
      .catch(() => {});

    return { ...invoice, status: 'paid', externalId: charge.id };
  }
}
