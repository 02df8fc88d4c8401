import { ConvexError } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";

export type Role = Doc<"memberships">["role"];

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function hasRole(membership: Doc<"memberships"> | null, minimum: Role): boolean {
  return membership !== null && RANK[membership.role] >= RANK[minimum];
}

export async function getViewer(ctx: QueryCtx): Promise<Doc<"users"> | null> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) {
    return null;
  }
  return await ctx.db
    .query("users")
    .withIndex("by_token", (q) => q.eq("tokenIdentifier", identity.tokenIdentifier))
    .unique();
}

export async function requireViewer(ctx: QueryCtx): Promise<Doc<"users">> {
  const viewer = await getViewer(ctx);
  if (viewer === null) {
    throw new ConvexError({ code: "UNAUTHENTICATED" });
  }
  return viewer;
}

export async function membershipOf(
  ctx: QueryCtx,
  orgId: Id<"organizations">,
  userId: Id<"users">,
): Promise<Doc<"memberships"> | null> {
  return await ctx.db
    .query("memberships")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

export async function requireRole(ctx: QueryCtx, orgId: Id<"organizations">, minimum: Role) {
  const viewer = await requireViewer(ctx);
  const membership = await membershipOf(ctx, orgId, viewer._id);
  if (!hasRole(membership, minimum)) {
    throw new ConvexError({ code: "FORBIDDEN", orgId, required: minimum });
  }
  return { viewer, membership: membership! };
}

export async function recordAudit(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  actorId: Id<"users"> | undefined,
  action: string,
  detail: string,
): Promise<void> {
  await ctx.db.insert("auditLog", { orgId, actorId, action, detail, at: Date.now() });
}
