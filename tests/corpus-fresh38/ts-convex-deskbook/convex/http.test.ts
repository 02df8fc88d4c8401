import { convexTest } from "convex-test";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import schema from "./schema";
import { modules } from "./test.setup";

const WEBHOOK_SECRET = "whsec_test_5f1d0c3b9a7e4d2c8b6a";

async function sign(payload: string, timestamp: number, secret = WEBHOOK_SECRET): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${payload}`));
  const hex = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
  return `t=${timestamp},v1=${hex}`;
}

async function seedInvoice(t: ReturnType<typeof convexTest>) {
  return await t.run(async (ctx) => {
    const orgId = await ctx.db.insert("organizations", { name: "Harbour Works", slug: "harbour", timezone: "UTC", stripeCustomerId: "cus_test_1" });
    return await ctx.db.insert("invoices", {
      orgId,
      periodStart: Date.UTC(2030, 0, 1),
      periodEnd: Date.UTC(2030, 1, 1),
      amountCents: 12_000,
      currency: "eur",
      status: "open",
      stripeInvoiceId: "in_test_42",
    });
  });
}

beforeEach(() => {
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("stripe webhook", () => {
  test("invoice.paid marks the invoice paid", async () => {
    const t = convexTest(schema, modules);
    const invoiceId = await seedInvoice(t);
    const payload = JSON.stringify({ id: "evt_1", type: "invoice.paid", data: { object: { id: "in_test_42", payment_intent: "pi_9" } } });
    const res = await t.fetch("/stripe/webhook", {
      method: "POST",
      headers: { "stripe-signature": await sign(payload, Math.floor(Date.now() / 1000)) },
      body: payload,
    });
    expect(res.status).toBe(200);
    const invoice = await t.run(async (ctx) => await ctx.db.get(invoiceId));
    expect(invoice?.status).toBe("paid");
    expect(invoice?.stripePaymentIntentId).toBe("pi_9");
  });

  test("a forged signature is rejected", async () => {
    const t = convexTest(schema, modules);
    const invoiceId = await seedInvoice(t);
    const payload = JSON.stringify({ id: "evt_2", type: "invoice.paid", data: { object: { id: "in_test_42" } } });
    const res = await t.fetch("/stripe/webhook", {
      method: "POST",
      headers: { "stripe-signature": await sign(payload, Math.floor(Date.now() / 1000), "whsec_wrong") },
      body: payload,
    });
    expect(res.status).toBe(400);
    const invoice = await t.run(async (ctx) => await ctx.db.get(invoiceId));
    expect(invoice?.status).toBe("open");
  });

  test("a replayed event is acknowledged once", async () => {
    const t = convexTest(schema, modules);
    await seedInvoice(t);
    const payload = JSON.stringify({ id: "evt_3", type: "invoice.payment_failed", data: { object: { id: "in_test_42" } } });
    const headers = { "stripe-signature": await sign(payload, Math.floor(Date.now() / 1000)) };
    await t.fetch("/stripe/webhook", { method: "POST", headers, body: payload });
    await t.fetch("/stripe/webhook", { method: "POST", headers, body: payload });
    const seen = await t.run(async (ctx) => await ctx.db.query("webhookEvents").collect());
    expect(seen).toHaveLength(1);
  });
});

describe("calendar feed", () => {
  test("a wrong token gets a 404", async () => {
    const t = convexTest(schema, modules);
    const userId = await t.run(async (ctx) =>
      ctx.db.insert("users", { tokenIdentifier: "test|alice", name: "Alice", email: "alice@harbour.test", calendarToken: "a1b2c3" }),
    );
    const res = await t.fetch(`/calendar/${userId}.ics?token=zzzzzz`, { method: "GET" });
    expect(res.status).toBe(404);
  });
});
