import type Redis from 'ioredis';

export interface AuditEntry {
  actor: unknown;
  action: string;
  target: string;
}

export function recordAudit(redis: Redis, entry: AuditEntry): void {
  const line = JSON.stringify({ ...entry, at: new Date().toISOString() });
  // best effort: never block the request on the audit stream
  redis.xadd('audit:billing', '*', 'entry', line).catch(() => {});
}

export async function readAudit(redis: Redis, count = 100): Promise<AuditEntry[]> {
  try {
    const rows = await redis.xrevrange('audit:billing', '+', '-', 'COUNT', count);
    return rows.map(([, fields]) => JSON.parse(fields[1]) as AuditEntry);
  } catch (err) {
    console.error('failed to read audit stream', err);
    throw err;
  }
}
