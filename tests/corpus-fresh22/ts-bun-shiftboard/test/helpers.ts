import { expect } from "bun:test";
import { db, type Role } from "../src/db";
import { login } from "../src/auth";

let seq = 0;

export async function seedUser(role: Role = "staff", siteId = 1) {
  seq++;
  const email = `user${seq}@clinic.test`;
  const password = "correct horse battery staple";
  db.run("INSERT INTO users (email, name, password_hash, role, site_id) VALUES (?, ?, ?, ?, ?)", [
    email,
    `User ${seq}`,
    await Bun.password.hash(password),
    role,
    siteId,
  ]);
  const session = await login(email, password);
  if (!session) throw new Error("seed login failed");
  return session;
}

export function authed(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } };
}

export async function expectJson(res: Response, status: number, shape?: Record<string, unknown>) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = await res.json();
  if (shape) expect(body).toMatchObject(shape);
  return body;
}
