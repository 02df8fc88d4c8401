import { type InstallationStore } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import express, { type IRouter, type Request, type Response } from "express";
import { timingSafeEqual } from "node:crypto";
import type { Config } from "./config";
import type { Store } from "./db";
import { logger } from "./logger";
import type { Provisioner } from "./provisioner";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}

/**
 * HTTP routes served next to Bolt's /slack/events on the ExpressReceiver router.
 * /internal/* is called by the platform scheduler with INTERNAL_API_TOKEN.
 */
export function registerCustomRoutes(
  router: IRouter,
  config: Config,
  store: Store,
  provisioner: Provisioner,
  installations: InstallationStore,
): void {
  router.get("/healthz", async (_req: Request, res: Response) => {
    try {
      await store.rawPool.query("select 1");
      res.json({ ok: true });
    } catch (err) {
      logger.error({ err }, "health check failed");
      res.status(503).json({ ok: false });
    }
  });

  router.post("/internal/expire-grants", express.json(), async (req: Request, res: Response) => {
    if (req.headers.authorization !== `Bearer ${config.internalToken}`) {
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    const due = await store.dueForExpiry();
    let expired = 0;
    for (const grant of due) {
      if (grant.grant_ref) {
        await provisioner.revokeAccess(grant.grant_ref, "expired");
      }
      await store.markExpired(grant.id);
      expired++;
      const installation = await installations.fetchInstallation({
        teamId: grant.team_id,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      const client = new WebClient(installation.bot?.token);
      await client.chat.postMessage({
        channel: grant.requester_id,
        text: `Your ${grant.access_role} access on ${grant.system} has expired.`,
      });
    }
    res.json({ expired });
  });

  router.post("/internal/sync-roles", express.json(), async (req: Request, res: Response) => {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!safeEqual(token, config.internalToken)) {
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    const entries: { team_id: string; user_id: string; role: string }[] = req.body?.roles ?? [];
    await store.tx(async (c) => {
      for (const e of entries) {
        await c.query(
          `insert into desk_roles (team_id, user_id, role) values ($1, $2, $3)
           on conflict (team_id, user_id) do update set role = excluded.role`,
          [e.team_id, e.user_id, e.role],
        );
      }
    });
    res.json({ synced: entries.length });
  });
}
