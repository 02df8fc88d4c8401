import pg from 'pg';
import pino from 'pino';
import { config } from '../config.js';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});

export const pool = new pg.Pool({
  connectionString: config.database.connectionString,
  max: config.database.max,
});

pool.on('error', (err) => logger.error({ err }, 'idle pg client error'));

export interface AuditEntry {
  orgId: string;
  actorId: string;
  action: 'file.upload' | 'file.delete' | 'file.purge' | 'share.create' | 'share.revoke' | 'quota.update';
  target?: string;
  meta?: Record<string, unknown>;
}

/**
 * Appends to audit_log. Customers export this table for their compliance
 * reviews, so every destructive action must land here.
 */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  try {
    await pool.query(
      `insert into audit_log (org_id, actor_id, action, target, meta, at)
       values ($1, $2, $3, $4, $5, now())`,
      [entry.orgId, entry.actorId, entry.action, entry.target ?? null, entry.meta ?? {}],
    );
  } catch {
    // audit must never break the request
  }
}

export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}
