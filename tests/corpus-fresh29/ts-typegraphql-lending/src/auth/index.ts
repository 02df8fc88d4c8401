import type { Request } from "express";
import type { AuthChecker } from "type-graphql";
import jwt from "jsonwebtoken";
import { config } from "../config";
import { Role } from "../entities/Member";
import { logger } from "../logger";

export interface CurrentUser {
  id: string;
  role: Role;
  kiosk?: boolean;
}

export interface Context {
  user?: CurrentUser;
  requestId: string;
}

interface TokenClaims {
  sub: string;
  role: Role;
}

const KIOSK_USER: CurrentUser = { id: "kiosk", role: Role.LIBRARIAN, kiosk: true };

export async function buildContext({ req }: { req: Request }): Promise<Context> {
  const requestId = (req.headers["x-request-id"] as string) ?? crypto.randomUUID();

  const kioskKey = req.header("x-kiosk-key");
  if (kioskKey && config.kioskKey && kioskKey === config.kioskKey) {
    return { user: KIOSK_USER, requestId };
  }

  const header = req.header("authorization");
  if (!header?.startsWith("Bearer ")) return { requestId };

  try {
    const claims = jwt.verify(header.slice(7), config.jwt.secret, {
      algorithms: ["HS256"],
      audience: config.jwt.audience,
      issuer: config.jwt.issuer,
    }) as TokenClaims;
    return { user: { id: claims.sub, role: claims.role }, requestId };
  } catch (err) {
    logger.info("rejected bearer token", { requestId, reason: (err as Error).message });
    return { requestId };
  }
}

const RANK: Record<Role, number> = {
  [Role.MEMBER]: 1,
  [Role.LIBRARIAN]: 2,
  [Role.ADMIN]: 3,
};

/**
 * `@Authorized()` with no roles means "any signed-in member";
 * with roles it means "at least one of these ranks".
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const user = context.user;
  if (!user) return false;
  if (roles.length === 0) return true;
  return roles.some((role) => RANK[user.role] >= RANK[role]);
};

export function isLibrarian(ctx: Context): boolean {
  return !!ctx.user && RANK[ctx.user.role] >= RANK[Role.LIBRARIAN];
}
