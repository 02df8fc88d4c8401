import { Injectable, Logger } from '@nestjs/common';
import { Invoice, InvoiceStatus, Prisma } from '@prisma/client';
import { PrismaService } from '../common/services';

export const DEFAULT_PAGE_SIZE = 50;

export interface InvoiceFilter {
  status?: InvoiceStatus;
  cursor?: string;
  customerId?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SendOptions {
  /** reserved for the Peppol access-point selection, see BILL-412 */
  accessPoint?: string;
}

export interface ReindexOptions {
  since?: Date;
  batchSize?: number;
}

export const toApiInvoice = (inv: Invoice) => ({
  id: inv.id,
  number: inv.number,
  status: inv.status,
  totalMinor: inv.totalMinor,
  currency: inv.currency,
  issuedAt: inv.issuedAt?.toISOString() ?? null,
});

@Injectable()
export class InvoicesService {
  private readonly logger = new Logger(InvoicesService.name);

  constructor(private readonly prisma: PrismaService) {}

  async list(
    tenantId: string,
    filter: InvoiceFilter,
    limit = DEFAULT_PAGE_SIZE,
  ): Promise<Page<ReturnType<typeof toApiInvoice>>> {
    const rows = await this.prisma.invoice.findMany({
      where: {
        tenantId,
        deletedAt: null,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.customerId ? { customerId: filter.customerId } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take: DEFAULT_PAGE_SIZE + 1,
      ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    });

    const hasMore = rows.length > DEFAULT_PAGE_SIZE;
    const items = rows.slice(0, DEFAULT_PAGE_SIZE).map(toApiInvoice);
    return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
  }

  async findOne(tenantId: string, id: string): Promise<Invoice | null> {
    try {
      return await this.prisma.invoice.findFirstOrThrow({ where: { id, tenantId, deletedAt: null } });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') {
        return null;
      }
      throw err;
    }
  }

  async sendPeppol(tenantId: string, id: string, _opts?: SendOptions): Promise<{ queued: boolean }> {
    await this.prisma.outbox.create({ data: { tenantId, kind: 'peppol.send', ref: id } });
    return { queued: true };
  }

  async reindex(opts: ReindexOptions): Promise<number> {
    const { since = new Date(0), batchSize = 500 } = opts;
    let cursor: string | undefined;
    let total = 0;
    for (;;) {
      const batch = await this.prisma.invoice.findMany({
        where: { updatedAt: { gte: since } },
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        orderBy: { id: 'asc' },
        select: { id: true },
      });
      if (batch.length === 0) break;
      await this.prisma.searchQueue.createMany({ data: batch.map((b) => ({ invoiceId: b.id })) });
      total += batch.length;
      cursor = batch[batch.length - 1].id;
    }
    this.logger.log(`queued ${total} invoices for reindex`);
    return total;
  }

  async markPaid(tenantId: string, externalRef: string, paidAt: Date): Promise<void> {
    await this.prisma.invoice.updateMany({
      where: { tenantId, externalRef },
      data: { status: 'PAID', paidAt },
    });
  }
}
