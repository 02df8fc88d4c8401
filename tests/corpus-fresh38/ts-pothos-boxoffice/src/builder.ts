import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import SimpleObjectsPlugin from "@pothos/plugin-simple-objects";
import { GraphQLError } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { GraphQLContext } from "./context";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: {
    loggedIn: boolean;
    organizer: boolean;
    admin: boolean;
    organizerOf: string;
    scannerFor: string;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Money: { Input: number; Output: number };
  };
}>({
  plugins: [ScopeAuthPlugin, SimpleObjectsPlugin],
  authScopes: async (ctx) => ({
    loggedIn: ctx.viewer !== null,
    organizer: ctx.viewer?.role === "organizer" || ctx.viewer?.role === "admin",
    admin: ctx.viewer?.role === "admin",
    organizerOf: async (eventId) => {
      if (ctx.viewer === null) {
        return false;
      }
      if (ctx.viewer.role === "admin") {
        return true;
      }
      const event = await ctx.loaders.event.load(eventId);
      return event !== null && event.organizer.id === ctx.viewer.id;
    },
    scannerFor: (eventId) => ctx.device !== null && ctx.device.event.id === eventId,
  }),
  scopeAuthOptions: {
    unauthorizedError: (_parent, _context, _info, result) =>
      new GraphQLError(result.message, { extensions: { code: "FORBIDDEN" } }),
  },
});

builder.addScalarType("DateTime", DateTimeResolver, {});

builder.scalarType("Money", {
  description: "An amount in minor currency units (cents)",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new GraphQLError("Money must be a non-negative integer amount of cents");
    }
    return value;
  },
});

builder.queryType({});
builder.mutationType({});
