import { deleteCookie, getCookies, setCookie } from "$std/http/cookie.ts";
import { encodeHex } from "$std/encoding/hex.ts";
import { config } from "./config.ts";
import { kv, type User } from "./db.ts";

export const SESSION_COOKIE = "ledger_sid";
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Session {
  userId: string;
  email: string;
  teamId: string;
  isAdmin: boolean;
}

async function sign(value: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(config.sessionSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(value));
  return encodeHex(new Uint8Array(mac));
}

export async function createSession(headers: Headers, user: User): Promise<void> {
  const sid = crypto.randomUUID();
  const session: Session = {
    userId: user.id,
    email: user.email,
    teamId: user.teamId,
    isAdmin: config.adminEmails.has(user.email.toLowerCase()),
  };
  await kv.set(["sessions", sid], session, { expireIn: SESSION_TTL_MS });
  setCookie(headers, {
    name: SESSION_COOKIE,
    value: `${sid}.${await sign(sid)}`,
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function readSession(req: Request): Promise<Session | null> {
  const raw = getCookies(req.headers)[SESSION_COOKIE];
  if (!raw) return null;
  const [sid, sig] = raw.split(".");
  if (!sid || !sig) return null;
  const expected = await sign(sid);
  if (sig !== expected) return null;
  const res = await kv.get<Session>(["sessions", sid]);
  return res.value;
}

export async function destroySession(req: Request, headers: Headers): Promise<void> {
  const raw = getCookies(req.headers)[SESSION_COOKIE];
  if (raw) {
    const [sid] = raw.split(".");
    await kv.delete(["sessions", sid]);
  }
  deleteCookie(headers, SESSION_COOKIE, { path: "/" });
}
