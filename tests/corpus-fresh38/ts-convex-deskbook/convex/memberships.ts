import { ConvexError, v } from "convex/values";
import { internalQuery, mutation, query } from "./_generated/server";
import { hasRole, membershipOf, recordAudit, requireRole } from "./lib/auth";
import { role } from "./schema";

export const listForOrg = query({
  args: { orgId: v.id("organizations") },
  handler: async (ctx, { orgId }) => {
    await requireRole(ctx, orgId, "member");
    const members = await ctx.db
      .query("memberships")
      .withIndex("by_org_user", (q) => q.eq("orgId", orgId))
      .collect();
    return await Promise.all(
      members.map(async (m) => {
        const user = await ctx.db.get(m.userId);
        return { membershipId: m._id, role: m.role, name: user?.name ?? "", email: user?.email ?? "" };
      }),
    );
  },
});

export const invite = mutation({
  args: { orgId: v.id("organizations"), email: v.string(), role },
  handler: async (ctx, { orgId, email, role: newRole }) => {
    const { viewer, membership } = await requireRole(ctx, orgId, "admin");
    if (newRole === "owner" && membership.role !== "owner") {
      throw new ConvexError({ code: "FORBIDDEN", required: "owner" });
    }
    const user = await ctx.db
      .query("users")
      .withIndex("by_email", (q) => q.eq("email", email.toLowerCase()))
      .unique();
    if (user === null) {
      throw new ConvexError({ code: "USER_NOT_FOUND" });
    }
    const existing = await membershipOf(ctx, orgId, user._id);
    if (existing !== null) {
      return existing._id;
    }
    const id = await ctx.db.insert("memberships", { orgId, userId: user._id, role: newRole });
    await recordAudit(ctx, orgId, viewer._id, "member.added", `${email} as ${newRole}`);
    return id;
  },
});

export const remove = mutation({
  args: { membershipId: v.id("memberships") },
  handler: async (ctx, { membershipId }) => {
    const target = await ctx.db.get(membershipId);
    if (target === null) {
      throw new ConvexError({ code: "NOT_FOUND" });
    }
    const { viewer } = await requireRole(ctx, target.orgId, "admin");
    if (target.role === "owner") {
      throw new ConvexError({ code: "CANNOT_REMOVE_OWNER" });
    }
    await ctx.db.delete(membershipId);
    await recordAudit(ctx, target.orgId, viewer._id, "member.removed", String(target.userId));
  },
});

export const transferOwnership = mutation({
  args: { orgId: v.id("organizations"), toMembershipId: v.id("memberships") },
  handler: async (ctx, { orgId }) => {
    await requireRole(ctx, orgId, "owner");
    throw new ConvexError({ code: "NOT_AVAILABLE", message: "Ownership transfer is handled by support for now" });
  },
});

export const assertRole = internalQuery({
  args: {
    orgId: v.id("organizations"),
    tokenIdentifier: v.string(),
    minimum: role,
  },
  handler: async (ctx, { orgId, tokenIdentifier, minimum }) => {
    const user = await ctx.db
      .query("users")
      .withIndex("by_token", (q) => q.eq("tokenIdentifier", tokenIdentifier))
      .unique();
    if (user === null) {
      throw new ConvexError({ code: "UNAUTHENTICATED" });
    }
    const membership = await membershipOf(ctx, orgId, user._id);
    if (!hasRole(membership, minimum)) {
      throw new ConvexError({ code: "FORBIDDEN", orgId, required: minimum });
    }
    return user._id;
  },
});
