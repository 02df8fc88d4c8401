import { describe, it, expect, vi, expectTypeOf } from "vitest";
import { invoicesRouter } from "../src/server/routers/invoices";
import type { Refund } from "../src/lib/provider";

vi.mock("../src/lib/db", () => ({
  db: {
    invoices: {
      findMany: vi.fn(async () => [{ id: "inv_1", number: "2024-0001", accountId: "acc_1", status: "open" }]),
      get: vi.fn(async () => ({ id: "inv_1", number: "2024-0001", accountId: "acc_1", status: "open" })),
      markVoid: vi.fn(async () => {}),
    },
    audit: { insert: vi.fn(async () => {}) },
  },
}));

vi.mock("../src/lib/provider", () => ({
  provider: {
    refund: vi.fn(async () => ({ id: "re_1", amountCents: 500, status: "pending" })),
    voidInvoice: vi.fn(async () => {}),
  },
}));

const session = { userId: "u_1", accountId: "acc_1", roles: ["member"] };
const caller = invoicesRouter.createCaller({ session, requestId: "req-test" });

describe("invoices router", () => {
  it("lists invoices for the account", async () => {
    await expect(caller.list({})).resolves.toMatchInlineSnapshot(`
      [
        {
          "accountId": "acc_1",
          "id": "inv_1",
          "number": "2024-0001",
          "status": "open",
        },
      ]
    `);
  });

  it("refund returns the provider refund type", () => {
    expectTypeOf(caller.refund).returns.resolves.toEqualTypeOf<Refund>();
  });

  it("voids an invoice", async () => {
    await caller.void({ invoiceId: "inv_1" });
  });
});
