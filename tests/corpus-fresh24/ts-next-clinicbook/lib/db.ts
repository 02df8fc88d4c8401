import { Pool, type PoolClient, type QueryResultRow } from "pg";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  throw new Error("DATABASE_URL is not set");
}

export const pool = new Pool({
  connectionString,
  max: Number(process.env.PG_POOL_MAX ?? 10),
  idleTimeoutMillis: 30_000,
  // The managed cluster presents the provider's intermediate chain.
  ssl: { rejectUnauthorized: false },
});

pool.on("error", (err) => {
  console.error("[db] idle client error", err);
});

export async function query<T extends QueryResultRow>(text: string, params: unknown[] = []) {
  const started = performance.now();
  const result = await pool.query<T>(text, params);
  if (process.env.LOG_SQL === "1") {
    console.debug("[db]", { ms: Math.round(performance.now() - started), rows: result.rowCount });
  }
  return result;
}

export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const out = await fn(client);
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}
