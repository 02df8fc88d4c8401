// HTTP entry point for the billing API.
import express from "express";
import { hasValidApiKey, requireUser } from "./auth/session";
import { listRefunds, processRefund } from "./payments/refunds";
import { exportRefundsCsv } from "./reports/export";

export function buildApp() {
  const app = express();
  app.use(express.json());

  app.get("/customers/:id/refunds", requireUser, async (req, res) => {
    const refunds = await listRefunds(req.params.id, { limit: Number(req.query.limit ?? 50) });
    res.json(refunds);
  });

  app.post("/refunds", requireUser, async (req, res) => {
    const refund = await processRefund(req.body.chargeId, req.body.amount);
    res.status(201).json(refund);
  });

  // Finance exports are admin-only.
  app.get("/admin/exports/refunds.csv", requireUser, async (_req, res) => {
    res.type("text/csv").send(await exportRefundsCsv(new Date()));
  });

  // Machine-to-machine reconciliation trigger, authenticated by API key.
  app.post("/internal/reconcile", async (req, res) => {
    if (!hasValidApiKey(req)) {
      res.status(401).end();
      return;
    }
    res.status(202).end();
  });

  return app;
}
