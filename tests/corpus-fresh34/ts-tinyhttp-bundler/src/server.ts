import { App } from "@tinyhttp/app";
import { config } from "./config.js";
import { pool } from "./db/bundles.js";
import { sessionStore } from "./db/sessions.js";
import { log } from "./logger.js";
import { api, exportBundlesCsv } from "./routes/api.js";
import { oauth } from "./routes/oauth.js";
import { proxy } from "./routes/proxy.js";
import { webhooks } from "./routes/webhooks.js";

export function buildApp(): App {
  const app = new App({
    noMatchHandler: (_req, res) => {
      res.status(404).json({ error: "not found" });
    },
    onError: (err, _req, res) => {
      log.error({ err }, "unhandled error");
      res.status(500).json({ error: "internal error" });
    },
  });

  app.use((req, _res, next) => {
    log.debug({ method: req.method, url: req.url }, "request");
    next?.();
  });

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

  app.use("/auth", oauth);
  app.use("/webhooks", webhooks);
  app.use("/proxy", proxy);
  app.get("/api/bundles/export.csv", exportBundlesCsv);
  app.use("/api", api);

  return app;
}

if (process.env.NODE_ENV !== "test") {
  const server = buildApp().listen(config.port, () => log.info({ port: config.port }, "bundler backend listening"));
  const shutdown = () => {
    server.close(async () => {
      sessionStore.close();
      await pool.end();
      process.exit(0);
    });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
