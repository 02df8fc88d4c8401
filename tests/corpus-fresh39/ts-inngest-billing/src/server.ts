import { buildApp } from "./app.js";
import { config } from "./config.js";
import { closePool } from "./db/client.js";
import { logger } from "./logger.js";

const server = buildApp().listen(config.port, () => {
  logger.info({ port: config.port }, "billing-jobs listening");
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    server.close(async () => {
      await closePool();
      process.exit(0);
    });
  });
}
