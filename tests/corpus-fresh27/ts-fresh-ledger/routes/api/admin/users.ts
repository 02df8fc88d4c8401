import { Handlers } from "$fresh/server.ts";
import { hash } from "$std/crypto/unstable_argon2.ts";
import type { State } from "../../_middleware.ts";
import { kv, type User, writeAudit } from "../../../utils/db.ts";

function forbidden() {
  return Response.json({ error: "admin only" }, { status: 403 });
}

export const handler: Handlers<unknown, State> = {
  async GET(_req, ctx) {
    const session = ctx.state.session!;
    if (!session.isAdmin) return forbidden();
    const users: Omit<User, "passwordHash">[] = [];
    for await (const entry of kv.list<User>({ prefix: ["users_by_team", session.teamId] })) {
      const { passwordHash: _omit, ...rest } = entry.value;
      users.push(rest);
    }
    return Response.json(users);
  },

  async POST(req, ctx) {
    const session = ctx.state.session!;
    if (!session.isAdmin) return forbidden();
    const { email, password } = await req.json();
    if (typeof email !== "string" || typeof password !== "string" || password.length < 12) {
      return Response.json({ error: "email and a 12+ character password are required" }, { status: 422 });
    }
    const user: User = {
      id: crypto.randomUUID(),
      email: email.toLowerCase(),
      teamId: session.teamId,
      passwordHash: await hash(password),
    };
    const res = await kv.atomic()
      .check({ key: ["users_by_email", user.email], versionstamp: null })
      .set(["users_by_email", user.email], user)
      .set(["users_by_team", user.teamId, user.id], user)
      .commit();
    if (!res.ok) return Response.json({ error: "email already registered" }, { status: 409 });
    await writeAudit(session.userId, "user.create", user.id);
    return Response.json({ id: user.id, email: user.email }, { status: 201 });
  },

  async DELETE(req, ctx) {
    const session = ctx.state.session!;
    const id = new URL(req.url).searchParams.get("id");
    if (!id) return Response.json({ error: "id is required" }, { status: 400 });
    const entry = await kv.get<User>(["users_by_team", session.teamId, id]);
    if (!entry.value) return Response.json({ error: "not found" }, { status: 404 });
    await kv.atomic()
      .delete(["users_by_team", session.teamId, id])
      .delete(["users_by_email", entry.value.email])
      .commit();
    await writeAudit(session.userId, "user.delete", id);
    return new Response(null, { status: 204 });
  },
};
