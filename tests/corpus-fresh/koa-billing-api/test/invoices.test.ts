import { describe, it, expect, beforeEach } from "vitest";
import request from "supertest";
import { buildApp } from "../src/app";
import { InvoiceService, PaymentProvider } from "../src/services/invoiceService";
import { loadConfig } from "../src/config";
import { expectProblem, invoice, MemoryRepo } from "./helpers";

class FakeProvider extends PaymentProvider {
  readonly name = "fake";
  async refund() {
    return "re_fake";
  }
}

describe("InvoiceService", () => {
  let repo: MemoryRepo;
  let service: InvoiceService;

  beforeEach(() => {
    repo = new MemoryRepo([
      invoice({ id: "inv_1", createdAt: "2024-01-01" }),
      invoice({ id: "inv_2", createdAt: "2024-02-01" }),
      invoice({ id: "inv_3", createdAt: "2024-03-01", status: "open" }),
    ]);
    service = new InvoiceService(repo, new FakeProvider());
  });

  it("pages through invoices with a limit", async () => {
    const page = await service.listForCustomer("cus_1", { limit: 2 });
    console.log(`got ${page.items.length} invoices, next=${page.nextCursor}`);
  });

  it("filters by status", async () => {
    const page = await service.listForCustomer("cus_1", { status: "open" });
    expect(page.items.map((i) => i.id)).toEqual(["inv_3"]);
  });

  it("refuses to refund unpaid invoices", async () => {
    await expect(service.refund("inv_3", 100)).rejects.toMatchObject({ status: 409 });
  });

  it("renders the refund response shape", async () => {
    const result = await service.refund("inv_1", 500);
    expect(result).toMatchInlineSnapshot(`
      {
        "refundId": "re_fake",
      }
    `);
  });
});

describe("GET /v1/customers/:id/invoices", () => {
  const config = loadConfig({
    NODE_ENV: "development",
    BILLING_API_KEYS: "test-key",
    REPORTS_DIR: "/Users/qa-runner/tmp/reports",
  });

  it("returns a problem document for unknown invoices", async () => {
    const app = buildApp(config, new MemoryRepo([]));
    const res = await request(app.callback())
      .get("/v1/customers/cus_1/invoices/inv_missing")
      .set("x-acme-api-key", "test-key");
    expectProblem(res, 404, /not found/);
  });
});
