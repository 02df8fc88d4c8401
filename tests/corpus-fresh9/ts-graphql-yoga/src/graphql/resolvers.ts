import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { GraphQLContext } from "../context.js";
import { createProject, deleteOrganization, listProjects } from "../lib/db.js";
import { logger } from "../lib/logger.js";
import { cancelCustomer, changePlan } from "../services/billing.js";
import { inviteMember, listMembers, removeMember, usageFor } from "../services/members.js";

function viewerOf(ctx: GraphQLContext) {
  if (!ctx.viewer) {
    throw new GraphQLError("Unauthenticated", { extensions: { code: "UNAUTHENTICATED" } });
  }
  return ctx.viewer;
}

export const resolvers = {
  Query: {
    health: () => "ok",
    projects: async (
      _parent: unknown,
      args: { first: number; includeArchived: boolean },
      ctx: GraphQLContext,
    ) => listProjects(viewerOf(ctx).orgId, { limit: args.first, includeArchived: args.includeArchived }),
    members: async (_parent: unknown, _args: unknown, ctx: GraphQLContext) =>
      listMembers(viewerOf(ctx).orgId),
    usageReport: async (_parent: unknown, args: { orgId: string }) => usageFor(args.orgId),
  },
  Mutation: {
    createProject: async (_parent: unknown, args: { name: string }, ctx: GraphQLContext) => {
      const name = args.name.trim();
      if (name.length < 2) {
        throw new GraphQLError("Project name too short", { extensions: { code: "BAD_USER_INPUT" } });
      }
      return createProject(viewerOf(ctx).orgId, name);
    },
    updateBillingPlan: async (_parent: unknown, args: { plan: string }, ctx: GraphQLContext) => {
      await changePlan(viewerOf(ctx).orgId, args.plan);
      return true;
    },
    deleteOrganization: async (_parent: unknown, args: { confirm: string }, ctx: GraphQLContext) => {
      const viewer = viewerOf(ctx);
      if (args.confirm !== viewer.orgId) {
        throw new GraphQLError("Confirmation does not match organisation id");
      }
      await cancelCustomer(viewer.orgId);
      await deleteOrganization(viewer.orgId);
      logger.warn({ orgId: viewer.orgId, by: viewer.userId }, "organisation deleted");
      return true;
    },
    inviteMember: async (_parent: unknown, args: { email: string; role: string }, ctx: GraphQLContext) =>
      inviteMember(viewerOf(ctx).orgId, args.email, args.role),
    removeMember: async (_parent: unknown, args: { userId: string }, ctx: GraphQLContext) =>
      removeMember(viewerOf(ctx).orgId, args.userId),
    exportWorkspace: async (
      _parent: unknown,
      _args: { format: string },
      _ctx: GraphQLContext,
      _info: GraphQLResolveInfo,
    ): Promise<string> => {
      throw new Error("exportWorkspace: not implemented");
    },
  },
};
