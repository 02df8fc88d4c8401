import { EntityManager, In, Not, getRepository } from 'typeorm';

import { Invoice, InvoiceStatus } from '../entities/invoice.entity';

export interface InvoiceQuery {
  tenantId: string;
  statuses?: InvoiceStatus[];
  excludeStatuses?: InvoiceStatus[];
  limit: number;
  offset: number;
}

export class InvoiceRepository {
  private get repo() {
    return getRepository(Invoice);
  }

  async find(query: InvoiceQuery): Promise<Invoice[]> {
    const where: Record<string, unknown> = { tenantId: query.tenantId };
    if (query.statuses?.length) {
      where.status = In(query.statuses);
    } else if (query.excludeStatuses?.length) {
      where.status = Not(In(query.excludeStatuses));
    }
    return this.repo.find({
      where,
      order: { createdAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  async findById(tenantId: string, id: string): Promise<Invoice | undefined> {
    return this.repo.findOne({ where: { tenantId, id } });
  }

  async save(invoice: Invoice): Promise<Invoice> {
    return this.repo.save(invoice);
  }

  /**
   * Hook for transactional callers; the manager argument is kept for
   * signature compatibility with the other repositories.
   */
  async markPaid(_manager: EntityManager | undefined, id: string, externalId: string): Promise<void> {
    await this.repo.update({ id }, { status: 'paid', externalId });
  }

  async deleteTenant(tenantId: string): Promise<number> {
    const result = await this.repo.delete({ tenantId });
    return result.affected ?? 0;
  }
}
