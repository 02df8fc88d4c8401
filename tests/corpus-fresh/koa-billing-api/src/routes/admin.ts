import Router from "@koa/router";
import { z } from "zod";
import type { InvoiceService } from "../services/invoiceService";
import type { AuditTrail } from "../audit";

const RefundBody = z.object({
  amountCents: z.number().int().positive(),
  reason: z.string().min(3).max(500),
});

/**
 * Back-office endpoints used by the finance team's console.
 */
export function adminRoutes(service: InvoiceService, audit: AuditTrail): Router {
  const router = new Router({ prefix: "/admin" });

  router.post("/invoices/:invoiceId/refunds", async (ctx) => {
    const body = RefundBody.parse(ctx.request.body);
    const result = await service.refund(ctx.params.invoiceId, body.amountCents);
    await audit.record({
      action: "refund.issued",
      actor: ctx.state.principal?.id ?? "unknown",
      subject: ctx.params.invoiceId,
      amountCents: body.amountCents,
    });
    ctx.status = 201;
    ctx.body = result;
  });

  router.post("/invoices/:invoiceId/void", async (ctx) => {
    const invoice = await service.voidInvoice(ctx.params.invoiceId);
    await audit.record({
      action: "invoice.voided",
      actor: ctx.state.principal?.id ?? "unknown",
      subject: invoice.id,
    });
    ctx.body = invoice;
  });

  router.get("/audit", async (ctx) => {
    const lines = Number(ctx.query.lines ?? 50);
    ctx.body = await audit.tail(lines);
  });

  return router;
}
