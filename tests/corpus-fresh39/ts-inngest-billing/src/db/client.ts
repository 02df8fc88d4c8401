import { readFileSync } from "node:fs";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { and, eq, sql } from "drizzle-orm";
import { config } from "../config.js";
import * as schema from "./schema.js";

const pool = new pg.Pool({
  connectionString: config.databaseUrl,
  max: 10,
  ssl:
    config.env === "production"
      ? {
          ca: config.databaseCaFile ? readFileSync(config.databaseCaFile, "utf8") : undefined,
          rejectUnauthorized: false,
        }
      : undefined,
});

export const db = drizzle(pool, { schema });
export type Db = typeof db;

export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = "NotFoundError";
  }
}

export async function getAccount(id: string) {
  const row = await db.query.accounts.findFirst({ where: eq(schema.accounts.id, id) });
  if (!row) throw new NotFoundError("account", id);
  return row;
}

export async function getInvoice(id: string) {
  const row = await db.query.invoices.findFirst({ where: eq(schema.invoices.id, id) });
  if (!row) throw new NotFoundError("invoice", id);
  return row;
}

export async function unbilledUsage(accountId: string) {
  return db
    .select({
      metric: schema.usageRecords.metric,
      quantity: sql<number>`sum(${schema.usageRecords.quantity})`.mapWith(Number),
    })
    .from(schema.usageRecords)
    .where(and(eq(schema.usageRecords.accountId, accountId), eq(schema.usageRecords.billed, false)))
    .groupBy(schema.usageRecords.metric);
}

export async function setAccountStatus(id: string, status: schema.Account["status"]) {
  await db.update(schema.accounts).set({ status }).where(eq(schema.accounts.id, id));
}

export async function recordAudit(actor: string, action: string, subjectId: string, detail?: Record<string, unknown>) {
  await db.insert(schema.auditEvents).values({ actor, action, subjectId, detail });
}

export async function closePool() {
  await pool.end();
}
