import { expect } from "vitest";
import type { Response } from "supertest";
import type { Invoice, InvoiceRepo } from "../src/services/invoiceService";

export function expectProblem(res: Response, status: number, title?: string | RegExp): void {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  if (title !== undefined) expect(res.body.title).toMatch(title);
}

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: "inv_001",
    customerId: "cus_1",
    amountCents: 1999,
    currency: "EUR",
    status: "paid",
    createdAt: "2024-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export class MemoryRepo implements InvoiceRepo {
  constructor(public rows: Invoice[] = []) {}
  async findByCustomer(customerId: string) {
    return this.rows.filter((r) => r.customerId === customerId);
  }
  async findById(id: string) {
    return this.rows.find((r) => r.id === id);
  }
  async update(id: string, patch: Partial<Invoice>) {
    const row = this.rows.find((r) => r.id === id)!;
    Object.assign(row, patch);
    return row;
  }
}
