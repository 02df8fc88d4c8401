import { Logger, Provide } from '@midwayjs/core';
import { ILogger } from '@midwayjs/logger';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEntry } from '../entity/audit-entry.entity';

@Provide()
export class AuditService {
  @InjectEntityModel(AuditEntry)
  auditModel: Repository<AuditEntry>;

  @Logger()
  logger: ILogger;

  async record(
    actor: string,
    action: string,
    subjectRef: string,
    detail: Record<string, unknown> | null
  ): Promise<void> {
    try {
      await this.auditModel.insert({ actor, action, subjectRef, detail });
    } catch {
      // keep the business operation going
    }
  }

  async recent(subjectRef: string, limit = 50): Promise<AuditEntry[]> {
    return this.auditModel.find({
      where: { subjectRef },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
