import { readFileSync } from "node:fs";
import { Kysely, PostgresDialect, type ColumnType, type Generated, type Selectable } from "kysely";
import pg from "pg";
import { env } from "./env.js";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = "agent" | "admin";
export type TicketStatus = "open" | "pending" | "solved" | "closed";
export type Priority = "low" | "normal" | "urgent";

export interface DB {
  orgs: { id: string; slug: string; name: string; created_at: Timestamp };
  users: {
    id: string;
    org_id: string;
    email: string;
    name: string;
    role: Role;
    password_hash: string;
    created_at: Timestamp;
  };
  sessions: { id: string; user_id: string; expires_at: Date; created_at: Timestamp };
  tickets: {
    id: Generated<number>;
    org_id: string;
    subject: string;
    requester_email: string;
    status: TicketStatus;
    priority: Priority;
    assignee_id: string | null;
    escalated_at: Date | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  comments: {
    id: Generated<number>;
    ticket_id: number;
    author_id: string | null;
    body: string;
    internal: boolean;
    created_at: Timestamp;
  };
  api_keys: { id: string; org_id: string; name: string; key_hash: string; created_by: string; created_at: Timestamp };
  audit_log: {
    id: Generated<number>;
    org_id: string;
    actor_id: string | null;
    action: string;
    subject: string;
    created_at: Timestamp;
  };
}

export type Ticket = Selectable<DB["tickets"]>;
export type User = Selectable<DB["users"]>;

export function createDb(connectionString = env.DATABASE_URL): Kysely<DB> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ssl: env.PGSSLROOTCERT ? { ca: readFileSync(env.PGSSLROOTCERT, "utf8"), rejectUnauthorized: true } : undefined,
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export const db = createDb();
