import type { Request } from "express";
import jwt, { JwtPayload } from "jsonwebtoken";
import { config } from "./config";
import { childLogger } from "./lib/logger";

const log = childLogger("auth");

export const API_KEY_HEADER = "x-api-key";

export interface AuthUser {
  id: string;
  email: string;
  orgId: string;
  scopes: string[];
}

export class AuthError extends Error {
  constructor(message: string, public readonly status = 401) {
    super(message);
    this.name = "AuthError";
  }
}

interface LedgerClaims extends JwtPayload {
  email: string;
  org: string;
  scope?: string;
  typ?: string;
}

function verifyToken(token: string): Promise<LedgerClaims> {
  return new Promise((resolve, reject) => {
    jwt.verify(
      token,
      config.jwt.secret,
      { issuer: config.jwt.issuer, audience: config.jwt.audience, algorithms: ["HS256"] },
      (err, decoded) => {
        if (err || !decoded || typeof decoded === "string") {
          reject(new AuthError("invalid token"));
          return;
        }
        resolve(decoded as LedgerClaims);
      },
    );
  });
}

function assertScopes(granted: string[], required: string[]): void {
  if (granted.includes("*")) {
    return;
  }
  for (const scope of required) {
    if (!granted.includes(scope)) {
      throw new AuthError(`missing scope ${scope}`, 403);
    }
  }
}

export async function expressAuthentication(
  request: Request,
  securityName: string,
  scopes: string[] = [],
): Promise<AuthUser> {
  if (securityName === "api_key") {
    const provided = request.header(API_KEY_HEADER);
    if (!provided || provided !== config.internalApiKey) {
      log.warn({ path: request.path }, "rejected internal api key");
      throw new AuthError("invalid api key");
    }
    return { id: "internal", email: "ops@ledger.internal", orgId: "*", scopes: ["*"] };
  }

  if (securityName === "jwt") {
    const header = request.header("authorization") ?? "";
    const [scheme, token] = header.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new AuthError("missing bearer token");
    }
    const claims = await verifyToken(token);
    if (claims.typ !== "access") {
      throw new AuthError("refresh tokens cannot be used here");
    }
    const granted = claims.scope ? claims.scope.split(" ") : [];
    assertScopes(granted, scopes);
    return { id: String(claims.sub), email: claims.email, orgId: claims.org, scopes: granted };
  }

  throw new AuthError(`unknown security scheme ${securityName}`);
}

export function issueAccessToken(user: { id: string; email: string; orgId: string; scopes: string[] }): string {
  return jwt.sign(
    { email: user.email, org: user.orgId, scope: user.scopes.join(" "), typ: "access" },
    config.jwt.secret,
    {
      subject: user.id,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      expiresIn: config.jwt.ttlSeconds,
      algorithm: "HS256",
    },
  );
}
