import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export interface AuditRecord {
  actor?: string;
  tenantId?: string;
  action: string;
  target?: string;
  durationMs?: number;
}

@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  /** Appends to the tenant-visible audit trail (SOX evidence for billing changes). */
  async record(entry: AuditRecord): Promise<void> {
    await this.prisma.auditEvent.create({
      data: {
        actorId: entry.actor ?? 'system',
        tenantId: entry.tenantId ?? null,
        action: entry.action,
        target: entry.target ?? null,
        durationMs: entry.durationMs ?? null,
      },
    });
  }
}
