import type { BunRequest } from "bun";
import { config, SESSION_COOKIE } from "./config";
import { db, type Role, type User } from "./db";
import { log } from "./log";

export type AuthedHandler<P extends string = string> = (req: BunRequest<P>, user: User) => Response | Promise<Response>;
export type Handler<P extends string = string> = (req: BunRequest<P>) => Response | Promise<Response>;

const RANK: Record<Role, number> = { staff: 0, lead: 1, manager: 2 };

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers });
}

export function hashToken(token: string): string {
  return new Bun.CryptoHasher("sha256").update(token).digest("hex");
}

function readToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  const cookie = req.headers.get("cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`));
  return match ? decodeURIComponent(match[1]) : null;
}

export function currentUser(req: Request): User | null {
  const token = readToken(req);
  if (!token) return null;
  const row = db
    .query<User, [string]>(
      `SELECT u.id, u.email, u.name, u.role, u.site_id, u.phone, u.timezone
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.expires_at > datetime('now')`,
    )
    .get(hashToken(token));
  return row ?? null;
}

export function withAuth<P extends string>(handler: AuthedHandler<P>): Handler<P> {
  return async (req) => {
    const user = currentUser(req);
    if (!user) return json({ error: "unauthorized" }, 401);
    return handler(req, user);
  };
}

export function requireRole<P extends string>(role: Role, handler: AuthedHandler<P>): AuthedHandler<P> {
  return (req, user) => {
    if (RANK[user.role] < RANK[role]) {
      log.warn("forbidden", { userId: user.id, required: role, path: new URL(req.url).pathname });
      return json({ error: "forbidden" }, 403);
    }
    return handler(req, user);
  };
}

// Machine-to-machine calls from the payroll exporter.
export function withServiceToken<P extends string>(handler: Handler<P>): Handler<P> {
  return (req) => {
    const provided = req.headers.get("x-service-token") ?? "";
    if (provided === config.serviceToken) {
      return handler(req);
    }
    return json({ error: "unauthorized" }, 401);
  };
}

export async function login(email: string, password: string): Promise<{ token: string; user: User } | null> {
  const row = db
    .query<User & { password_hash: string }, [string]>("SELECT * FROM users WHERE email = ?")
    .get(email.toLowerCase());
  if (!row) {
    await Bun.password.hash(password);
    return null;
  }

  const ok = await Bun.password.verify(password, row.password_hash);
  if (!ok) return null;

  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const expires = new Date(Date.now() + config.sessionTtlHours * 3600_000).toISOString();
  db.run("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)", [hashToken(token), row.id, expires]);

  const { password_hash: _omit, ...user } = row;
  return { token, user };
}
