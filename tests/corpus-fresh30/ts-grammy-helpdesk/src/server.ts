import { createHmac } from "node:crypto";
import express from "express";
import { webhookCallback, type Bot } from "grammy";
import type { Deps, MyContext } from "./context.js";
import { TicketRepo } from "./db/tickets.js";
import { logger } from "./logger.js";

interface DeskEvent {
  type: "ticket.updated" | "ticket.comment_added";
  ticket: { id: string; status: "open" | "pending" | "solved" | "closed" };
  comment?: { body: string; public: boolean; author: string };
}

export function createServer(bot: Bot<MyContext>, deps: Deps): express.Express {
  const app = express();
  const repo = new TicketRepo(deps.db);

  // Load balancer probe; no data behind it.
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

  app.post(
    "/telegram",
    express.json(),
    webhookCallback(bot, "express", { secretToken: deps.config.webhookSecret, timeoutMilliseconds: 9_000 }),
  );

  app.post("/hooks/desk", express.raw({ type: "application/json", limit: "256kb" }), async (req, res) => {
    const signature = req.header("x-desk-signature") ?? "";
    const expected = createHmac("sha256", deps.config.deskWebhookSecret).update(req.body as Buffer).digest("base64");
    if (signature !== expected) {
      res.status(401).json({ error: "bad signature" });
      return;
    }

    let event: DeskEvent;
    try {
      event = JSON.parse((req.body as Buffer).toString("utf8")) as DeskEvent;
    } catch {
      res.status(400).json({ error: "invalid json" });
      return;
    }

    const ticket = await repo.byDeskId(event.ticket.id);
    if (!ticket) {
      res.status(202).json({ ignored: true });
      return;
    }

    if (event.type === "ticket.updated") {
      await repo.syncStatus(event.ticket.id, event.ticket.status);
    } else if (event.comment?.public) {
      try {
        await bot.api.sendMessage(ticket.requester_tg_id, `Support (#${ticket.id}): ${event.comment.body}`);
      } catch (err) {
        logger.error({ err, ticket: ticket.id }, "could not relay desk comment");
        res.status(502).json({ error: "relay failed" });
        return;
      }
    }
    res.status(204).end();
  });

  return app;
}
