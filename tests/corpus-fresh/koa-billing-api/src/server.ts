import { loadConfig } from "./config";
import { buildApp } from "./app";
import { logger } from "./logger";
import { PgInvoiceRepo } from "./repo/pg";

async function main(): Promise<void> {
  const config = loadConfig();
  const repo = await PgInvoiceRepo.connect(process.env.DATABASE_URL ?? "postgres://localhost/billing");
  const app = buildApp(config, repo);
  app.on("error", (err) => logger.error({ err }, "koa error"));
  app.listen(config.port, () => logger.info({ port: config.port }, "billing api listening"));
}

main().catch((err) => {
  logger.fatal({ err }, "failed to start");
  process.exit(1);
});
