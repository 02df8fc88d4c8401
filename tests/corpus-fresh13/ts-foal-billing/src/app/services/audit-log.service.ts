import { getManager } from 'typeorm';

export interface AuditEvent {
  tenantId: string;
  actor: string;
  action: string;
  subjectId: string;
  meta?: Record<string, unknown>;
}

export class AuditLog {
  async record(event: AuditEvent): Promise<void> {
    await getManager().query(
      'INSERT INTO audit_events (tenant_id, actor, action, subject_id, meta) VALUES ($1, $2, $3, $4, $5)',
      [event.tenantId, event.actor, event.action, event.subjectId, JSON.stringify(event.meta ?? {})],
    );
  }
}
