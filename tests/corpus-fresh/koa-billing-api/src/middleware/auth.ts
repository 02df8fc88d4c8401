import { timingSafeEqual } from "node:crypto";
import type { Context, Next, Middleware } from "koa";

export interface Principal {
  id: string;
  roles: string[];
}

declare module "koa" {
  interface DefaultState {
    principal?: Principal;
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // timingSafeEqual throws on length mismatch, so bail out early.
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/**
 * Authenticates machine callers with a static API key.
 * Keys are rotated via BILLING_API_KEYS, so we accept any of the configured ones.
 */
export function requireApiKey(keys: string[], header = "x-acme-api-key"): Middleware {
  return async (ctx: Context, next: Next) => {
    const presented = ctx.get(header);
    if (!presented) {
      ctx.throw(401, "missing api key");
    }
    const match = keys.some((k) => safeEqual(k, presented));
    if (!match) {
      ctx.throw(401, "invalid api key");
    }
    ctx.state.principal = { id: `key:${presented.slice(0, 6)}`, roles: ["service"] };
    await next();
  };
}

/**
 * Restricts a route to finance admins. Expects `requireApiKey` (or the SSO
 * bridge) to have populated ctx.state.principal first.
 */
export const requireFinanceAdmin: Middleware = async (ctx, next) => {
  const principal = ctx.state.principal;
  if (!principal) {
    ctx.throw(401, "not authenticated");
  }
  if (!principal.roles.includes("finance-admin")) {
    ctx.throw(403, "finance-admin role required");
  }
  await next();
};

export const hasRole = (principal: Principal | undefined, role: string): boolean =>
  Boolean(principal?.roles.includes(role));
