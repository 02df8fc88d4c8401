import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { makeContextFactory } from "./context";
import { createDb } from "./db";
import { env } from "./env";
import { logger } from "./logger";
import { appRouter } from "./routers";

const db = createDb();

const server = createHTTPServer({
  router: appRouter,
  createContext: makeContextFactory(db),
  basePath: "/trpc/",
  onError({ error, path, type }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: error.cause ?? error, path, type }, "procedure failed");
    }
  },
});

server.listen(env.PORT);
logger.info({ port: env.PORT }, "fleetops api listening");

async function shutdown(signal: NodeJS.Signals) {
  logger.info({ signal }, "shutting down");
  server.close();
  await db.destroy();
  process.exit(0);
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
