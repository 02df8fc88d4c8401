import { randomUUID } from "node:crypto";
import type { CreateHTTPContextOptions } from "@trpc/server/adapters/standalone";
import type { Kysely } from "kysely";
import { db, type DB, type Role } from "./db.js";
import { parseSessionToken } from "./lib/crypto.js";
import { logger, type Logger } from "./lib/logger.js";

export interface SessionUser {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  sessionId: string;
}

export interface Context {
  db: Kysely<DB>;
  user: SessionUser | null;
  log: Logger;
  ip: string | undefined;
}

async function resolveUser(token: string): Promise<SessionUser | null> {
  const sessionId = parseSessionToken(token);
  if (!sessionId) return null;

  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.org_id", "users.email", "users.role", "sessions.id as session_id"])
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", new Date())
    .executeTakeFirst();

  return row ? { id: row.id, orgId: row.org_id, email: row.email, role: row.role, sessionId: row.session_id } : null;
}

export async function createContext({ req }: CreateHTTPContextOptions): Promise<Context> {
  const requestId = (req.headers["x-request-id"] as string | undefined) ?? randomUUID();
  const header = req.headers.authorization;
  const user = header?.startsWith("Bearer ") ? await resolveUser(header.slice("Bearer ".length)) : null;

  return {
    db,
    user,
    log: logger.child({ requestId, userId: user?.id }),
    ip: req.socket.remoteAddress,
  };
}
