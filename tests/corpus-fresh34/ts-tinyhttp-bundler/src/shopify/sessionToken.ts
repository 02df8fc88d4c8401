import jwt from "jsonwebtoken";
import type { NextFunction, Request, Response } from "@tinyhttp/app";
import { config } from "../config.js";
import { sessionStore, type StoredSession } from "../db/sessions.js";
import { child } from "../logger.js";

const log = child("session-token");

export interface ShopContext {
  shop: string;
  userId?: string;
  session: StoredSession;
}

declare module "@tinyhttp/app" {
  interface Request {
    shopContext?: ShopContext;
  }
}

interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub?: string;
  exp: number;
  nbf: number;
}

export function shopFromClaims(claims: SessionTokenClaims): string | null {
  const dest = new URL(claims.dest);
  const iss = new URL(claims.iss);
  if (iss.hostname !== dest.hostname) {
    return null;
  }
  return dest.hostname;
}

function unauthorized(res: Response, reason: string): void {
  res.set("X-Shopify-Retry-Invalid-Session-Request", "1");
  res.status(401).json({ error: reason });
}

export function requireSessionToken(req: Request, res: Response, next?: NextFunction): void {
  const header = req.headers.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : "";
  if (!token) {
    return unauthorized(res, "missing session token");
  }
  let claims: SessionTokenClaims;
  try {
    claims = jwt.verify(token, config.apiSecret, { algorithms: ["HS256"], clockTolerance: 5 }) as SessionTokenClaims;
  } catch (err) {
    log.debug({ err }, "session token rejected");
    return unauthorized(res, "invalid session token");
  }
  if (claims.aud !== config.apiKey) {
    return unauthorized(res, "token issued for another app");
  }
  const shop = shopFromClaims(claims);
  if (!shop) {
    return unauthorized(res, "issuer and destination differ");
  }
  const session = sessionStore.loadOffline(shop);
  if (!session) {
    return unauthorized(res, "app not installed");
  }
  req.shopContext = { shop, userId: claims.sub, session };
  next?.();
}
