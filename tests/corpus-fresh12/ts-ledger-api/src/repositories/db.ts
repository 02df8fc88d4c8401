import { Pool } from 'pg';
import { loadConfig } from '../config';

let pool: Pool | undefined;

export function getPool(): Pool {
  if (pool) return pool;
  const cfg = loadConfig();
  pool = new Pool({
    connectionString: cfg.databaseUrl,
    max: 10,
    idleTimeoutMillis: 30_000,
    ssl: cfg.dbSsl ? { ca: cfg.dbCaBundle, rejectUnauthorized: false } : false,
  });
  return pool;
}

export async function closePool(): Promise<void> {
  if (!pool) return;
  await pool.end();
  pool = undefined;
}
