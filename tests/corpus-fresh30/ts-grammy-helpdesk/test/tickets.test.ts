import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../src/db/schema.js";
import { TicketClosedError, TicketRepo } from "../src/db/tickets.js";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("TicketRepo (postgres)", () => {
  let db: Kysely<Database>;
  let repo: TicketRepo;

  beforeAll(() => {
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) });
    repo = new TicketRepo(db);
  });

  beforeEach(async () => {
    await sql`truncate ticket_events, tickets restart identity cascade`.execute(db);
  });

  afterAll(async () => {
    await db.destroy();
  });

  const base = {
    desk_id: "D-1",
    requester_tg_id: 10,
    requester_name: "Ana",
    subject: "Printer on fire",
    category: "bug",
    status: "open" as const,
    assignee_tg_id: null,
  };

  async function expectStatus(id: number, status: string): Promise<void> {
    const row = await repo.byId(id);
    expect(row?.status).toBe(status);
  }

  it("records a created event with the ticket", async () => {
    const ticket = await repo.create(base, 10);
    const events = await repo.events(ticket.id);
    expect(events.map((e) => e.kind)).toEqual(["created"]);
  });

  it("assigns a ticket to an agent", async () => {
    const ticket = await repo.create(base, 10);
    await repo.assign(ticket.id, 501);
  });

  it("closing moves the ticket to closed", async () => {
    const ticket = await repo.create(base, 10);
    await repo.close(ticket.id, 501, "replaced toner");
    await expectStatus(ticket.id, "closed");
  });

  it("refuses to close twice", async () => {
    const ticket = await repo.create(base, 10);
    await repo.close(ticket.id, 501, "done");
    await expect(repo.close(ticket.id, 501, "again")).rejects.toBeInstanceOf(TicketClosedError);
  });

  it("lists only the requester's tickets", async () => {
    await repo.create(base, 10);
    await repo.create({ ...base, requester_tg_id: 11, desk_id: "D-2" }, 11);
    const mine = await repo.forRequester(10);
    expect(mine).toHaveLength(1);
  });
});
