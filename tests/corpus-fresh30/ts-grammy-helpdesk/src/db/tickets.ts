import type { Kysely } from "kysely";
import type { Database, NewTicket, Ticket, TicketEvent } from "./schema.js";

export class TicketClosedError extends Error {
  constructor(readonly ticketId: number) {
    super(`ticket ${ticketId} is closed`);
  }
}

export class TicketRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewTicket, actorId: number): Promise<Ticket> {
    return this.db.transaction().execute(async (trx) => {
      const ticket = await trx.insertInto("tickets").values(input).returningAll().executeTakeFirstOrThrow();
      await trx
        .insertInto("ticket_events")
        .values({ ticket_id: ticket.id, actor_tg_id: actorId, kind: "created", detail: input.subject })
        .execute();
      return ticket;
    });
  }

  async byId(id: number): Promise<Ticket | undefined> {
    return this.db.selectFrom("tickets").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async byDeskId(deskId: string): Promise<Ticket | undefined> {
    return this.db.selectFrom("tickets").selectAll().where("desk_id", "=", deskId).executeTakeFirst();
  }

  async forRequester(requesterId: number, limit = 5): Promise<Ticket[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("requester_tg_id", "=", requesterId)
      .orderBy("created_at", "desc")
      .limit(limit)
      .execute();
  }

  async openQueue(limit = 20): Promise<Ticket[]> {
    return this.db
      .selectFrom("tickets")
      .selectAll()
      .where("status", "=", "open")
      .where("assignee_tg_id", "is", null)
      .orderBy("created_at", "asc")
      .limit(limit)
      .execute();
  }

  async assign(id: number, agentId: number): Promise<void> {
    const ticket = await this.byId(id);
    if (!ticket) throw new Error(`ticket ${id} not found`);
    if (ticket.status === "closed") throw new TicketClosedError(id);

    await this.db
      .updateTable("tickets")
      .set({ assignee_tg_id: agentId, status: "pending", updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();

    try {
      await this.db
        .insertInto("ticket_events")
        .values({ ticket_id: id, actor_tg_id: agentId, kind: "assigned", detail: null })
        .execute();
    } catch {}
  }

  async close(id: number, actorId: number, resolution: string): Promise<Ticket> {
    return this.db.transaction().execute(async (trx) => {
      const ticket = await trx
        .updateTable("tickets")
        .set({ status: "closed", updated_at: new Date().toISOString() })
        .where("id", "=", id)
        .where("status", "!=", "closed")
        .returningAll()
        .executeTakeFirst();
      if (!ticket) throw new TicketClosedError(id);
      await trx
        .insertInto("ticket_events")
        .values({ ticket_id: id, actor_tg_id: actorId, kind: "closed", detail: resolution })
        .execute();
      return ticket;
    });
  }

  async syncStatus(deskId: string, status: Ticket["status"]): Promise<number> {
    const result = await this.db
      .updateTable("tickets")
      .set({ status, updated_at: new Date().toISOString() })
      .where("desk_id", "=", deskId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async events(ticketId: number): Promise<TicketEvent[]> {
    return this.db
      .selectFrom("ticket_events")
      .selectAll()
      .where("ticket_id", "=", ticketId)
      .orderBy("created_at", "asc")
      .execute();
  }
}
