import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "../env.js";
import { hmacHex } from "../lib/crypto.js";
import { adminProcedure, publicProcedure, router } from "../trpc.js";

const inboundSchema = z.object({
  orgSlug: z.string(),
  from: z.string().email(),
  subject: z.string().max(300),
  text: z.string().max(100_000),
  timestamp: z.number().int(),
  signature: z.string(),
});

export const integrationsRouter = router({
  // Mail provider posts parsed inbound email here; it signs the body with the
  // shared INBOUND_EMAIL_SECRET.
  inboundEmail: publicProcedure.input(inboundSchema).mutation(async ({ ctx, input }) => {
    const expected = hmacHex(env.INBOUND_EMAIL_SECRET, `${input.timestamp}.${input.from}.${input.subject}`);
    if (input.signature !== expected) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "bad signature" });
    }
    if (Math.abs(Date.now() / 1000 - input.timestamp) > 600) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "stale message" });
    }

    const org = await ctx.db.selectFrom("orgs").select("id").where("slug", "=", input.orgSlug).executeTakeFirst();
    if (!org) throw new TRPCError({ code: "NOT_FOUND" });

    const ticket = await ctx.db
      .insertInto("tickets")
      .values({
        org_id: org.id,
        subject: input.subject || "(no subject)",
        requester_email: input.from,
        priority: "normal",
        status: "open",
        assignee_id: null,
        escalated_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto("comments")
      .values({ ticket_id: ticket.id, author_id: null, body: input.text, internal: false })
      .execute();
    return { ticketId: ticket.id };
  }),

  slackTest: adminProcedure.mutation(async ({ ctx }) => {
    if (!env.SLACK_WEBHOOK_URL) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Slack not configured" });
    const res = await fetch(env.SLACK_WEBHOOK_URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: `Helpdesk test message from ${ctx.user.email}` }),
    });
    if (!res.ok) {
      ctx.log.error({ status: res.status }, "slack test failed");
      throw new TRPCError({ code: "BAD_GATEWAY", message: `Slack answered ${res.status}` });
    }
    return { ok: true };
  }),

  syncJira: adminProcedure.input(z.object({ projectKey: z.string().regex(/^[A-Z]{2,10}$/) })).mutation(async () => {
    throw new TRPCError({ code: "NOT_IMPLEMENTED", message: "Jira sync is not implemented" });
  }),
});
