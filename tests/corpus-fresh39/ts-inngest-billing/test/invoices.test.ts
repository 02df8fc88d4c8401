import { beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { account, invoice } from "./helpers.js";

vi.mock("../src/db/client.js", () => ({
  db: {},
  getAccount: vi.fn(),
  unbilledUsage: vi.fn(),
}));
vi.mock("../src/lib/mailer.js", () => ({ mailer: { send: vi.fn().mockResolvedValue("msg-1") } }));
vi.mock("../src/lib/payments.js", async (orig) => ({
  ...(await orig<typeof import("../src/lib/payments.js")>()),
  chargeInvoice: vi.fn(),
}));

const { generateInvoice, invoiceNumber, priceUsage } = await import("../src/inngest/functions/invoices.js");

describe("priceUsage", () => {
  it("prices known metrics and ignores unknown ones", () => {
    expect(
      priceUsage([
        { metric: "api.calls", quantity: 1000 },
        { metric: "seats.active", quantity: 3 },
        { metric: "beta.feature", quantity: 99 },
      ]),
    ).toBe(2000 + 2700);
  });

  it("builds stable invoice numbers", () => {
    expect(invoiceNumber(account.id, new Date("2024-06-01T00:00:00Z"))).toBe("INV-202406-7D3F1C2A");
  });
});

describe("generate-invoice", () => {
  const event = {
    name: "billing/invoice.requested" as const,
    data: { accountId: account.id, periodStart: "2024-05-01T00:00:00Z", periodEnd: "2024-06-01T00:00:00Z" },
  };

  beforeEach(() => vi.clearAllMocks());

  it("rejects closed accounts without retrying", async () => {
    const t = new InngestTestEngine({
      function: generateInvoice,
      events: [event],
      steps: [{ id: "load-account", handler: () => ({ ...account, status: "closed" }) }],
    });
    const { error } = await t.execute();
    expect(error).toMatchObject({ name: "NonRetriableError" });
  });

  it("runs the full pipeline for an active account", async () => {
    const t = new InngestTestEngine({
      function: generateInvoice,
      events: [event],
      steps: [
        { id: "load-account", handler: () => account },
        { id: "collect-usage", handler: () => [{ metric: "api.calls", quantity: 5000 }] },
        { id: "create-invoice", handler: () => invoice },
        { id: "mark-usage-billed", handler: () => undefined },
        { id: "render-pdf", handler: () => "/srv/invoices/INV-202406-7D3F1C2A.pdf" },
        { id: "charge", handler: () => ({ paymentIntentId: "pi_1", status: "succeeded" }) },
        { id: "email-invoice", handler: () => "msg-1" },
      ],
    });
    await t.execute();
  });

  it("emits payment.failed when the charge does not succeed", async () => {
    const t = new InngestTestEngine({
      function: generateInvoice,
      events: [event],
      steps: [
        { id: "load-account", handler: () => account },
        { id: "collect-usage", handler: () => [{ metric: "api.calls", quantity: 5000 }] },
        { id: "create-invoice", handler: () => invoice },
        { id: "mark-usage-billed", handler: () => undefined },
        { id: "render-pdf", handler: () => "/srv/invoices/x.pdf" },
        { id: "charge", handler: () => ({ paymentIntentId: "pi_1", status: "failed" }) },
        { id: "email-invoice", handler: () => "msg-1" },
      ],
    });
    const { ctx } = await t.execute();
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("payment-failed", {
      name: "billing/payment.failed",
      data: { accountId: account.id, invoiceId: invoice.id, attempt: 1 },
    });
  });
});
