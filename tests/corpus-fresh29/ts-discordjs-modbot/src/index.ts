import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { deployCommands, loadCommands } from "./commands";
import { config } from "./config";
import { store } from "./db/store";
import { registerInteractionHandler } from "./events/interactionCreate";
import { startVerdictServer } from "./http/verdictWebhook";
import { log } from "./logger";

const DAY_MS = 24 * 60 * 60 * 1000;

async function main(): Promise<void> {
  const commands = loadCommands();
  if (process.argv.includes("--deploy")) {
    await deployCommands(commands);
    return;
  }

  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessages],
    partials: [Partials.Channel],
  });

  registerInteractionHandler(client, commands);
  client.once(Events.ClientReady, (ready) => {
    log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, "modbot ready");
  });

  const server = startVerdictServer(client);
  const backupTimer = setInterval(() => {
    store
      .backup()
      .then((file) => log.info({ file }, "database backup written"))
      .catch((err) => log.error({ err }, "database backup failed"));
  }, DAY_MS);

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    clearInterval(backupTimer);
    server.close();
    await client.destroy();
    store.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await client.login(config.discordToken);
}

main().catch((err) => {
  log.fatal({ err }, "modbot failed to start");
  process.exit(1);
});
