import { createHmac } from "node:crypto";
import request from "supertest";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { account, invoice, sessionToken } from "./helpers.js";

vi.mock("../src/db/client.js", () => ({
  db: { select: vi.fn(), update: vi.fn(() => ({ set: () => ({ where: vi.fn() }) })), query: {} },
  getAccount: vi.fn(async () => account),
  getInvoice: vi.fn(async () => invoice),
  recordAudit: vi.fn(),
  setAccountStatus: vi.fn(),
  NotFoundError: class NotFoundError extends Error {},
}));
vi.mock("../src/inngest/client.js", () => ({
  inngest: { send: vi.fn(async () => ({ ids: ["evt_1"] })), createFunction: vi.fn(() => ({})) },
}));
vi.mock("inngest/express", () => ({ serve: () => (_req: unknown, _res: unknown, next: () => void) => next() }));

const { buildApp } = await import("../src/app.js");
const { parsePaddleSignature } = await import("../src/http/routes/webhooks.js");

describe("REST routes", () => {
  let app: ReturnType<typeof buildApp>;
  beforeAll(() => {
    app = buildApp();
  });

  it("rejects unauthenticated account reads", async () => {
    await request(app).get("/api/me/account").expect(401);
  });

  it("rejects tokens minted for another audience", async () => {
    const token = await sessionToken({ sub: "u1", acct: account.id }, "reporting-api");
    await request(app).get("/api/me/account").set("authorization", `Bearer ${token}`).expect(401);
  });

  it("returns the caller's account", async () => {
    const token = await sessionToken({ sub: "u1", acct: account.id });
    const res = await request(app).get("/api/me/account").set("authorization", `Bearer ${token}`).expect(200);
    expect(res.body).toMatchObject({ id: account.id, plan: "team" });
  });

  it("forbids members from crediting accounts", async () => {
    const token = await sessionToken({ sub: "u1", acct: account.id, roles: ["member"] });
    await request(app)
      .post(`/api/admin/accounts/${account.id}/credit`)
      .set("authorization", `Bearer ${token}`)
      .send({ amountCents: 100, note: "goodwill" })
      .expect(403);
  });

  it("queues refund requests for billing admins", async () => {
    const token = await sessionToken({ sub: "u2", acct: account.id, roles: ["billing_admin"] });
    await request(app)
      .post(`/api/invoices/${invoice.id}/refund-request`)
      .set("authorization", `Bearer ${token}`)
      .send({ amountCents: 500, reason: "duplicate seat" })
      .expect(202, { queued: ["evt_1"] });
  });
});

describe("paddle webhook", () => {
  it("parses the signature header", () => {
    expect(parsePaddleSignature("ts=1718000000;h1=abc123")).toEqual({ ts: "1718000000", h1: "abc123" });
    expect(parsePaddleSignature("h1=abc")).toBeNull();
  });

  it("rejects a body signed with the wrong key", async () => {
    const app = buildApp();
    const body = JSON.stringify({ event_type: "transaction.completed", data: { id: "txn_1" } });
    const ts = Math.floor(Date.now() / 1000).toString();
    const h1 = createHmac("sha256", "wrong-key").update(`${ts}:${body}`).digest("hex");
    await request(app)
      .post("/webhooks/paddle")
      .set("content-type", "application/json")
      .set("paddle-signature", `ts=${ts};h1=${h1}`)
      .send(body)
      .expect(401);
  });
});
