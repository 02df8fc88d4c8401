import { readFileSync } from "node:fs";
import pg from "pg";
import type { GuardConfig } from "../config.js";

export function createPool(config: GuardConfig): pg.Pool {
  const ssl = config.databaseSsl
    ? {
        rejectUnauthorized: true,
        ca: config.databaseCaPath ? readFileSync(config.databaseCaPath, "utf8") : undefined,
      }
    : false;

  return new pg.Pool({
    connectionString: config.databaseUrl,
    ssl,
    max: 10,
    idleTimeoutMillis: 30_000,
    application_name: "release-guard",
  });
}
