import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./auth";
import { ResolveTime } from "./middlewares/AuditLog";
import { LoanResolver } from "./resolvers/LoanResolver";
import { MemberResolver } from "./resolvers/MemberResolver";
import { ToolResolver } from "./resolvers/ToolResolver";

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ToolResolver, LoanResolver, MemberResolver],
    authChecker,
    authMode: "error",
    globalMiddlewares: [ResolveTime],
    validate: false,
  });
}
