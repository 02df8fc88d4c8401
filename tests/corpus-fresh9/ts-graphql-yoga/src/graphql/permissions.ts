import { allow, and, rule, shield } from "graphql-shield";
import type { GraphQLContext } from "../context.js";

const isAuthenticated = rule({ cache: "contextual" })(
  async (_parent, _args, ctx: GraphQLContext) => ctx.viewer !== null,
);

const isOrgAdmin = rule({ cache: "contextual" })(
  async (_parent, _args, ctx: GraphQLContext) =>
    ctx.viewer?.role === "admin" || ctx.viewer?.role === "owner",
);

const isOrgOwner = rule({ cache: "contextual" })(
  async (_parent, _args, ctx: GraphQLContext) => ctx.viewer?.role === "owner",
);

const isInternal = rule({ cache: "no_cache" })(
  async (_parent, _args, ctx: GraphQLContext) => ctx.internalCaller,
);

export const permissions = shield(
  {
    Query: {
      "*": isAuthenticated,
      health: allow,
      usageReport: isInternal,
    },
    Mutation: {
      "*": isAuthenticated,
      createProject: isAuthenticated,
      updateBillingPlan: and(isAuthenticated, isOrgOwner),
      deleteOrganization: and(isAuthenticated, isOrgOwner),
      inviteMember: isAuthenticated,
      removeMember: isAuthenticated,
    },
  },
  {
    allowExternalErrors: true,
    fallbackError: "Not authorised",
  },
);
