import { describe, it, expectTypeOf } from "vitest";
import type { Invoice, ListOptions, Page } from "../src/services/invoiceService";
import { InvoiceService } from "../src/services/invoiceService";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

describe("public types", () => {
  it("listForCustomer resolves to a page of invoices", () => {
    expectTypeOf<InvoiceService["listForCustomer"]>().returns.resolves.toEqualTypeOf<Page<Invoice>>();
  });

  it("invoice status is a closed union", () => {
    type _status = Expect<Equal<Invoice["status"], "draft" | "open" | "paid" | "void">>;
  });

  it("limit must be numeric", () => {
    // @ts-expect-error limit is a number, not a string
    const opts: ListOptions = { limit: "10" };
    void opts;
  });
});
