import { createBot } from "./bot.js";
import { loadConfig } from "./config.js";
import { createRepo } from "./db.js";
import { log } from "./log.js";
import { MonitoringClient } from "./monitoring.js";
import { createServer } from "./server.js";

async function main() {
  const config = loadConfig();
  const { prisma, repo } = createRepo();
  const monitoring = new MonitoringClient(config);
  const bot = createBot(config, repo, monitoring);
  const app = await createServer(config, bot, repo);

  const server = app.listen(config.port, () => log.info({ port: config.port }, "opsbot listening"));

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    server.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  log.fatal({ err }, "opsbot failed to start");
  process.exit(1);
});
