import { beforeEach, describe, expect, it, vi } from "vitest";

const queryMock = vi.fn();
const clientQuery = vi.fn();

vi.mock("@/lib/db", () => ({
  query: (...args: unknown[]) => queryMock(...args),
  withTransaction: async (fn: (client: { query: typeof clientQuery }) => Promise<unknown>) =>
    fn({ query: clientQuery }),
}));

import {
  formatInvoiceNumber,
  listInvoices,
  markInvoicePaid,
  statusLabel,
  voidInvoice,
} from "@/lib/invoices";

beforeEach(() => {
  queryMock.mockReset();
  clientQuery.mockReset();
});

describe("invoice helpers", () => {
  it("formats invoice numbers with zero padding", () => {
    expect([formatInvoiceNumber("ACME", 7), formatInvoiceNumber("ACME", 123456)]).toMatchInlineSnapshot(`
      [
        "ACME-000007",
        "ACME-123456",
      ]
    `);
  });

  it("labels every status", () => {
    expect(statusLabel("sent")).toBe("Awaiting payment");
    expect(statusLabel("void")).toBe("Void");
  });
});

describe("invoice queries", () => {
  it("scopes listInvoices to the caller's org", async () => {
    queryMock.mockResolvedValueOnce([]);
    await listInvoices("org_42", { status: "sent", limit: 500 });

    const [sql, params] = queryMock.mock.calls[0];
    expect(sql).toContain("org_id = $1");
    expect(sql).toContain("status = $2");
    expect(params).toEqual(["org_42", "sent", 200]);
  });

  it("voids a sent invoice", async () => {
    queryMock.mockResolvedValueOnce([{ id: "inv_1" }]);
    await voidInvoice("inv_1");
  });

  it("records the payment when an invoice is marked paid", async () => {
    clientQuery.mockResolvedValueOnce({ rowCount: 1 }).mockResolvedValueOnce({ rowCount: 1 });
    await markInvoicePaid("inv_9", "pi_123", 12_500);

    expect(clientQuery).toHaveBeenCalledTimes(2);
    expect(clientQuery.mock.calls[1][1]).toEqual(["inv_9", "pi_123", 12_500]);
  });

  it("refuses to mark an invoice paid for the wrong amount", async () => {
    clientQuery.mockResolvedValueOnce({ rowCount: 0 });
    await expect(markInvoicePaid("inv_9", "pi_123", 1)).rejects.toThrow(/not payable/);
  });
});

// Runs against the docker-compose database in CI (see .github/workflows/ci.yml).
describe.runIf(process.env.LEDGER_IT_DATABASE_URL)("integration", () => {
  it("connects with the compose certificate", async () => {
    // The compose Postgres uses a throwaway self-signed cert generated at startup.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
    const { Client } = await vi.importActual<typeof import("pg")>("pg");
    const client = new Client({ connectionString: process.env.LEDGER_IT_DATABASE_URL, ssl: true });
    await client.connect();
    const { rows } = await client.query("SELECT 1 AS one");
    expect(rows[0].one).toBe(1);
    await client.end();
  });
});
