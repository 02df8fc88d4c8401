import { Router } from "express";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, getInvoice, recordAudit, setAccountStatus } from "../../db/client.js";
import { accounts, invoices } from "../../db/schema.js";
import { inngest } from "../../inngest/client.js";
import { requireRole } from "../auth.js";

export const adminRouter = Router();

const CreditBody = z.object({ amountCents: z.number().int().positive().max(500_000), note: z.string().min(3) });

adminRouter.post("/accounts/:id/suspend", requireRole("admin"), async (req, res, next) => {
  try {
    await inngest.send({
      name: "billing/account.suspend",
      data: { accountId: req.params.id, reason: `manual by ${req.session!.userId}` },
    });
    res.status(202).json({ ok: true });
  } catch (err) {
    next(err);
  }
});

adminRouter.post("/accounts/:id/reactivate", requireRole("admin"), async (req, res, next) => {
  try {
    await setAccountStatus(req.params.id, "active");
    await recordAudit(req.session!.userId, "account.reactivated", req.params.id);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

adminRouter.post("/accounts/:id/credit", requireRole("admin", "billing_admin"), async (req, res, next) => {
  const body = CreditBody.safeParse(req.body);
  if (!body.success) {
    res.status(400).json({ error: body.error.flatten() });
    return;
  }
  try {
    await db
      .update(accounts)
      .set({ creditCents: sql`${accounts.creditCents} + ${body.data.amountCents}` })
      .where(eq(accounts.id, req.params.id));
    await recordAudit(req.session!.userId, "account.credited", req.params.id, body.data);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

adminRouter.post("/invoices/:id/void", async (req, res, next) => {
  try {
    const invoice = await getInvoice(req.params.id);
    if (invoice.status === "paid") {
      res.status(409).json({ error: "paid invoices must be refunded, not voided" });
      return;
    }
    await db.update(invoices).set({ status: "void" }).where(eq(invoices.id, invoice.id));
    await recordAudit(req.session!.userId, "invoice.voided", invoice.id);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

adminRouter.post("/invoices/:id/retry-charge", requireRole("admin", "billing_admin"), async (req, res, next) => {
  try {
    const invoice = await getInvoice(req.params.id);
    await inngest.send({
      name: "billing/payment.failed",
      data: { accountId: invoice.accountId, invoiceId: invoice.id, attempt: 0 },
    });
    res.status(202).json({ ok: true });
  } catch (err) {
    next(err);
  }
});
