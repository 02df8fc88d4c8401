import { timingSafeEqual } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Telegraf } from "telegraf";
import type { OpsbotConfig } from "./config.js";
import type { BotContext } from "./context.js";
import type { Repo } from "./db.js";
import { alertKeyboard } from "./commands/alerts.js";
import { PlainFormatter } from "./format.js";
import { log } from "./log.js";

interface AlertmanagerAlert {
  status: "firing" | "resolved";
  fingerprint: string;
  labels: { alertname: string; team?: string; severity?: string; monitor_id?: string };
  annotations: { summary?: string };
  startsAt: string;
  endsAt: string;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function createServer(config: OpsbotConfig, bot: Telegraf<BotContext>, repo: Repo) {
  const app = express();
  const formatter = new PlainFormatter();

  // Telegram calls this; telegraf checks X-Telegram-Bot-Api-Secret-Token against secret_token itself.
  app.use(
    await bot.createWebhook({
      domain: config.publicDomain,
      path: config.webhookPath,
      secret_token: config.webhookSecret,
      drop_pending_updates: false,
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, uptime: process.uptime() });
  });

  app.post("/hooks/alertmanager", express.json({ limit: "1mb" }), async (req, res, next) => {
    if (req.get("x-alertmanager-token") !== config.alertWebhookToken) {
      res.status(401).end();
      return;
    }
    try {
      const incoming = (req.body?.alerts ?? []) as AlertmanagerAlert[];
      const failed: string[] = [];
      for (const a of incoming) {
        if (a.status === "resolved") {
          await repo.resolveAlert(a.fingerprint, new Date(a.endsAt));
          continue;
        }
        const alert = await repo.upsertAlert({
          fingerprint: a.fingerprint,
          monitorId: a.labels.monitor_id ?? a.labels.alertname,
          team: a.labels.team ?? config.defaultTeam,
          severity: a.labels.severity ?? "warning",
          summary: a.annotations.summary ?? a.labels.alertname,
          firedAt: new Date(a.startsAt),
        });
        for (const { chatId } of await repo.subscribersFor(alert.team)) {
          try {
            await bot.telegram.sendMessage(
              chatId.toString(),
              formatter.format(alert, "en-GB"),
              alertKeyboard(alert.id, alert.monitorId),
            );
          } catch (err) {
            failed.push(chatId.toString());
            log.warn({ err, chatId: chatId.toString(), alert: alert.id }, "alert delivery failed");
          }
        }
      }
      res.status(failed.length ? 502 : 202).json({ received: incoming.length, failedChats: failed });
    } catch (err) {
      next(err);
    }
  });

  const admin = express.Router();
  admin.use((req, res, next) => {
    const token = req.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!safeEqual(token, config.adminApiToken)) {
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    next();
  });
  admin.use(express.json());

  admin.get("/access-requests", async (_req, res, next) => {
    try {
      const pending = await repo.pendingAccessRequests();
      res.json(pending.map((p) => ({ ...p, telegramId: p.telegramId.toString() })));
    } catch (err) {
      next(err);
    }
  });

  admin.get("/incidents.csv", async (req, res, next) => {
    const from = new Date(String(req.query.from ?? Date.now() - 7 * 86_400_000));
    const to = new Date(String(req.query.to ?? Date.now()));
    // Scratch directory for building the download; removed once it has been sent.
    const scratch = await mkdtemp(path.join(os.tmpdir(), "opsbot-export-"));
    try {
      const rows = await repo.incidentsBetween(from, to);
      const csv = ["id,team,severity,status,title,created_at"]
        .concat(rows.map((r) => [r.id, r.team, r.severity, r.status, JSON.stringify(r.title), r.createdAt.toISOString()].join(",")))
        .join("\n");
      const file = path.join(scratch, "incidents.csv");
      await writeFile(file, csv);
      await writeFile(path.join(config.exportDir, `incidents-${from.toISOString().slice(0, 10)}.csv`), csv);
      res.download(file, "incidents.csv", () => rm(scratch, { recursive: true, force: true }));
    } catch (err) {
      await rm(scratch, { recursive: true, force: true });
      next(err);
    }
  });

  admin.post("/rotate-webhook-secret", (_req, res) => {
    res.status(501).json({ error: "not implemented" });
  });

  app.use("/admin", admin);

  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    log.error({ err }, "http handler failed");
    res.status(500).json({ error: "internal error" });
  });

  return app;
}
