import { ConvexError, v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { recordAudit, requireRole, requireViewer } from "./lib/auth";

export const list = query({
  args: { orgId: v.id("organizations"), includeArchived: v.optional(v.boolean()) },
  handler: async (ctx, { orgId, includeArchived }) => {
    await requireRole(ctx, orgId, "member");
    const active = await ctx.db
      .query("rooms")
      .withIndex("by_org", (q) => q.eq("orgId", orgId).eq("archived", false))
      .collect();
    if (!includeArchived) {
      return active;
    }
    const archived = await ctx.db
      .query("rooms")
      .withIndex("by_org", (q) => q.eq("orgId", orgId).eq("archived", true))
      .collect();
    return [...active, ...archived];
  },
});

// Lobby screens poll this without signing in. Only rooms an admin marked
// kiosk-visible are returned, and only their name, capacity and busy flag.
export const kioskBoard = query({
  args: { orgSlug: v.string() },
  handler: async (ctx, { orgSlug }) => {
    const org = await ctx.db
      .query("organizations")
      .withIndex("by_slug", (q) => q.eq("slug", orgSlug))
      .unique();
    if (org === null) {
      return [];
    }
    const rooms = await ctx.db
      .query("rooms")
      .withIndex("by_org", (q) => q.eq("orgId", org._id).eq("archived", false))
      .collect();
    const now = Date.now();
    return await Promise.all(
      rooms
        .filter((room) => room.kioskVisible)
        .map(async (room) => {
          const current = await ctx.db
            .query("bookings")
            .withIndex("by_room_start", (q) => q.eq("roomId", room._id).lte("startsAt", now))
            .order("desc")
            .first();
          const busy = current !== null && current.status === "confirmed" && current.endsAt > now;
          return { name: room.name, capacity: room.capacity, busy };
        }),
    );
  },
});

export const create = mutation({
  args: {
    orgId: v.id("organizations"),
    name: v.string(),
    capacity: v.number(),
    hourlyRateCents: v.number(),
    amenities: v.array(v.string()),
  },
  handler: async (ctx, args) => {
    const { viewer } = await requireRole(ctx, args.orgId, "admin");
    if (args.capacity < 1 || args.hourlyRateCents < 0) {
      throw new ConvexError({ code: "INVALID_ROOM" });
    }
    const roomId = await ctx.db.insert("rooms", {
      ...args,
      archived: false,
      kioskVisible: false,
    });
    await recordAudit(ctx, args.orgId, viewer._id, "room.created", args.name);
    return roomId;
  },
});

export const update = mutation({
  args: {
    roomId: v.id("rooms"),
    name: v.optional(v.string()),
    capacity: v.optional(v.number()),
    hourlyRateCents: v.optional(v.number()),
    amenities: v.optional(v.array(v.string())),
    kioskVisible: v.optional(v.boolean()),
  },
  handler: async (ctx, { roomId, ...changes }) => {
    const room = await ctx.db.get(roomId);
    if (room === null) {
      throw new ConvexError({ code: "NOT_FOUND" });
    }
    const { viewer } = await requireRole(ctx, room.orgId, "admin");
    await ctx.db.patch(roomId, changes);
    await recordAudit(ctx, room.orgId, viewer._id, "room.updated", JSON.stringify(changes));
  },
});

export const archive = mutation({
  args: { roomId: v.id("rooms") },
  handler: async (ctx, { roomId }) => {
    const room = await ctx.db.get(roomId);
    if (room === null) {
      throw new ConvexError({ code: "NOT_FOUND" });
    }
    const viewer = await requireViewer(ctx);
    await ctx.db.patch(roomId, { archived: true, kioskVisible: false });
    const upcoming = await ctx.db
      .query("bookings")
      .withIndex("by_room_start", (q) => q.eq("roomId", roomId).gte("startsAt", Date.now()))
      .collect();
    for (const booking of upcoming) {
      if (booking.status !== "cancelled") {
        await ctx.db.patch(booking._id, { status: "cancelled" });
      }
    }
    await recordAudit(ctx, room.orgId, viewer._id, "room.archived", `${room.name} (${upcoming.length} bookings cancelled)`);
  },
});
