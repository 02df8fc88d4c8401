import Router from "@koa/router";
import type { Context, Next } from "koa";
import { verifyWebhook } from "../services/webhookVerifier";
import { logger } from "../logger";

export function webhookRoutes(secret: string): Router {
  const router = new Router({ prefix: "/webhooks" });

  router.post("/payments", async (ctx: Context, _next: Next) => {
    const raw = (ctx.request as { rawBody?: string }).rawBody ?? "";
    const header = ctx.get("acme-signature");
    if (!header || !verifyWebhook(raw, header, secret)) {
      ctx.throw(400, "bad signature");
    }
    const event = JSON.parse(raw) as { type: string; id: string };
    logger.info({ type: event.type, id: event.id }, "payment webhook received");
    // Koa router handlers terminate here; there is nothing downstream to call.
    ctx.status = 204;
  });

  return router;
}
