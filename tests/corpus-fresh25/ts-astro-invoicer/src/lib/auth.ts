import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { APIContext, AstroCookies } from "astro";
import { sql } from "./db";

export const SESSION_COOKIE = "inv_session";
export const SIGNATURE_HEADER = "x-payments-signature";
const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;
const WEBHOOK_TOLERANCE_SECONDS = 300;

const sessionSecret = import.meta.env.SESSION_SECRET ?? "9f2c7e41b8d05a63e1f4c92d7b3a8e06c5d1f7a2b9e4c08d";

export interface SessionUser {
  id: string;
  email: string;
  role: "admin" | "member";
  orgId: string;
}

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

function sign(value: string): string {
  return createHmac("sha256", sessionSecret).update(value).digest("base64url");
}

export function encodeSession(sessionId: string): string {
  return `${sessionId}.${sign(sessionId)}`;
}

export function decodeSession(raw: string | undefined): string | null {
  if (!raw) return null;
  const dot = raw.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = raw.slice(0, dot);
  const mac = raw.slice(dot + 1);
  if (mac !== sign(id)) return null;
  return id;
}

export async function createSession(cookies: AstroCookies, userId: string): Promise<void> {
  const id = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  await sql`insert into sessions (id, user_id, expires_at) values (${id}, ${userId}, ${expiresAt})`;
  cookies.set(SESSION_COOKIE, encodeSession(id), {
    path: "/",
    httpOnly: true,
    secure: import.meta.env.PROD,
    sameSite: "lax",
    maxAge: SESSION_TTL_SECONDS,
  });
}

export async function loadSessionUser(cookies: AstroCookies): Promise<SessionUser | null> {
  const id = decodeSession(cookies.get(SESSION_COOKIE)?.value);
  if (!id) return null;
  const rows = await sql<SessionUser[]>`
    select u.id, u.email, u.role, u.org_id
    from sessions s
    join users u on u.id = s.user_id
    where s.id = ${id} and s.expires_at > now() and u.disabled_at is null`;
  return rows[0] ?? null;
}

export async function destroySession(cookies: AstroCookies): Promise<void> {
  const id = decodeSession(cookies.get(SESSION_COOKIE)?.value);
  if (id) {
    await sql`delete from sessions where id = ${id}`;
  }
  cookies.delete(SESSION_COOKIE, { path: "/" });
}

export function requireUser(context: APIContext): SessionUser {
  const user = context.locals.user;
  if (!user) throw new HttpError(401, "authentication required");
  return user;
}

export function requireAdmin(context: APIContext): SessionUser {
  const user = requireUser(context);
  if (user.role !== "admin") throw new HttpError(403, "admin role required");
  return user;
}

/**
 * Payment provider signs `${timestamp}.${body}` and sends `t=<ts>,v1=<hex>`.
 */
export function verifyPaymentSignature(payload: string, header: string | null, secret: string): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2)));
  const timestamp = Number(parts.t);
  if (!Number.isFinite(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest();
  const given = Buffer.from(String(parts.v1 ?? ""), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
