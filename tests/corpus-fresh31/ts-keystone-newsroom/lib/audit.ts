import type { KeystoneContext } from '@keystone-6/core/types';

export interface AuditEntry {
  action: string;
  targetId: string;
  actorId: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(context: KeystoneContext, entry: AuditEntry): Promise<boolean> {
  try {
    await context.sudo().db.AuditEvent.createOne({
      data: {
        action: entry.action,
        targetId: entry.targetId,
        actorId: entry.actorId ?? '',
        details: entry.details ?? {},
      },
    });
    return true;
  } catch {
    return false;
  }
}
