import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export const role = v.union(v.literal("owner"), v.literal("admin"), v.literal("member"));

export const bookingStatus = v.union(
  v.literal("held"),
  v.literal("confirmed"),
  v.literal("cancelled"),
);

export const invoiceStatus = v.union(
  v.literal("draft"),
  v.literal("open"),
  v.literal("paid"),
  v.literal("failed"),
  v.literal("refunded"),
);

export default defineSchema({
  users: defineTable({
    tokenIdentifier: v.string(),
    name: v.string(),
    email: v.string(),
    calendarToken: v.optional(v.string()),
  })
    .index("by_token", ["tokenIdentifier"])
    .index("by_email", ["email"]),

  organizations: defineTable({
    name: v.string(),
    slug: v.string(),
    timezone: v.string(),
    stripeCustomerId: v.optional(v.string()),
  })
    .index("by_slug", ["slug"])
    .index("by_stripe_customer", ["stripeCustomerId"]),

  memberships: defineTable({
    orgId: v.id("organizations"),
    userId: v.id("users"),
    role,
  })
    .index("by_org_user", ["orgId", "userId"])
    .index("by_user", ["userId"]),

  rooms: defineTable({
    orgId: v.id("organizations"),
    name: v.string(),
    capacity: v.number(),
    hourlyRateCents: v.number(),
    amenities: v.array(v.string()),
    archived: v.boolean(),
    kioskVisible: v.boolean(),
  }).index("by_org", ["orgId", "archived"]),

  bookings: defineTable({
    orgId: v.id("organizations"),
    roomId: v.id("rooms"),
    userId: v.id("users"),
    title: v.string(),
    startsAt: v.number(),
    endsAt: v.number(),
    status: bookingStatus,
    holdExpiresAt: v.optional(v.number()),
  })
    .index("by_room_start", ["roomId", "startsAt"])
    .index("by_user", ["userId", "startsAt"])
    .index("by_org_start", ["orgId", "startsAt"])
    .index("by_status_hold", ["status", "holdExpiresAt"]),

  invoices: defineTable({
    orgId: v.id("organizations"),
    periodStart: v.number(),
    periodEnd: v.number(),
    amountCents: v.number(),
    currency: v.string(),
    status: invoiceStatus,
    stripeInvoiceId: v.optional(v.string()),
    stripePaymentIntentId: v.optional(v.string()),
    ledgerSyncedAt: v.optional(v.number()),
  })
    .index("by_org", ["orgId", "periodStart"])
    .index("by_stripe_invoice", ["stripeInvoiceId"])
    .index("by_status", ["status"]),

  auditLog: defineTable({
    orgId: v.id("organizations"),
    actorId: v.optional(v.id("users")),
    action: v.string(),
    detail: v.string(),
    at: v.number(),
  }).index("by_org", ["orgId", "at"]),

  webhookEvents: defineTable({
    provider: v.string(),
    eventId: v.string(),
    receivedAt: v.number(),
  }).index("by_event", ["provider", "eventId"]),
});
