import { ConvexError, v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalMutation, internalQuery, mutation, query, type MutationCtx } from "./_generated/server";
import { hasRole, membershipOf, recordAudit, requireRole, requireViewer } from "./lib/auth";

const HOLD_MS = 10 * 60 * 1000;
const MAX_BOOKING_MS = 12 * 60 * 60 * 1000;
const REMINDER_LEAD_MS = 30 * 60 * 1000;

async function assertFree(
  ctx: MutationCtx,
  roomId: Id<"rooms">,
  startsAt: number,
  endsAt: number,
  ignore?: Id<"bookings">,
): Promise<void> {
  const candidates = await ctx.db
    .query("bookings")
    .withIndex("by_room_start", (q) => q.eq("roomId", roomId).gte("startsAt", startsAt - MAX_BOOKING_MS))
    .collect();
  const clash = candidates.find(
    (b) => b._id !== ignore && b.status !== "cancelled" && b.startsAt <= startsAt && b.endsAt > startsAt,
  );
  if (clash !== undefined) {
    throw new ConvexError({ code: "ROOM_TAKEN", until: clash.endsAt });
  }
}

export const create = mutation({
  args: {
    roomId: v.id("rooms"),
    title: v.string(),
    startsAt: v.number(),
    endsAt: v.number(),
  },
  handler: async (ctx, args) => {
    const room = await ctx.db.get(args.roomId);
    if (room === null || room.archived) {
      throw new ConvexError({ code: "ROOM_UNAVAILABLE" });
    }
    const { viewer } = await requireRole(ctx, room.orgId, "member");
    if (args.endsAt <= args.startsAt || args.endsAt - args.startsAt > MAX_BOOKING_MS) {
      throw new ConvexError({ code: "INVALID_RANGE" });
    }
    if (args.startsAt < Date.now() - 60_000) {
      throw new ConvexError({ code: "IN_THE_PAST" });
    }
    await assertFree(ctx, args.roomId, args.startsAt, args.endsAt);
    return await ctx.db.insert("bookings", {
      orgId: room.orgId,
      roomId: args.roomId,
      userId: viewer._id,
      title: args.title.slice(0, 120),
      startsAt: args.startsAt,
      endsAt: args.endsAt,
      status: "held",
      holdExpiresAt: Date.now() + HOLD_MS,
    });
  },
});

export const confirm = mutation({
  args: { bookingId: v.id("bookings") },
  handler: async (ctx, { bookingId }) => {
    const booking = await ctx.db.get(bookingId);
    if (booking === null || booking.status !== "held") {
      throw new ConvexError({ code: "NOT_HELD" });
    }
    const viewer = await requireViewer(ctx);
    if (booking.userId !== viewer._id) {
      await requireRole(ctx, booking.orgId, "admin");
    }
    await ctx.db.patch(bookingId, { status: "confirmed", holdExpiresAt: undefined });
    await ctx.scheduler.runAfter(0, internal.notifications.sendBookingConfirmation, { bookingId });
    const remindAt = booking.startsAt - REMINDER_LEAD_MS;
    if (remindAt > Date.now()) {
      await ctx.scheduler.runAt(remindAt, internal.notifications.sendReminder, { bookingId, attempt: 0 });
    }
    await recordAudit(ctx, booking.orgId, viewer._id, "booking.confirmed", String(bookingId));
  },
});

export const reschedule = mutation({
  args: { bookingId: v.id("bookings"), startsAt: v.number(), endsAt: v.number() },
  handler: async (ctx, { bookingId, startsAt, endsAt }) => {
    const booking = await ctx.db.get(bookingId);
    if (booking === null || booking.status === "cancelled") {
      throw new ConvexError({ code: "NOT_FOUND" });
    }
    const viewer = await requireViewer(ctx);
    if (booking.userId !== viewer._id) {
      await requireRole(ctx, booking.orgId, "admin");
    }
    if (endsAt <= startsAt || endsAt - startsAt > MAX_BOOKING_MS) {
      throw new ConvexError({ code: "INVALID_RANGE" });
    }
    await assertFree(ctx, booking.roomId, startsAt, endsAt, bookingId);
    await ctx.db.patch(bookingId, { startsAt, endsAt });
    await recordAudit(ctx, booking.orgId, viewer._id, "booking.rescheduled", `${bookingId} -> ${startsAt}`);
  },
});

export const cancel = mutation({
  args: { bookingId: v.id("bookings"), reason: v.optional(v.string()) },
  handler: async (ctx, { bookingId, reason }) => {
    const booking = await ctx.db.get(bookingId);
    if (booking === null) {
      throw new ConvexError({ code: "NOT_FOUND" });
    }
    const viewer = await requireViewer(ctx);
    const membership = await membershipOf(ctx, booking.orgId, viewer._id);
    const isOwner = booking.userId === viewer._id && membership !== null;
    if (!isOwner && !hasRole(membership, "admin")) {
      throw new ConvexError({ code: "FORBIDDEN" });
    }
    if (booking.status === "cancelled") {
      return;
    }
    await ctx.db.patch(bookingId, { status: "cancelled" });
    await recordAudit(ctx, booking.orgId, viewer._id, "booking.cancelled", reason ?? "");
  },
});

export const listForRoom = query({
  args: { roomId: v.id("rooms"), from: v.number(), to: v.number() },
  handler: async (ctx, { roomId, from, to }) => {
    const room = await ctx.db.get(roomId);
    if (room === null) {
      return [];
    }
    await requireRole(ctx, room.orgId, "member");
    return await ctx.db
      .query("bookings")
      .withIndex("by_room_start", (q) => q.eq("roomId", roomId).gte("startsAt", from).lt("startsAt", to))
      .filter((q) => q.neq(q.field("status"), "cancelled"))
      .collect();
  },
});

export const myUpcoming = query({
  args: {},
  handler: async (ctx) => {
    const viewer = await requireViewer(ctx);
    return await ctx.db
      .query("bookings")
      .withIndex("by_user", (q) => q.eq("userId", viewer._id).gte("startsAt", Date.now()))
      .filter((q) => q.eq(q.field("status"), "confirmed"))
      .take(50);
  },
});

export const releaseExpiredHolds = internalMutation({
  args: {},
  handler: async (ctx) => {
    const expired = await ctx.db
      .query("bookings")
      .withIndex("by_status_hold", (q) => q.eq("status", "held").lt("holdExpiresAt", Date.now()))
      .take(200);
    for (const booking of expired) {
      await ctx.db.patch(booking._id, { status: "cancelled", holdExpiresAt: undefined });
    }
    return expired.length;
  },
});

export const getDetails = internalQuery({
  args: { bookingId: v.id("bookings") },
  handler: async (ctx, { bookingId }) => {
    const booking = await ctx.db.get(bookingId);
    if (booking === null) {
      return null;
    }
    const [room, user, org] = await Promise.all([
      ctx.db.get(booking.roomId),
      ctx.db.get(booking.userId),
      ctx.db.get(booking.orgId),
    ]);
    return { booking, room, user, org };
  },
});

export const calendarFeed = internalQuery({
  args: { userId: v.id("users"), token: v.string() },
  handler: async (ctx, { userId, token }) => {
    const user = await ctx.db.get(userId);
    if (user === null || user.calendarToken === undefined || user.calendarToken !== token) {
      return null;
    }
    const bookings = await ctx.db
      .query("bookings")
      .withIndex("by_user", (q) => q.eq("userId", userId).gte("startsAt", Date.now() - 7 * 24 * 3600_000))
      .filter((q) => q.eq(q.field("status"), "confirmed"))
      .take(500);
    return await Promise.all(
      bookings.map(async (b) => ({
        uid: b._id,
        title: b.title,
        startsAt: b.startsAt,
        endsAt: b.endsAt,
        location: (await ctx.db.get(b.roomId))?.name ?? "",
      })),
    );
  },
});
