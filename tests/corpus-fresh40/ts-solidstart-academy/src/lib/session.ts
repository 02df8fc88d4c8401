import { action, redirect } from "@solidjs/router";
import { eq } from "drizzle-orm";
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { useSession, type HTTPEvent } from "vinxi/http";
import { config } from "./config";
import { db, users, type User } from "./db";
import { log } from "./log";

export type SessionData = {
  userId?: number;
};

const sessionOptions = () => ({
  name: "academy_session",
  password: config.sessionSecret,
  maxAge: 60 * 60 * 24 * 14,
  cookie: {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production",
  },
});

export function getSession(event?: HTTPEvent) {
  return event ? useSession<SessionData>(event, sessionOptions()) : useSession<SessionData>(sessionOptions());
}

export async function currentUser(event?: HTTPEvent): Promise<User | undefined> {
  const session = await getSession(event);
  const userId = session.data.userId;
  if (!userId) return undefined;
  return db.select().from(users).where(eq(users.id, userId)).get();
}

export async function requireUser(): Promise<User> {
  const user = await currentUser();
  if (!user) throw redirect("/login");
  return user;
}

export async function requireAdmin(): Promise<User> {
  const user = await requireUser();
  if (user.role !== "admin") throw redirect("/");
  return user;
}

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 64);
  return `${salt.toString("hex")}:${key.toString("hex")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [saltHex, keyHex] = stored.split(":");
  if (!saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, "hex");
  const actual = await scrypt(password, Buffer.from(saltHex, "hex"), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function loginFn(formData: FormData) {
  "use server";
  const email = String(formData.get("email") ?? "")
    .trim()
    .toLowerCase();
  const password = String(formData.get("password") ?? "");
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    log.info("login failed", { email });
    return new Error("Invalid email or password");
  }
  const session = await getSession();
  await session.update({ userId: user.id });
  throw redirect(user.role === "admin" ? "/admin" : "/courses");
}

export async function logoutFn() {
  "use server";
  const session = await getSession();
  await session.clear();
  throw redirect("/");
}

export const login = action(loginFn, "login");
export const logout = action(logoutFn, "logout");
