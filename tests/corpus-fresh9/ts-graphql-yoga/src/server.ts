import { createServer } from "node:http";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { applyMiddleware } from "graphql-middleware";
import { createYoga } from "graphql-yoga";
import { buildContext } from "./context.js";
import { permissions } from "./graphql/permissions.js";
import { resolvers } from "./graphql/resolvers.js";
import { typeDefs } from "./graphql/typeDefs.js";
import { pool } from "./lib/db.js";
import { logger } from "./lib/logger.js";

export function buildSchema() {
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  return applyMiddleware(schema, permissions);
}

export function buildYoga() {
  return createYoga({
    schema: buildSchema(),
    context: buildContext,
    graphqlEndpoint: "/graphql",
    maskedErrors: process.env.NODE_ENV === "production",
    logging: logger,
  });
}

const port = Number(process.env.PORT ?? 4000);
const server = createServer(buildYoga());

server.listen(port, () => {
  logger.info({ port }, "workspace graph listening");
});

process.on("SIGTERM", () => {
  server.close(async (err) => {
    if (err) logger.error({ err }, "error while closing http server");
    await pool.end();
    process.exit(err ? 1 : 0);
  });
});
