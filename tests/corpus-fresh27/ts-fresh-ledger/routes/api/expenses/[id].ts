import { Handlers } from "$fresh/server.ts";
import type { State } from "../../_middleware.ts";
import { deleteExpense, getExpense, saveExpense, writeAudit } from "../../../utils/db.ts";

function notFound() {
  return Response.json({ error: "not found" }, { status: 404 });
}

export const handler: Handlers<unknown, State> = {
  async GET(_req, ctx) {
    const session = ctx.state.session!;
    const expense = await getExpense(ctx.params.id);
    if (!expense || expense.teamId !== session.teamId) return notFound();
    return Response.json(expense);
  },

  async PATCH(req, ctx) {
    const session = ctx.state.session!;
    if (!session.isAdmin) {
      return Response.json({ error: "only admins can review expenses" }, { status: 403 });
    }
    const expense = await getExpense(ctx.params.id);
    if (!expense || expense.teamId !== session.teamId) return notFound();

    let body: { status?: string };
    try {
      body = await req.json();
    } catch {
      return Response.json({ error: "invalid JSON body" }, { status: 400 });
    }
    if (body.status !== "approved" && body.status !== "rejected") {
      return Response.json({ error: "status must be approved or rejected" }, { status: 422 });
    }
    expense.status = body.status;
    await saveExpense(expense);
    // audit trail is secondary to the approval itself
    writeAudit(session.userId, `expense.${body.status}`, expense.id).catch(() => {});
    return Response.json(expense);
  },

  async DELETE(_req, ctx) {
    const session = ctx.state.session!;
    const expense = await getExpense(ctx.params.id);
    if (!expense) return notFound();
    if (expense.status === "approved") {
      return Response.json({ error: "approved expenses cannot be deleted" }, { status: 409 });
    }
    await deleteExpense(expense);
    await writeAudit(session.userId, "expense.delete", expense.id);
    return new Response(null, { status: 204 });
  },
};
