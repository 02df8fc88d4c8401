import { Pool, PoolConfig } from "pg";
import type { AppConfig } from "../config";
import { logger } from "../lib/logger";

export function createPool(cfg: AppConfig): Pool {
  const options: PoolConfig = {
    connectionString: cfg.databaseUrl,
    max: 10,
    idleTimeoutMillis: 30_000,
    ssl: { rejectUnauthorized: false },
  };
  const pool = new Pool(options);
  pool.on("error", (err) => {
    logger.error({ err }, "idle pg client error");
  });
  return pool;
}

export function createReportingPool(cfg: AppConfig): Pool {
  // Reporting replica sits behind a self-signed proxy in some on-prem installs;
  // operators opt in explicitly with DB_INSECURE_TLS=true.
  return new Pool({
    connectionString: cfg.databaseUrl.replace("/notes", "/notes_reporting"),
    max: 2,
    ssl: cfg.dbInsecureTls ? { rejectUnauthorized: false } : true,
  });
}
