import { Agent } from "undici";
import { describe, expect, it, vi } from "vitest";

const SECRET = vi.hoisted(() => {
  process.env.PAYMENTS_WEBHOOK_SECRET = "whsec_unit_3b1f0c9e";
  return process.env.PAYMENTS_WEBHOOK_SECRET;
});

import { signPayload, verifyWebhookSignature } from "@/lib/billing";
import { describeStatus } from "@/lib/appointments";
import { toCsv } from "@/lib/reports";

vi.mock("@/lib/db", () => ({ query: vi.fn(), withTransaction: vi.fn(), pool: {} }));

const body = JSON.stringify({ id: "evt_1", type: "invoice.paid", data: { invoice_id: "inv_1", amount: 4500, charge: "ch_1" } });

describe("webhook signatures", () => {
  it("accepts a freshly signed payload", () => {
    const t = String(Math.floor(Date.now() / 1000));
    const header = `t=${t},v1=${signPayload(body, t, SECRET)}`;
    expect(verifyWebhookSignature(body, header)).toBe(true);
  });

  it("rejects stale timestamps", () => {
    const t = String(Math.floor(Date.now() / 1000) - 3600);
    const header = `t=${t},v1=${signPayload(body, t, SECRET)}`;
    expect(verifyWebhookSignature(body, header)).toBe(false);
  });

  it("rejects a missing header", () => {
    expect(verifyWebhookSignature(body, null)).toBe(false);
  });
});

describe("reports", () => {
  it("renders utilisation rows as csv", () => {
    const csv = toCsv([
      { clinician: "Dr. Osei", completed: 41, no_show: 3 },
      { clinician: "Dr. Lind, MD", completed: 37, no_show: 0 },
    ]);
    expect(csv).toMatchSnapshot();
  });

  it("labels every status", () => {
    expect(describeStatus("no_show")).toBe("Missed");
  });
});

// Runs only against the local payments sandbox (docker compose up payments-sandbox).
describe.skipIf(!process.env.PAYMENTS_SANDBOX_URL)("payments sandbox", () => {
  const sandboxDispatcher = new Agent({ connect: { rejectUnauthorized: false } });

  it("sandbox accepts our signature format", async () => {
    const t = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${process.env.PAYMENTS_SANDBOX_URL}/v1/webhooks/echo`, {
      method: "POST",
      body,
      headers: { "x-payments-signature": `t=${t},v1=${signPayload(body, t, SECRET)}` },
      // @ts-expect-error undici dispatcher is accepted by Node's fetch
      dispatcher: sandboxDispatcher,
    });
    expect(res.status).toBe(200);
  });
});
