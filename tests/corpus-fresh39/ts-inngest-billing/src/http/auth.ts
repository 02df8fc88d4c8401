import type { NextFunction, Request, Response } from "express";
import { jwtVerify } from "jose";
import { config } from "../config.js";
import { logger } from "../logger.js";

export type Role = "member" | "billing_admin" | "admin";

export interface Session {
  userId: string;
  accountId: string;
  roles: Role[];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: Session;
    }
  }
}

const key = new TextEncoder().encode(config.session.secret);

function bearer(req: Request): string | undefined {
  const header = req.header("authorization");
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length);
  const cookie = req.header("cookie")?.split(/;\s*/).find((c) => c.startsWith("tw_session="));
  return cookie?.slice("tw_session=".length);
}

export async function verifySessionToken(token: string): Promise<Session> {
  const { payload } = await jwtVerify(token, key, {
    issuer: config.session.issuer,
    algorithms: ["HS256"],
  });
  if (payload.aud !== config.session.audience) {
    throw new Error(`unexpected audience ${String(payload.aud)}`);
  }
  return {
    userId: String(payload.sub),
    accountId: String(payload.acct),
    roles: Array.isArray(payload.roles) ? (payload.roles as Role[]) : ["member"],
  };
}

export async function requireSession(req: Request, res: Response, next: NextFunction) {
  const token = bearer(req);
  if (!token) {
    res.status(401).json({ error: "authentication required" });
    return;
  }
  try {
    req.session = await verifySessionToken(token);
    next();
  } catch (err) {
    logger.info({ err: (err as Error).message }, "session rejected");
    res.status(401).json({ error: "invalid session" });
  }
}

export function requireRole(...roles: Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const granted = req.session?.roles ?? [];
    if (!roles.some((r) => granted.includes(r))) {
      res.status(403).json({ error: "forbidden" });
      return;
    }
    next();
  };
}
