import fastifyJwt from "@fastify/jwt";
import Fastify, { type FastifyServerOptions } from "fastify";
import mercurius from "mercurius";
import mercuriusAuth from "mercurius-auth";
import { authOptions, type Identity } from "./auth.js";
import { config } from "./config.js";
import { createDb, type Db, type Role } from "./db.js";
import { loaders, resolvers } from "./graphql/resolvers.js";
import { schema } from "./graphql/schema.js";
import restRoutes from "./routes.js";

export type BuildOptions = {
  db?: Db;
  logger?: FastifyServerOptions["logger"];
};

export async function buildApp(options: BuildOptions = {}) {
  const db = options.db ?? createDb();
  const app = Fastify({
    logger: options.logger ?? { level: process.env.LOG_LEVEL ?? "info" },
    trustProxy: true,
  });

  await app.register(fastifyJwt, {
    secret: config.jwtSecret,
    sign: { expiresIn: "2h", iss: "mediahub" },
    verify: { allowedIss: "mediahub" },
  });

  await app.register(mercurius, {
    schema,
    resolvers,
    loaders,
    context: () => ({ db }),
    subscription: {
      context: (_connection, _request) => ({ db }),
      onConnect: async ({ payload }: { payload?: { authorization?: string } }) => {
        const token = payload?.authorization?.replace(/^Bearer /, "");
        if (!token) return false;
        try {
          const claims = app.jwt.verify<{ sub: string; role: Role }>(token);
          const identity: Identity = { sub: claims.sub, role: claims.role, kind: "user" };
          return { identity };
        } catch {
          return false;
        }
      },
    },
    graphiql: config.env !== "production",
  });

  await app.register(mercuriusAuth, authOptions);
  await app.register(restRoutes, { prefix: "/api", db });

  app.addHook("onClose", async () => {
    await db.destroy();
  });

  return app;
}
