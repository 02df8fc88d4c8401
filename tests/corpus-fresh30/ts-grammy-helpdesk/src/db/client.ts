import { readFileSync } from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.js";
import { logger } from "../logger.js";
import type { Database } from "./schema.js";

export function createDb(config: Config): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 10,
    idleTimeoutMillis: 30_000,
    ssl: config.databaseCaPath
      ? { ca: readFileSync(config.databaseCaPath, "utf8"), rejectUnauthorized: true }
      : undefined,
  });

  pool.on("error", (err) => {
    logger.error({ err }, "idle postgres client error");
  });

  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === "error") {
        logger.error({ err: event.error, sql: event.query.sql }, "query failed");
      }
    },
  });
}
