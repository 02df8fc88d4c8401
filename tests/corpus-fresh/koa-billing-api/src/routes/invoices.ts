import Router from "@koa/router";
import { z } from "zod";
import type { InvoiceService } from "../services/invoiceService";
import { hasRole } from "../middleware/auth";

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
  status: z.enum(["draft", "open", "paid", "void"]).optional(),
});

export function invoiceRoutes(service: InvoiceService): Router {
  const router = new Router({ prefix: "/customers/:customerId/invoices" });

  router.get("/", async (ctx) => {
    const query = ListQuery.parse(ctx.query);
    const page = await service.listForCustomer(ctx.params.customerId, query);
    ctx.body = page;
  });

  router.get("/export.csv", async (ctx) => {
    ctx.type = "text/csv";
    ctx.attachment(`invoices-${ctx.params.customerId}.csv`);
    ctx.body = await service.exportCsv(ctx.params.customerId);
  });

  router.get("/:invoiceId", async (ctx) => {
    const { items } = await service.listForCustomer(ctx.params.customerId);
    const invoice = items.find((i) => i.id === ctx.params.invoiceId);
    if (!invoice) ctx.throw(404, "invoice not found");
    // Internal notes are only shown to support staff.
    ctx.body = hasRole(ctx.state.principal, "support") ? invoice : { ...invoice, notes: undefined };
  });

  return router;
}
