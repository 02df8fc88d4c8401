import { and, eq, lt } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { db, getInvoice, recordAudit } from "../../db/client.js";
import { accounts, invoices } from "../../db/schema.js";
import { mailer } from "../../lib/mailer.js";
import { centsToDisplay, refundPayment } from "../../lib/payments.js";
import { inngest } from "../client.js";

export const monthlyInvoiceFanout = inngest.createFunction(
  { id: "monthly-invoice-fanout", retries: 2 },
  { cron: "TZ=UTC 0 2 1 * *" },
  async ({ step }) => {
    const active = await step.run("list-billable-accounts", () =>
      db.select({ id: accounts.id }).from(accounts).where(eq(accounts.status, "active")),
    );
    const now = new Date();
    const periodEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    if (active.length === 0) return { requested: 0 };
    await step.sendEvent(
      "request-invoices",
      active.map((a) => ({
        name: "billing/invoice.requested" as const,
        data: { accountId: a.id, periodStart: periodStart.toISOString(), periodEnd: periodEnd.toISOString() },
      })),
    );
    return { requested: active.length };
  },
);

export const markStaleInvoicesUncollectible = inngest.createFunction(
  { id: "mark-stale-invoices-uncollectible", retries: 2 },
  { cron: "TZ=UTC 30 3 * * *" },
  async ({ step, logger }) => {
    const cutoff = new Date(Date.now() - 90 * 24 * 3600 * 1000);
    const stale = await step.run("mark", () =>
      db
        .update(invoices)
        .set({ status: "uncollectible" })
        .where(and(eq(invoices.status, "open"), lt(invoices.periodEnd, cutoff)))
        .returning({ id: invoices.id }),
    );
    logger.info({ count: stale.length }, "stale invoices marked uncollectible");
    return { marked: stale.length };
  },
);

export const syncTaxRates = inngest.createFunction(
  { id: "sync-tax-rates", retries: 0 },
  { cron: "TZ=UTC 0 4 * * 1" },
  async () => {
    throw new NonRetriableError("tax rate sync is not implemented");
  },
);

export const processRefund = inngest.createFunction(
  { id: "process-refund", concurrency: { limit: 1, key: "event.data.invoiceId" }, retries: 3 },
  { event: "billing/refund.requested" },
  async ({ event, step }) => {
    const invoice = await step.run("load-invoice", () => getInvoice(event.data.invoiceId));
    if (!invoice.paymentIntentId) {
      throw new NonRetriableError(`invoice ${invoice.number} has no captured payment`);
    }
    if (event.data.amountCents <= 0 || event.data.amountCents > invoice.totalCents) {
      throw new NonRetriableError(`refund amount ${event.data.amountCents} out of range`);
    }
    const refund = await step.run("refund", () =>
      refundPayment(invoice.paymentIntentId!, event.data.amountCents, event.data.reason),
    );
    await step.run("audit", () =>
      recordAudit(event.data.requestedBy, "invoice.refunded", invoice.id, {
        refundId: refund.refundId,
        amountCents: refund.amountCents,
      }),
    );
    const account = await step.run("load-account", () =>
      db.query.accounts.findFirst({ where: eq(accounts.id, invoice.accountId) }),
    );
    if (account) {
      await step.run("notify", () =>
        mailer.send({
          to: account.billingEmail,
          template: "refund-issued",
          model: { invoice: invoice.number, amount: centsToDisplay(refund.amountCents, invoice.currency) },
        }),
      );
    }
    return refund;
  },
);
