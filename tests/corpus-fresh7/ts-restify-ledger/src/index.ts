import { loadConfig } from "./config";
import { buildServer } from "./server";

async function main() {
  const config = loadConfig();
  const server = buildServer(config);

  const shutdown = (signal: string) => {
    server.log.info({ signal }, "shutting down");
    server.close(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  server.listen(config.port, () => {
    server.log.info({ url: server.url }, "ledger-api listening");
  });
}

main().catch((err) => {
  console.error("fatal startup error", err);
  process.exit(1);
});
