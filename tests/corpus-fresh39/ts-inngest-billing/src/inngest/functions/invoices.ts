import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { config } from "../../config.js";
import { db, getAccount, unbilledUsage } from "../../db/client.js";
import { auditEvents, invoices, usageRecords } from "../../db/schema.js";
import { mailer } from "../../lib/mailer.js";
import { centsToDisplay, chargeInvoice } from "../../lib/payments.js";
import { inngest } from "../client.js";

const PRICE_PER_UNIT_CENTS: Record<string, number> = {
  "api.calls": 2,
  "storage.gb": 15,
  "seats.active": 900,
};

export function priceUsage(lines: { metric: string; quantity: number }[]): number {
  return lines.reduce((sum, line) => sum + (PRICE_PER_UNIT_CENTS[line.metric] ?? 0) * line.quantity, 0);
}

export function invoiceNumber(accountId: string, periodEnd: Date): string {
  const ym = `${periodEnd.getUTCFullYear()}${String(periodEnd.getUTCMonth() + 1).padStart(2, "0")}`;
  return `INV-${ym}-${accountId.slice(0, 8).toUpperCase()}`;
}

async function renderPdf(invoiceNo: string, body: string): Promise<string> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "invoice-render-"));
  try {
    const draft = path.join(scratch, `${invoiceNo}.pdf`);
    await writeFile(draft, body);
    await mkdir(config.invoiceArchiveDir, { recursive: true });
    const finalPath = path.join(config.invoiceArchiveDir, `${invoiceNo}.pdf`);
    await rename(draft, finalPath);
    return finalPath;
  } finally {
    // Only the scratch directory; the rendered file has already been moved out.
    await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
}

export const generateInvoice = inngest.createFunction(
  {
    id: "generate-invoice",
    concurrency: { limit: 1, key: "event.data.accountId" },
    retries: 4,
  },
  { event: "billing/invoice.requested" },
  async ({ event, step, logger }) => {
    const account = await step.run("load-account", () => getAccount(event.data.accountId));
    if (account.status === "closed") {
      throw new NonRetriableError(`account ${account.id} is closed`);
    }

    const usage = await step.run("collect-usage", () => unbilledUsage(account.id));
    const totalCents = Math.max(priceUsage(usage) - account.creditCents, 0);
    const number = invoiceNumber(account.id, new Date(event.data.periodEnd));

    const invoice = await step.run("create-invoice", async () => {
      const [row] = await db
        .insert(invoices)
        .values({
          accountId: account.id,
          number,
          status: "open",
          totalCents,
          periodStart: new Date(event.data.periodStart),
          periodEnd: new Date(event.data.periodEnd),
          finalizedAt: new Date(),
        })
        .onConflictDoNothing({ target: invoices.number })
        .returning();
      return row ?? (await db.query.invoices.findFirst({ where: eq(invoices.number, number) }))!;
    });

    await step.run("mark-usage-billed", async () => {
      await db
        .update(usageRecords)
        .set({ billed: true })
        .where(inArray(usageRecords.accountId, [account.id]));
      await db
        .insert(auditEvents)
        .values({ actor: "system", action: "invoice.finalized", subjectId: invoice.id, detail: { totalCents } })
        .catch(() => undefined);
    });

    const pdfPath = await step.run("render-pdf", async () => {
      const lines = usage.map((u) => `${u.metric}\t${u.quantity}`).join("\n");
      const file = await renderPdf(number, `${number}\n${lines}\nTotal ${centsToDisplay(totalCents, "usd")}`);
      await db.update(invoices).set({ pdfPath: file }).where(eq(invoices.id, invoice.id));
      return file;
    });

    if (totalCents > 0 && account.stripeCustomerId) {
      const charge = await step.run("charge", () =>
        chargeInvoice(account.stripeCustomerId!, number, totalCents, invoice.currency),
      );
      if (charge.status !== "succeeded") {
        await step.sendEvent("payment-failed", {
          name: "billing/payment.failed",
          data: { accountId: account.id, invoiceId: invoice.id, attempt: 1 },
        });
      }
    }

    await step.run("email-invoice", () =>
      mailer.send({
        to: account.billingEmail,
        template: "invoice-ready",
        model: { number, total: centsToDisplay(totalCents, invoice.currency), pdf: path.basename(pdfPath) },
      }),
    );

    logger.info({ invoiceId: invoice.id, totalCents }, "invoice generated");
    return { invoiceId: invoice.id, number, totalCents };
  },
);
