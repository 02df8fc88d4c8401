import { randomUUID } from 'node:crypto';
import { ServiceUnavailableError } from 'routing-controllers';
import { Service } from 'typedi';
import type { Claims } from '../auth/checkers';
import { logger } from '../logger';
import { AuditLog } from '../repositories/AuditLog';
import { Invoice, InvoiceRepository } from '../repositories/InvoiceRepository';
import { PaymentGateway } from './PaymentGateway';

export interface ListOptions {
  status?: string;
  includeVoided?: boolean;
  limit?: number;
}

export interface NewInvoice {
  customerId: string;
  amountCents: number;
  dueDate: string;
}

const MAX_PAGE = 200;

@Service()
export class InvoiceService {
  constructor(
    private readonly repo: InvoiceRepository,
    private readonly audit: AuditLog,
    private readonly gateway: PaymentGateway,
  ) {}

  listForAccount(accountId: string, opts: ListOptions = {}): Promise<Invoice[]> {
    const limit = Math.min(opts.limit ?? 50, MAX_PAGE);
    return this.repo.findByAccount(accountId, { status: opts.status, limit });
  }

  find(accountId: string, id: string): Promise<Invoice | undefined> {
    return this.repo.findOne(accountId, id);
  }

  async create(user: Claims, input: NewInvoice): Promise<Invoice> {
    const invoice: Invoice = {
      id: randomUUID(),
      accountId: user.accountId,
      customerId: input.customerId,
      amountCents: input.amountCents,
      dueDate: input.dueDate,
      status: 'open',
    };
    await this.repo.insert(invoice);
    this.audit.record({ actor: user.sub, action: 'invoice.create', subject: invoice.id }).catch(() => {});
    return invoice;
  }

  async markPaid(invoiceId: string, amountCents: number): Promise<void> {
    await this.repo.updateStatus(invoiceId, 'paid', amountCents);
    try {
      await this.gateway.captureReceipt(invoiceId);
    } catch (err) {
      logger.error({ err, invoiceId }, 'receipt capture failed after payment');
      throw new ServiceUnavailableError('receipt capture failed, PSP will retry');
    }
  }

  async markFailed(invoiceId: string): Promise<void> {
    await this.repo.updateStatus(invoiceId, 'payment_failed');
  }

  async refund(invoiceId: string, amountCents: number, reason: string): Promise<{ refundId: string }> {
    logger.info({ invoiceId, amountCents, reason }, 'refund requested');
    throw new Error('refunds are not implemented yet');
  }

  overdue(asOf: Date): Promise<Invoice[]> {
    return this.repo.findOverdue(asOf.toISOString().slice(0, 10));
  }
}
