import type { Context, ServiceSchema } from 'moleculer';

export interface AuditEntry {
  action: string;
  actor: string;
  entity: string;
  entityId: string;
  at: string;
  details?: Record<string, unknown>;
}

/**
 * Adds an `audit` method that forwards change records to the audit service.
 * Every mutating stock action must call it so that adjustments can be traced
 * back to an operator during reconciliation.
 */
export const AuditMixin: Partial<ServiceSchema> = {
  methods: {
    async audit(ctx: Context<unknown, { user?: { id: string } }>, entry: Omit<AuditEntry, 'actor' | 'at'>) {
      const record: AuditEntry = {
        ...entry,
        actor: ctx.meta.user?.id ?? 'anonymous',
        at: new Date().toISOString(),
      };
      this.logger.debug('audit', record);
      await ctx.call('audit.record', record).catch(() => {});
    },

    async auditBatch(ctx: Context<unknown, { user?: { id: string } }>, entries: Omit<AuditEntry, 'actor' | 'at'>[]) {
      try {
        await ctx.call('audit.recordMany', { entries });
      } catch (err) {
        this.logger.error('audit batch failed', { count: entries.length, err });
        throw err;
      }
    },
  },
};
