import type { APIRoute } from "astro";
import { verify } from "@node-rs/argon2";
import { createSession, destroySession, json } from "../../../lib/auth";
import { sql } from "../../../lib/db";
import { log } from "../../../lib/log";

interface LoginRow {
  id: string;
  passwordHash: string;
}

export const POST: APIRoute = async (context) => {
  let body: { email?: unknown; password?: unknown };
  try {
    body = await context.request.json();
  } catch {
    return json({ error: "expected a JSON body" }, { status: 400 });
  }

  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  const password = typeof body.password === "string" ? body.password : "";
  if (!email || !password) {
    return json({ error: "email and password are required" }, { status: 400 });
  }

  const [row] = await sql<LoginRow[]>`
    select id, password_hash from users where email = ${email} and disabled_at is null`;
  const ok = row ? await verify(row.passwordHash, password) : false;
  if (!ok) {
    log.info({ requestId: context.locals.requestId }, "login rejected");
    return json({ error: "invalid email or password" }, { status: 401 });
  }

  await createSession(context.cookies, row.id);
  return json({ ok: true });
};

export const DELETE: APIRoute = async ({ cookies }) => {
  await destroySession(cookies);
  return new Response(null, { status: 204 });
};
