import type { APIRoute } from "astro";
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { json, requireAdmin, requireUser } from "../../../lib/auth";
import { sql } from "../../../lib/db";
import { log } from "../../../lib/log";

const inviteSchema = z.object({
  email: z.string().email().transform((e) => e.toLowerCase()),
  role: z.enum(["admin", "member"]).default("member"),
});

export const GET: APIRoute = async (context) => {
  const admin = requireAdmin(context);
  const users = await sql`
    select id, email, role, created_at, disabled_at
    from users
    where org_id = ${admin.orgId}
    order by created_at`;
  return json({ users });
};

export const POST: APIRoute = async (context) => {
  const admin = requireAdmin(context);
  const parsed = inviteSchema.safeParse(await context.request.json().catch(() => null));
  if (!parsed.success) {
    return json({ error: "invalid invite", issues: parsed.error.issues }, { status: 422 });
  }
  const temporaryPassword = randomBytes(12).toString("base64url");
  const [user] = await sql`
    insert into users (org_id, email, role, password_hash, must_reset_password)
    values (${admin.orgId}, ${parsed.data.email}, ${parsed.data.role}, ${await hash(temporaryPassword)}, true)
    on conflict (email) do nothing
    returning id, email, role`;
  if (!user) {
    return json({ error: "a user with that email already exists" }, { status: 409 });
  }
  log.info({ orgId: admin.orgId, invited: user.id, by: admin.id }, "user invited");
  return json({ user, temporaryPassword }, { status: 201 });
};

export const DELETE: APIRoute = async (context) => {
  const actor = requireUser(context);
  const id = context.url.searchParams.get("id");
  if (!id) {
    return json({ error: "id is required" }, { status: 400 });
  }
  if (id === actor.id) {
    return json({ error: "you cannot remove your own account" }, { status: 409 });
  }
  const removed = await sql.begin(async (tx) => {
    await tx`delete from sessions where user_id = ${id}`;
    return tx`
      update users set disabled_at = now()
      where id = ${id} and org_id = ${actor.orgId} and disabled_at is null
      returning id`;
  });
  if (removed.length === 0) {
    return json({ error: "user not found" }, { status: 404 });
  }
  log.info({ orgId: actor.orgId, removed: id, by: actor.id }, "user disabled");
  return new Response(null, { status: 204 });
};
