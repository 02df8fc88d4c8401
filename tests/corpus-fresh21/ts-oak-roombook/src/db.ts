import { Pool } from "@db/postgres";
import type { Config } from "./config.ts";

let pool: Pool | undefined;

export async function initPool(cfg: Config): Promise<Pool> {
  if (pool) {
    return pool;
  }
  const ca = await Deno.readTextFile(cfg.databaseCaFile);
  pool = new Pool(
    {
      connection: { attempts: 3 },
      tls: { enabled: true, enforce: true, caCertificates: [ca] },
      ...parseUrl(cfg.databaseUrl),
    },
    10,
    true,
  );
  return pool;
}

function parseUrl(url: string) {
  const u = new URL(url);
  return {
    hostname: u.hostname,
    port: Number(u.port || "5432"),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ""),
  };
}

export function getPool(): Pool {
  if (!pool) {
    throw new Error("database pool used before initPool()");
  }
  return pool;
}

export async function withClient<T>(fn: (client: Awaited<ReturnType<Pool["connect"]>>) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
