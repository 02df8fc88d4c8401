import { NonRetriableError } from "inngest";
import { config } from "../../config.js";
import { getAccount, getInvoice, recordAudit, setAccountStatus } from "../../db/client.js";
import { mailer } from "../../lib/mailer.js";
import { centsToDisplay } from "../../lib/payments.js";
import { inngest } from "../client.js";

export const paymentFailedDunning = inngest.createFunction(
  {
    id: "payment-failed-dunning",
    concurrency: { limit: 1, key: "event.data.accountId" },
    retries: 3,
    cancelOn: [{ event: "billing/payment.succeeded", match: "data.invoiceId" }],
  },
  { event: "billing/payment.failed" },
  async ({ event, step, logger }) => {
    const invoice = await step.run("load-invoice", () => getInvoice(event.data.invoiceId));
    if (invoice.status === "paid" || invoice.status === "void") {
      return { skipped: true, reason: `invoice is ${invoice.status}` };
    }
    const account = await step.run("load-account", () => getAccount(event.data.accountId));
    if (account.id !== invoice.accountId) {
      throw new NonRetriableError(`invoice ${invoice.id} does not belong to account ${account.id}`);
    }

    await step.run("mark-past-due", async () => {
      await setAccountStatus(account.id, "past_due");
      await recordAudit("system", "account.past_due", account.id, { invoiceId: invoice.id });
    });

    await step.run("notify-payment-failed", () =>
      mailer.send({
        to: account.billingEmail,
        template: "payment-failed",
        model: { name: account.name, amount: centsToDisplay(invoice.totalCents, invoice.currency) },
      }),
    );

    await step.sleep("grace-period", `${config.dunning.graceDays}d`);

    const paidDuringGrace = await step.waitForEvent("wait-for-payment", {
      event: "billing/payment.succeeded",
      timeout: `${config.dunning.finalNoticeDays}d`,
      if: "async.data.invoiceId == event.data.invoiceId",
    });
    if (paidDuringGrace) {
      await step.run("restore-active", () => setAccountStatus(account.id, "active"));
      return { recovered: true };
    }

    await step.run("final-notice", async () => {
      try {
        await mailer.send({
          to: account.billingEmail,
          template: "final-notice",
          model: { name: account.name, invoice: invoice.number },
        });
      } catch {
      }
    });

    await step.sendEvent("suspend-account", {
      name: "billing/account.suspend",
      data: { accountId: account.id, reason: `unpaid invoice ${invoice.number}` },
    });
    logger.warn({ accountId: account.id, invoiceId: invoice.id }, "dunning exhausted; suspension requested");
    return { recovered: false };
  },
);

export const suspendAccount = inngest.createFunction(
  { id: "suspend-account", retries: 5 },
  { event: "billing/account.suspend" },
  async ({ event, step }) => {
    const account = await step.run("load-account", () => getAccount(event.data.accountId));
    if (account.status === "suspended") {
      return { alreadySuspended: true };
    }
    await step.run("suspend", async () => {
      await setAccountStatus(account.id, "suspended");
      await recordAudit("system", "account.suspended", account.id, { reason: event.data.reason });
    });
    await step.run("notify-suspended", () =>
      mailer.send({ to: account.billingEmail, template: "account-suspended", model: { name: account.name } }),
    );
    return { suspended: true };
  },
);
