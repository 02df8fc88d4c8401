import { describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { account, invoice } from "./helpers.js";

vi.mock("../src/db/client.js", () => ({
  getAccount: vi.fn(),
  getInvoice: vi.fn(),
  recordAudit: vi.fn(),
  setAccountStatus: vi.fn(),
}));
vi.mock("../src/lib/mailer.js", () => ({ mailer: { send: vi.fn().mockResolvedValue("msg") } }));

const { paymentFailedDunning } = await import("../src/inngest/functions/dunning.js");

const failed = {
  name: "billing/payment.failed" as const,
  data: { accountId: account.id, invoiceId: invoice.id, attempt: 1 },
};

function expectSuspensionRequested(sendEvent: unknown) {
  expect(sendEvent).toHaveBeenCalledWith(
    "suspend-account",
    expect.objectContaining({ name: "billing/account.suspend" }),
  );
}

describe("payment-failed-dunning", () => {
  it("skips invoices that were paid in the meantime", async () => {
    const t = new InngestTestEngine({
      function: paymentFailedDunning,
      events: [failed],
      steps: [{ id: "load-invoice", handler: () => ({ ...invoice, status: "paid" }) }],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ skipped: true, reason: "invoice is paid" });
  });

  it("restores the account when payment arrives during the grace period", async () => {
    const t = new InngestTestEngine({
      function: paymentFailedDunning,
      events: [failed],
      steps: [
        { id: "load-invoice", handler: () => invoice },
        { id: "load-account", handler: () => account },
        { id: "grace-period", handler: () => undefined },
        { id: "wait-for-payment", handler: () => ({ name: "billing/payment.succeeded", data: failed.data }) },
      ],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ recovered: true });
  });

  it("requests suspension once the final notice period lapses", async () => {
    const t = new InngestTestEngine({
      function: paymentFailedDunning,
      events: [failed],
      steps: [
        { id: "load-invoice", handler: () => invoice },
        { id: "load-account", handler: () => account },
        { id: "grace-period", handler: () => undefined },
        { id: "wait-for-payment", handler: () => null },
      ],
    });
    const { ctx } = await t.execute();
    expectSuspensionRequested(ctx.step.sendEvent);
  });
});
