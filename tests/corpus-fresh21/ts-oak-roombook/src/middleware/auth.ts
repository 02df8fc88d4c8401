import { type Context, type Middleware, Status } from "@oak/oak";
import { verify } from "@zaubrik/djwt";
import { decodeBase64 } from "@std/encoding/base64";
import { log } from "../logger.ts";

export type Role = "member" | "facilities" | "admin";

export interface SessionUser {
  id: string;
  email: string;
  roles: Role[];
}

export interface AppState {
  user?: SessionUser;
  requestId: string;
}

let signingKey: CryptoKey | undefined;

export async function configureAuth(keyBase64: string): Promise<void> {
  signingKey = await crypto.subtle.importKey(
    "raw",
    decodeBase64(keyBase64),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

async function userFromRequest(ctx: Context<AppState>): Promise<SessionUser | undefined> {
  const header = ctx.request.headers.get("authorization");
  if (!header?.startsWith("Bearer ") || !signingKey) {
    return undefined;
  }
  try {
    const payload = await verify(header.slice(7), signingKey);
    return {
      id: String(payload.sub),
      email: String(payload.email),
      roles: Array.isArray(payload.roles) ? (payload.roles as Role[]) : ["member"],
    };
  } catch (err) {
    log.info("rejected bearer token", { requestId: ctx.state.requestId, reason: (err as Error).message });
    return undefined;
  }
}

export const loadUser: Middleware<AppState> = async (ctx, next) => {
  ctx.state.user = await userFromRequest(ctx);
  await next();
};

export const requireUser: Middleware<AppState> = async (ctx, next) => {
  if (!ctx.state.user) {
    ctx.throw(Status.Unauthorized, "authentication required");
  }
  await next();
};

export function requireRole(role: Role): Middleware<AppState> {
  return async (ctx, next) => {
    const user = ctx.state.user;
    if (!user) {
      ctx.throw(Status.Unauthorized, "authentication required");
    }
    if (!user.roles.includes(role) && !user.roles.includes("admin")) {
      ctx.throw(Status.Forbidden, `${role} role required`);
    }
    await next();
  };
}
