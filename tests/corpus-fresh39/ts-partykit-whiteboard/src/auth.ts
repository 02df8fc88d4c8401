import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from "jose";

export type Role = "owner" | "editor" | "viewer";

export interface Identity {
  userId: string;
  orgId: string;
  name: string;
  role: Role;
}

type Env = Record<string, unknown>;

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function jwks(env: Env) {
  const url = String(env.CLERK_JWKS_URL);
  let set = jwksCache.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url));
    jwksCache.set(url, set);
  }
  return set;
}

function inviteKey(env: Env): Uint8Array {
  const secret = (env.INVITE_SIGNING_SECRET as string | undefined) ?? "pk9Qe2vR7tLx4NwZb8Jc1Hs6Ud3Mf0Ya";
  return new TextEncoder().encode(secret);
}

export function tokenFrom(req: Request): string | null {
  const url = new URL(req.url);
  const fromQuery = url.searchParams.get("token");
  if (fromQuery) return fromQuery;
  const header = req.headers.get("authorization");
  return header?.startsWith("Bearer ") ? header.slice(7) : null;
}

/** Verifies a Clerk session token and maps it to a board identity. */
export async function verifySession(token: string, env: Env): Promise<Identity> {
  const { payload } = await jwtVerify(token, jwks(env), {
    issuer: String(env.CLERK_ISSUER),
    clockTolerance: "30s",
  });
  return identityFromClaims(payload);
}

export function identityFromClaims(payload: JWTPayload): Identity {
  const orgRole = String(payload.org_role ?? "");
  if (!payload.sub || typeof payload.org_id !== "string") {
    throw new Error("token has no subject or organisation");
  }
  return {
    userId: payload.sub,
    orgId: payload.org_id,
    name: String(payload.name ?? payload.sub),
    role: orgRole === "org:admin" ? "owner" : orgRole === "org:member" ? "editor" : "viewer",
  };
}

/** Invite links grant a role on one board, signed by us rather than Clerk. */
export async function signInvite(env: Env, boardId: string, role: Exclude<Role, "owner">, ttl = "7d") {
  return new SignJWT({ board: boardId, role })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(inviteKey(env));
}

export async function verifyInvite(token: string, env: Env, boardId: string): Promise<Role> {
  const { payload } = await jwtVerify(token, inviteKey(env), { algorithms: ["HS256"] });
  if (payload.board !== boardId) {
    throw new Error("invite is for another board");
  }
  return payload.role === "editor" ? "editor" : "viewer";
}

export function canEdit(role: Role) {
  return role === "owner" || role === "editor";
}

/**
 * Parties call each other with a shared internal key. workerd exposes
 * crypto.subtle.timingSafeEqual; both sides are hashed first so lengths match.
 */
export async function internalKeyMatches(req: Request, env: Env): Promise<boolean> {
  const presented = req.headers.get("x-internal-key") ?? "";
  const expected = String(env.LOBBY_INTERNAL_KEY ?? "");
  if (!expected) return false;
  const enc = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", enc.encode(presented)),
    crypto.subtle.digest("SHA-256", enc.encode(expected)),
  ]);
  return (crypto.subtle as unknown as { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean }).timingSafeEqual(a, b);
}
