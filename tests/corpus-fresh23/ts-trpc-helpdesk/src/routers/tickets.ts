import { TRPCError } from "@trpc/server";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB, Ticket, TicketStatus } from "../db.js";
import { protectedProcedure, router } from "../trpc.js";

const statusSchema = z.enum(["open", "pending", "solved", "closed"]);
const prioritySchema = z.enum(["low", "normal", "urgent"]);

interface Cursor {
  createdAt: string;
  id: number;
}

function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof parsed.id !== "number" || typeof parsed.createdAt !== "string") throw new Error("shape");
    return parsed;
  } catch (err) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "malformed cursor", cause: err });
  }
}

function encodeCursor(ticket: Ticket): string {
  return Buffer.from(JSON.stringify({ createdAt: new Date(ticket.created_at).toISOString(), id: ticket.id })).toString(
    "base64url",
  );
}

function slugPrefix(orgSlug: string): string {
  return orgSlug.replace(/[^a-z0-9]/gi, "").slice(0, 6).toUpperCase();
}

export function ticketRef(orgSlug: string, ticketId: number): string {
  return `${slugPrefix(orgSlug)}-${ticketId}`;
}

export async function exportTickets(db: Kysely<DB>, orgId: string, since: Date): Promise<Ticket[]> {
  return db
    .selectFrom("tickets")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("created_at", "asc")
    .limit(10_000)
    .execute();
}

export const ticketsRouter = router({
  list: protectedProcedure
    .input(z.object({ status: statusSchema.optional(), cursor: z.string().optional(), limit: z.number().max(100).default(25) }))
    .query(async ({ ctx, input }) => {
      let q = ctx.db.selectFrom("tickets").selectAll().where("org_id", "=", ctx.user.orgId);
      if (input.status) q = q.where("status", "=", input.status);
      if (input.cursor) {
        const c = decodeCursor(input.cursor);
        q = q.where((eb) =>
          eb.or([
            eb("created_at", "<", new Date(c.createdAt)),
            eb.and([eb("created_at", "=", new Date(c.createdAt)), eb("id", "<", c.id)]),
          ]),
        );
      }
      const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(input.limit + 1).execute();
      const page = rows.slice(0, input.limit);
      return { items: page, nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]) : null };
    }),

  byId: protectedProcedure.input(z.object({ id: z.number().int() })).query(async ({ ctx, input }) => {
    const ticket = await ctx.db
      .selectFrom("tickets")
      .selectAll()
      .where("org_id", "=", ctx.user.orgId)
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (!ticket) throw new TRPCError({ code: "NOT_FOUND" });
    const comments = await ctx.db
      .selectFrom("comments")
      .selectAll()
      .where("ticket_id", "=", ticket.id)
      .orderBy("created_at")
      .execute();
    return { ticket, comments };
  }),

  create: protectedProcedure
    .input(
      z.object({
        subject: z.string().min(3).max(200),
        requesterEmail: z.string().email(),
        priority: prioritySchema.default("normal"),
        body: z.string().min(1).max(20_000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const ticket = await ctx.db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto("tickets")
          .values({
            org_id: ctx.user.orgId,
            subject: input.subject,
            requester_email: input.requesterEmail,
            priority: input.priority,
            status: "open",
            assignee_id: null,
            escalated_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("comments")
          .values({ ticket_id: created.id, author_id: ctx.user.id, body: input.body, internal: false })
          .execute();
        return created;
      });

      await ctx.db
        .insertInto("audit_log")
        .values({ org_id: ctx.user.orgId, actor_id: ctx.user.id, action: "ticket.create", subject: String(ticket.id) })
        .execute()
        .catch(() => undefined);

      return ticket;
    }),

  setStatus: protectedProcedure
    .input(z.object({ id: z.number().int(), status: statusSchema }))
    .mutation(async ({ ctx, input }) => {
      const res = await ctx.db
        .updateTable("tickets")
        .set({ status: input.status as TicketStatus, updated_at: new Date() })
        .where("org_id", "=", ctx.user.orgId)
        .where("id", "=", input.id)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new TRPCError({ code: "NOT_FOUND" });
      return { ok: true };
    }),

  export: protectedProcedure.input(z.object({ since: z.coerce.date() })).query(async ({ ctx, input }) => {
    const rows = await exportTickets(ctx.db, ctx.user.orgId, input.since);
    ctx.log.info({ count: rows.length, since: input.since }, "ticket export");
    return rows;
  }),
});
