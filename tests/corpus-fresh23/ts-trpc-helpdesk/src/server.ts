import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { createContext } from "./context.js";
import { db } from "./db.js";
import { env } from "./env.js";
import { logger } from "./lib/logger.js";
import { appRouter } from "./router.js";

const server = createHTTPServer({
  router: appRouter,
  createContext,
  basePath: "/trpc/",
  onError({ error, path, type }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: error.cause ?? error, path, type }, "unhandled procedure error");
    }
  },
});

server.listen(env.PORT);
logger.info({ port: env.PORT }, "helpdesk api listening");

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  await db.destroy();
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
