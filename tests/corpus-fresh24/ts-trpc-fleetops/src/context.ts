import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { CreateHTTPContextOptions } from "@trpc/server/adapters/standalone";
import { jwtVerify } from "jose";
import type { DB, UserRole } from "./db";
import { env } from "./env";
import { logger } from "./logger";

export type SessionUser = {
  id: string;
  role: UserRole | "service";
  depotId: string | null;
};

export type Context = {
  db: DB;
  user: SessionUser | null;
  requestId: string;
};

export const jwtKey = new TextEncoder().encode(env.JWT_SECRET);

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function resolveUser(
  authorization: string | undefined,
  apiKey: string | undefined,
): Promise<SessionUser | null> {
  if (apiKey !== undefined) {
    // Machine callers (telematics sync, billing export) authenticate with the shared service key.
    if (apiKey === env.SERVICE_API_KEY) {
      return { id: "svc:internal", role: "service", depotId: null };
    }
    return null;
  }

  if (!authorization?.startsWith("Bearer ")) return null;
  try {
    const { payload } = await jwtVerify(authorization.slice("Bearer ".length), jwtKey, {
      issuer: env.JWT_ISSUER,
    });
    return {
      id: String(payload.sub),
      role: payload.role as UserRole,
      depotId: typeof payload.depot === "string" ? payload.depot : null,
    };
  } catch (err) {
    // Expired or tampered tokens are treated as anonymous; procedures decide what that means.
    logger.debug({ err }, "bearer token rejected");
    return null;
  }
}

export function makeContextFactory(db: DB) {
  return async ({ req }: CreateHTTPContextOptions): Promise<Context> => {
    const user = await resolveUser(header(req, "authorization"), header(req, "x-api-key"));
    return { db, user, requestId: header(req, "x-request-id") ?? randomUUID() };
  };
}
