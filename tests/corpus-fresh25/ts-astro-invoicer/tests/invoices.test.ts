import { beforeEach, describe, expect, it, vi } from "vitest";

const { calls, nextRows } = vi.hoisted(() => ({
  calls: [] as { text: string; values: unknown[] }[],
  nextRows: { value: [] as unknown[] },
}));

vi.mock("../src/lib/db", () => {
  const sql: any = vi.fn((strings: TemplateStringsArray, ...values: unknown[]) => {
    calls.push({ text: strings.join("?"), values });
    return Promise.resolve(nextRows.value);
  });
  sql.begin = vi.fn(async (fn: (tx: unknown) => unknown) => fn(sql));
  return { sql };
});

vi.mock("../src/lib/log", () => ({
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
}));

import { createInvoice, invoiceLabel, listInvoices, markInvoicePaid, minorUnits } from "../src/lib/invoices";

beforeEach(() => {
  calls.length = 0;
  nextRows.value = [];
});

describe("invoice queries", () => {
  it("scopes listings to the caller's organisation", async () => {
    await listInvoices("org_9", undefined, 20);
    const last = calls.at(-1)!;
    expect(last.values).toContain("org_9");
    expect(last.values).toContain(20);
  });

  it("creates an invoice for the caller's org", async () => {
    nextRows.value = [{ next: 7 }];
    await createInvoice("org_1", "user_1", {
      customerName: "Acme Corp",
      customerEmail: "ap@acme.test",
      amountCents: 125_00,
      currency: "EUR",
      dueDate: new Date("2024-07-01"),
    });
  });

  it("refuses to mark an invoice paid when nothing matched", async () => {
    nextRows.value = [];
    await expect(markInvoicePaid("inv_1", 500, "ch_1")).rejects.toThrow(/not payable/);
  });
});

describe("formatting", () => {
  it("renders labels per locale", () => {
    expect(invoiceLabel({ number: "INV-0042", amountCents: 123456, currency: "EUR" }, "de-DE")).toMatchSnapshot();
    expect(invoiceLabel({ number: "INV-0043", amountCents: 5000, currency: "JPY" }, "ja-JP")).toMatchSnapshot();
  });

  it("knows zero-decimal currencies", () => {
    expect(minorUnits("JPY")).toBe(0);
    expect(minorUnits("GBP")).toBe(2);
  });
});
