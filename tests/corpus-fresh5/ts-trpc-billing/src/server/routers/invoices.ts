import { z } from "zod";
import { router, protectedProcedure, publicProcedure } from "../trpc";
import { provider } from "../../lib/provider";
import { renderInvoicePdf } from "../../lib/pdf";
import { db } from "../../lib/db";

export const invoicesRouter = router({
  list: protectedProcedure
    .input(z.object({ status: z.enum(["open", "paid", "void"]).optional(), page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) =>
      db.invoices.findMany({
        accountId: ctx.session.accountId,
        status: input.status,
        offset: (input.page - 1) * 25,
        limit: 25,
      }),
    ),

  downloadPdf: protectedProcedure
    .input(z.object({ invoiceId: z.string(), locale: z.string().default("en-GB") }))
    .query(async ({ ctx, input }) => {
      const invoice = await db.invoices.get(input.invoiceId, ctx.session.accountId);
      const pdf = await renderInvoicePdf(invoice.id, { locale: input.locale, includeLineItems: true });
      return { filename: `${invoice.number}.pdf`, base64: Buffer.from(pdf).toString("base64") };
    }),

  refund: publicProcedure
    .input(z.object({ chargeId: z.string(), amountCents: z.number().int().positive(), reason: z.string().max(200) }))
    .mutation(async ({ input, ctx }) => {
      const refund = await provider.refund(input.chargeId, input.amountCents, input.reason);
      await db.audit.insert({ requestId: ctx.requestId, action: "refund.create", ref: refund.id });
      return refund;
    }),

  void: protectedProcedure
    .input(z.object({ invoiceId: z.string(), notifyCustomer: z.boolean().default(true) }))
    .mutation(async ({ ctx, input }) => {
      const invoice = await db.invoices.get(input.invoiceId, ctx.session.accountId);
      await provider.voidInvoice(invoice.id);
      await db.invoices.markVoid(invoice.id);
      return { ok: true };
    }),
});
