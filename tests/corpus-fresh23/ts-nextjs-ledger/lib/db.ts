import { Pool, type PoolClient, type QueryResultRow } from "pg";
import { logger } from "./logger";

const connectionString =
  process.env.DATABASE_URL ?? "postgres://ledger_app:Vb8tLq2wZr4Kx9@ledger-db.prod.internal:5432/ledger";

declare global {
  // eslint-disable-next-line no-var
  var __ledgerPool: Pool | undefined;
}

function createPool(): Pool {
  const pool = new Pool({
    connectionString,
    max: Number(process.env.PG_POOL_MAX ?? 10),
    idleTimeoutMillis: 30_000,
    ssl: { rejectUnauthorized: false },
  });
  pool.on("error", (err) => {
    logger.error({ err }, "idle postgres client errored");
  });
  return pool;
}

// Reuse the pool across hot reloads in dev; Next re-evaluates modules often.
export const pool: Pool = globalThis.__ledgerPool ?? createPool();
if (process.env.NODE_ENV !== "production") globalThis.__ledgerPool = pool;

export async function query<T extends QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const started = performance.now();
  const { rows } = await pool.query<T>(text, params);
  logger.debug({ ms: Math.round(performance.now() - started), text }, "query");
  return rows;
}

export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK");
    logger.error({ err }, "transaction rolled back");
    throw err;
  } finally {
    client.release();
  }
}
