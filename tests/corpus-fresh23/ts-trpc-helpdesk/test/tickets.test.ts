import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgres://postgres:postgres@localhost:5432/helpdesk_test";
  process.env.INBOUND_EMAIL_SECRET ??= "inbound-test-secret-0123456789";
  process.env.LOG_LEVEL = "error";
});

import { db } from "../src/db.js";
import { hmacHex, newId } from "../src/lib/crypto.js";
import { logger } from "../src/lib/logger.js";
import { createCaller } from "../src/router.js";

const orgA = newId("org");
const orgB = newId("org");
const agentA = { id: newId("usr"), orgId: orgA, email: "a@example.test", role: "agent" as const, sessionId: "ses_a" };
const agentB = { id: newId("usr"), orgId: orgB, email: "b@example.test", role: "agent" as const, sessionId: "ses_b" };

const callerFor = (user: typeof agentA | null) => createCaller({ db, user, log: logger, ip: "127.0.0.1" });

beforeAll(async () => {
  await db
    .insertInto("orgs")
    .values([
      { id: orgA, slug: `acme-${orgA.slice(-4)}`, name: "Acme" },
      { id: orgB, slug: `globex-${orgB.slice(-4)}`, name: "Globex" },
    ])
    .execute();
  await db
    .insertInto("users")
    .values([agentA, agentB].map((u) => ({ id: u.id, org_id: u.orgId, email: u.email, name: u.email, role: u.role, password_hash: "x:y" })))
    .execute();
});

afterAll(async () => {
  await db.deleteFrom("orgs").where("id", "in", [orgA, orgB]).execute();
});

describe("tickets router", () => {
  it("rejects anonymous callers", async () => {
    await expect(callerFor(null).tickets.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("creates a ticket and returns it from list", async () => {
    const caller = callerFor(agentA);
    const ticket = await caller.tickets.create({
      subject: "Printer on fire",
      requesterEmail: "cust@example.test",
      body: "It is on fire.",
    });
    const { items } = await caller.tickets.list({ status: "open" });
    expect(items.map((t) => t.id)).toContain(ticket.id);
    expect(ticket.priority).toBe("normal");
  });

  it("keeps tickets scoped to the caller's org", async () => {
    const ticket = await callerFor(agentA).tickets.create({
      subject: "Scoped",
      requesterEmail: "cust@example.test",
      body: "hello",
    });
    await expect(callerFor(agentB).tickets.byId({ id: ticket.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects a malformed cursor", async () => {
    await expect(callerFor(agentA).tickets.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("inbound email", () => {
  it("opens a ticket for a correctly signed message", async () => {
    const slug = (await db.selectFrom("orgs").select("slug").where("id", "=", orgA).executeTakeFirstOrThrow()).slug;
    const timestamp = Math.floor(Date.now() / 1000);
    const msg = { orgSlug: slug, from: "cust@example.test", subject: "Help", text: "body", timestamp };
    const signature = hmacHex(process.env.INBOUND_EMAIL_SECRET!, `${timestamp}.${msg.from}.${msg.subject}`);

    const { ticketId } = await callerFor(null).integrations.inboundEmail({ ...msg, signature });
    expect(ticketId).toBeGreaterThan(0);
  });
});
