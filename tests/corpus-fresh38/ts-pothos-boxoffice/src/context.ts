import { createHash, createHmac, randomUUID } from "node:crypto";
import type { EntityManager, MikroORM } from "@mikro-orm/core";
import type { AppConfig } from "./config";
import { ScannerDevice, Session, type User } from "./db/entities";
import { createLoaders, type Loaders } from "./loaders";
import type { Mailer } from "./mail";
import type { MollieClient } from "./payments/mollie";

export const SESSION_COOKIE = "bo_session";

export interface AppDeps {
  orm: MikroORM;
  config: AppConfig;
  mollie: MollieClient;
  mailer: Mailer;
}

export interface GraphQLContext {
  em: EntityManager;
  viewer: User | null;
  device: ScannerDevice | null;
  loaders: Loaders;
  deps: AppDeps;
  requestId: string;
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) {
      out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return out;
}

function sessionSignature(secret: string, sessionId: string): string {
  return createHmac("sha256", secret).update(sessionId).digest("base64url");
}

export function signSessionCookie(secret: string, sessionId: string): string {
  return `${sessionId}.${sessionSignature(secret, sessionId)}`;
}

export function verifySessionCookie(secret: string, raw: string): string | null {
  const dot = raw.lastIndexOf(".");
  if (dot <= 0) {
    return null;
  }
  const sessionId = raw.slice(0, dot);
  const signature = raw.slice(dot + 1);
  if (signature !== sessionSignature(secret, sessionId)) {
    return null;
  }
  return sessionId;
}

export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function buildContext(request: Request, deps: AppDeps): Promise<GraphQLContext> {
  const em = deps.orm.em.fork();
  let viewer: User | null = null;
  let device: ScannerDevice | null = null;

  const raw = parseCookies(request.headers.get("cookie") ?? "")[SESSION_COOKIE];
  if (raw) {
    const sessionId = verifySessionCookie(deps.config.sessionSecret, raw);
    if (sessionId !== null) {
      const session = await em.findOne(
        Session,
        { id: sessionId, expiresAt: { $gt: new Date() } },
        { populate: ["user"] },
      );
      viewer = session?.user ?? null;
    }
  }

  const authorization = request.headers.get("authorization") ?? "";
  if (authorization.startsWith("Device ")) {
    device = await em.findOne(
      ScannerDevice,
      { tokenHash: hashDeviceToken(authorization.slice("Device ".length).trim()), revokedAt: null },
      { populate: ["event"] },
    );
  }

  return {
    em,
    viewer,
    device,
    loaders: createLoaders(em),
    deps,
    requestId: request.headers.get("x-request-id") ?? randomUUID(),
  };
}
