import { ConvexError, v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { getViewer, requireViewer } from "./lib/auth";

export const store = mutation({
  args: {},
  handler: async (ctx) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) {
      throw new ConvexError({ code: "UNAUTHENTICATED" });
    }
    const existing = await ctx.db
      .query("users")
      .withIndex("by_token", (q) => q.eq("tokenIdentifier", identity.tokenIdentifier))
      .unique();
    if (existing !== null) {
      if (existing.name !== identity.name && identity.name) {
        await ctx.db.patch(existing._id, { name: identity.name });
      }
      return existing._id;
    }
    return await ctx.db.insert("users", {
      tokenIdentifier: identity.tokenIdentifier,
      name: identity.name ?? "Anonymous",
      email: identity.email ?? "",
    });
  },
});

// Called by the web app on every page load, signed in or not; it only ever
// returns the caller's own record.
export const me = query({
  args: {},
  handler: async (ctx) => {
    const viewer = await getViewer(ctx);
    if (viewer === null) {
      return null;
    }
    const memberships = await ctx.db
      .query("memberships")
      .withIndex("by_user", (q) => q.eq("userId", viewer._id))
      .collect();
    return {
      _id: viewer._id,
      name: viewer.name,
      email: viewer.email,
      hasCalendarFeed: viewer.calendarToken !== undefined,
      orgs: memberships.map((m) => ({ orgId: m.orgId, role: m.role })),
    };
  },
});

export const rotateCalendarToken = mutation({
  args: {},
  handler: async (ctx) => {
    const viewer = await requireViewer(ctx);
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    const token = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    await ctx.db.patch(viewer._id, { calendarToken: token });
    return { feedPath: `/calendar/${viewer._id}.ics?token=${token}` };
  },
});

export const updateProfile = mutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const viewer = await requireViewer(ctx);
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 80) {
      throw new ConvexError({ code: "INVALID_NAME" });
    }
    await ctx.db.patch(viewer._id, { name: trimmed });
  },
});
