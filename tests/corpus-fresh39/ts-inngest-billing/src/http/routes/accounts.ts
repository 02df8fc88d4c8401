import { Router } from "express";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, getAccount, getInvoice, NotFoundError } from "../../db/client.js";
import { invoices } from "../../db/schema.js";
import { inngest } from "../../inngest/client.js";
import { requireRole } from "../auth.js";

export const accountsRouter = Router();

accountsRouter.get("/me/account", async (req, res, next) => {
  try {
    const account = await getAccount(req.session!.accountId);
    res.json({ id: account.id, name: account.name, plan: account.plan, status: account.status });
  } catch (err) {
    next(err);
  }
});

accountsRouter.get("/me/invoices", async (req, res, next) => {
  try {
    const rows = await db
      .select()
      .from(invoices)
      .where(eq(invoices.accountId, req.session!.accountId))
      .orderBy(desc(invoices.periodEnd))
      .limit(24);
    res.json(rows.map(({ pdfPath: _pdf, ...rest }) => rest));
  } catch (err) {
    next(err);
  }
});

accountsRouter.get("/invoices/:id", async (req, res, next) => {
  try {
    const invoice = await getInvoice(req.params.id);
    if (invoice.accountId !== req.session!.accountId) {
      res.status(404).json({ error: "not found" });
      return;
    }
    res.json(invoice);
  } catch (err) {
    if (err instanceof NotFoundError) {
      res.status(404).json({ error: "not found" });
      return;
    }
    next(err);
  }
});

const RefundBody = z.object({
  amountCents: z.number().int().positive(),
  reason: z.string().min(3).max(500),
});

accountsRouter.post("/invoices/:id/refund-request", requireRole("billing_admin", "admin"), async (req, res, next) => {
  const parsed = RefundBody.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.flatten() });
    return;
  }
  try {
    const invoice = await getInvoice(req.params.id);
    if (invoice.accountId !== req.session!.accountId) {
      res.status(404).json({ error: "not found" });
      return;
    }
    const { ids } = await inngest.send({
      name: "billing/refund.requested",
      data: { invoiceId: invoice.id, requestedBy: req.session!.userId, ...parsed.data },
    });
    res.status(202).json({ queued: ids });
  } catch (err) {
    next(err);
  }
});
