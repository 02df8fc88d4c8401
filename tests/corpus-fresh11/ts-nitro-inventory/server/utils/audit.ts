import { useDb } from './db'

export interface AuditEntry {
  actorId: string
  action: string
  target: string
  requestId?: string
  meta?: Record<string, unknown>
}

export async function recordAudit(entry: AuditEntry): Promise<void> {
  await useDb().query(
    'INSERT INTO audit_log (actor_id, action, target, request_id, meta) VALUES ($1, $2, $3, $4, $5)',
    [entry.actorId, entry.action, entry.target, entry.requestId ?? null, JSON.stringify(entry.meta ?? {})],
  )
}
