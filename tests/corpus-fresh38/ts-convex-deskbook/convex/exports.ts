import { v } from "convex/values";
import { query } from "./_generated/server";
import { requireRole } from "./lib/auth";

export const orgSnapshot = query({
  args: { orgId: v.id("organizations") },
  handler: async (ctx, { orgId }) => {
    await requireRole(ctx, orgId, "owner");
    const [org, rooms, members, invoices] = await Promise.all([
      ctx.db.get(orgId),
      ctx.db.query("rooms").withIndex("by_org", (q) => q.eq("orgId", orgId)).collect(),
      ctx.db.query("memberships").withIndex("by_org_user", (q) => q.eq("orgId", orgId)).collect(),
      ctx.db.query("invoices").withIndex("by_org", (q) => q.eq("orgId", orgId)).collect(),
    ]);
    const bookings = await ctx.db
      .query("bookings")
      .withIndex("by_org_start", (q) => q.eq("orgId", orgId))
      .collect();
    return { exportedAt: Date.now(), org, rooms, members, bookings, invoices };
  },
});

export const usageByRoom = query({
  args: { orgId: v.id("organizations"), from: v.number(), to: v.number() },
  handler: async (ctx, { orgId, from, to }) => {
    await requireRole(ctx, orgId, "admin");
    const bookings = await ctx.db
      .query("bookings")
      .withIndex("by_org_start", (q) => q.eq("orgId", orgId).gte("startsAt", from).lt("startsAt", to))
      .filter((q) => q.eq(q.field("status"), "confirmed"))
      .collect();
    const hours = new Map<string, number>();
    for (const b of bookings) {
      const room = await ctx.db.get(b.roomId);
      const name = room?.name ?? "(deleted room)";
      hours.set(name, (hours.get(name) ?? 0) + (b.endsAt - b.startsAt) / 3600_000);
    }
    return [...hours.entries()].map(([room, total]) => ({ room, hours: Math.round(total * 10) / 10 }));
  },
});
