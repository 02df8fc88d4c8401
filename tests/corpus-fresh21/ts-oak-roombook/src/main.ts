import { Application, Router } from "@oak/oak";
import { loadConfig } from "./config.ts";
import { initPool, withClient } from "./db.ts";
import { log } from "./logger.ts";
import { type AppState, configureAuth, loadUser } from "./middleware/auth.ts";
import { accessLog, errorHandler, requestId } from "./middleware/logging.ts";
import { admin } from "./routes/admin.ts";
import { bookings } from "./routes/bookings.ts";
import { rooms } from "./routes/rooms.ts";
import { webhooks } from "./routes/webhooks.ts";

export async function buildApp(): Promise<Application<AppState>> {
  const cfg = loadConfig();
  await initPool(cfg);
  await configureAuth(cfg.jwtKeyBase64);

  const api = new Router<AppState>({ prefix: "/api/v1" });
  api.use("/rooms", rooms.routes(), rooms.allowedMethods());
  api.use("/bookings", bookings.routes(), bookings.allowedMethods());
  api.use("/admin", admin.routes(), admin.allowedMethods());
  api.use("/hooks", webhooks.routes(), webhooks.allowedMethods());

  const root = new Router<AppState>();
  root.get("/healthz", async (ctx) => {
    try {
      await withClient((c) => c.queryArray`SELECT 1`);
      ctx.response.body = { status: "ok" };
    } catch (err) {
      log.warn("health check failed", { err });
      ctx.response.status = 503;
      ctx.response.body = { status: "unavailable" };
    }
  });

  const app = new Application<AppState>({ state: { requestId: "" } });
  app.use(errorHandler);
  app.use(requestId);
  app.use(accessLog);
  app.use(loadUser);
  app.use(root.routes(), root.allowedMethods());
  app.use(api.routes(), api.allowedMethods());
  return app;
}

if (import.meta.main) {
  const cfg = loadConfig();
  const app = await buildApp();
  app.addEventListener("listen", ({ port }) => log.info("roombook listening", { port }));
  await app.listen({ port: cfg.port });
}
