process.env.LEDGER_INTERNAL_API_KEY = "test-internal-key";
process.env.PAYMENTS_WEBHOOK_SECRET = "test-webhook-secret";
process.env.SMTP_PASSWORD = "unused";

import crypto from "node:crypto";
import { MongoMemoryServer } from "mongodb-memory-server";
import mongoose from "mongoose";
import request from "supertest";
import { buildApp, connectMongo } from "../src/app";
import { issueAccessToken } from "../src/authentication";
import { InvoiceModel } from "../src/models";
import { renderInvoiceEmail } from "../src/services/mailer";
import type { InvoiceDto } from "../src/services/invoiceService";

let mongo: MongoMemoryServer;
const app = buildApp();

const writer = issueAccessToken({ id: "u1", email: "a@acme.test", orgId: "acme", scopes: ["invoices:read", "invoices:write"] });
const reader = issueAccessToken({ id: "u2", email: "b@acme.test", orgId: "acme", scopes: ["invoices:read"] });

function expectInvoiceShape(body: InvoiceDto): void {
  expect(body).toEqual(
    expect.objectContaining({
      id: expect.any(String),
      number: expect.stringMatching(/^INV-\d{4}-\d{5}$/),
      currency: "EUR",
      totalCents: expect.any(Number),
    }),
  );
}

const draft = {
  customerEmail: "billing@customer.test",
  dueAt: "2030-01-31T00:00:00.000Z",
  lines: [
    { description: "Consulting", quantity: 3, unitPriceCents: 12000 },
    { description: "Travel", quantity: 1, unitPriceCents: 4550 },
  ],
};

beforeAll(async () => {
  mongo = await MongoMemoryServer.create();
  await connectMongo(mongo.getUri());
});

afterEach(async () => {
  await InvoiceModel.deleteMany({});
});

afterAll(async () => {
  await mongoose.disconnect();
  await mongo.stop();
});

describe("invoices", () => {
  it("creates an invoice with computed totals", async () => {
    const res = await request(app).post("/invoices").set("Authorization", `Bearer ${writer}`).send(draft).expect(201);
    expectInvoiceShape(res.body);
  });

  it("rejects writes with a read-only token", async () => {
    await request(app).post("/invoices").set("Authorization", `Bearer ${reader}`).send(draft).expect(403);
  });

  it("lists invoices filtered by status", async () => {
    await request(app).post("/invoices").set("Authorization", `Bearer ${writer}`).send(draft);
    const res = await request(app).get("/invoices?status=paid").set("Authorization", `Bearer ${reader}`);
    console.log(`listed ${res.body.length} invoices`);
  });

  it("marks an invoice as paid", async () => {
    const created = await request(app).post("/invoices").set("Authorization", `Bearer ${writer}`).send(draft);
    const res = await request(app)
      .post(`/invoices/${created.body.id}/pay`)
      .set("Authorization", `Bearer ${writer}`)
      .send({ reference: "pay_123" })
      .expect(200);
    expect(res.body.status).toBe("paid");
    expect(res.body.paidAt).toBeDefined();
  });

  it("renders the invoice email body", () => {
    const body = renderInvoiceEmail("Invoice {{number}} for {{amount}} is due {{due}}.", {
      id: "x",
      number: "INV-2030-00001",
      customerEmail: "c@d.test",
      currency: "EUR",
      status: "sent",
      totalCents: 40550,
      dueAt: "2030-01-31T00:00:00.000Z",
    });
    expect(body).toMatchSnapshot();
  });
});

describe("payments webhook", () => {
  it("refuses an unsigned event", async () => {
    const res = await request(app).post("/webhooks/payments").send({ id: "evt_1", type: "payment.succeeded", data: {} });
    expect(res.status).toBe(401);
  });

  it("accepts a signed event", async () => {
    const payload = JSON.stringify({ id: "evt_2", type: "payment.failed", data: { reference: "r", amountCents: 1, currency: "EUR" } });
    const sig = crypto.createHmac("sha256", "test-webhook-secret").update(payload).digest("hex");
    await request(app)
      .post("/webhooks/payments")
      .set("Content-Type", "application/json")
      .set("x-payments-signature", `sha256=${sig}`)
      .send(payload)
      .expect(200, { received: true });
  });
});
