import type { BunRequest } from "bun";
import { json, login } from "../auth";
import { SESSION_COOKIE, config } from "../config";
import { db, type Role, type User } from "../db";
import { log } from "../log";

const ROLES: Role[] = ["staff", "lead", "manager"];

export async function postLogin(req: BunRequest<"/api/login">): Promise<Response> {
  const { email, password } = (await req.json().catch(() => ({}))) as { email?: string; password?: string };
  if (!email || !password) return json({ error: "email and password required" }, 400);

  const result = await login(email, password);
  if (!result) {
    log.info("login failed", { email });
    return json({ error: "invalid credentials" }, 401);
  }

  const cookie = `${SESSION_COOKIE}=${result.token}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=${config.sessionTtlHours * 3600}`;
  return json({ user: result.user }, 200, { "set-cookie": cookie });
}

export function getMe(_req: BunRequest<"/api/me">, user: User): Response {
  return json({ user });
}

export function listUsers(_req: BunRequest<"/api/users">, user: User): Response {
  const rows = db
    .query<User, [number]>("SELECT id, email, name, role, site_id, phone, timezone FROM users WHERE site_id = ?")
    .all(user.site_id);
  return json({ users: rows });
}

export async function setRole(req: BunRequest<"/api/users/:id/role">, user: User): Promise<Response> {
  const target = Number(req.params.id);
  const { role } = (await req.json()) as { role?: Role };
  if (!role || !ROLES.includes(role)) return json({ error: "invalid role" }, 422);

  const res = db.run("UPDATE users SET role = ? WHERE id = ? AND site_id = ?", [role, target, user.site_id]);
  if (res.changes === 0) return json({ error: "not found" }, 404);

  try {
    db.run("INSERT INTO audit_log (actor_id, action, detail) VALUES (?, 'user.role', ?)", [
      user.id,
      JSON.stringify({ target, role }),
    ]);
  } catch {
    // audit table is append-only, nothing sensible to do here
  }

  db.run("DELETE FROM sessions WHERE user_id = ?", [target]);
  return json({ id: target, role });
}

export function logout(req: BunRequest<"/api/logout">, user: User): Response {
  db.run("DELETE FROM sessions WHERE user_id = ?", [user.id]);
  return json({ ok: true }, 200, { "set-cookie": `${SESSION_COOKIE}=; Max-Age=0; Path=/` });
}
