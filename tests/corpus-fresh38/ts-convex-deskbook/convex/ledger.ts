"use node";

import https from "node:https";
import axios from "axios";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction } from "./_generated/server";

const ledger = axios.create({
  baseURL: process.env.LEDGER_API_URL ?? "https://ledger.finance.deskbook.io/api/v2",
  timeout: 15_000,
  headers: { "Content-Type": "application/json" },
  httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
});

function ledgerAuth(): Record<string, string> {
  const key = process.env.LEDGER_API_KEY;
  if (!key) {
    throw new Error("LEDGER_API_KEY is not set");
  }
  return { Authorization: `ApiKey ${key}` };
}

export const syncInvoice = internalAction({
  args: { invoiceId: v.id("invoices") },
  handler: async (ctx, { invoiceId }) => {
    const invoice = await ctx.runQuery(internal.invoices.get, { invoiceId });
    if (invoice === null || invoice.status !== "paid" || invoice.ledgerSyncedAt !== undefined) {
      return;
    }
    await ledger.post(
      "/journal-entries",
      {
        externalId: `deskbook:${invoiceId}`,
        date: new Date(invoice.periodEnd).toISOString().slice(0, 10),
        lines: [
          { account: "1200", debit: invoice.amountCents, currency: invoice.currency },
          { account: "8400", credit: invoice.amountCents, currency: invoice.currency },
        ],
        reference: invoice.stripeInvoiceId,
      },
      { headers: ledgerAuth() },
    );
    await ctx.runMutation(internal.invoices.markSynced, { invoiceId });
  },
});

export const syncPending = internalAction({
  args: {},
  handler: async (ctx) => {
    const pending = await ctx.runQuery(internal.invoices.pendingLedgerSync, {});
    for (const [i, invoiceId] of pending.entries()) {
      await ctx.scheduler.runAfter(i * 1500, internal.ledger.syncInvoice, { invoiceId });
    }
    return pending.length;
  },
});
