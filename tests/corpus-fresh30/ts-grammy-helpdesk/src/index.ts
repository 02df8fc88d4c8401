import { loadConfig } from "./config.js";
import { createBot } from "./bot.js";
import { createDb } from "./db/client.js";
import { logger } from "./logger.js";
import { createServer } from "./server.js";
import { DeskClient } from "./services/desk.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb(config);
  const desk = new DeskClient({ baseUrl: config.deskBaseUrl, token: config.deskApiToken });
  const deps = { db, desk, config };
  const bot = createBot(deps);

  if (config.webhookUrl) {
    await bot.api.setWebhook(config.webhookUrl, {
      secret_token: config.webhookSecret,
      allowed_updates: ["message", "callback_query"],
    });
    const server = createServer(bot, deps).listen(config.port, () => {
      logger.info({ port: config.port }, "webhook server listening");
    });
    const stop = () => server.close(() => void db.destroy());
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } else {
    process.once("SIGTERM", () => void bot.stop());
    process.once("SIGINT", () => void bot.stop());
    await bot.start({ onStart: (me) => logger.info({ username: me.username }, "long polling") });
    await db.destroy();
  }
}

main().catch((err) => {
  logger.fatal({ err }, "startup failed");
  process.exit(1);
});
