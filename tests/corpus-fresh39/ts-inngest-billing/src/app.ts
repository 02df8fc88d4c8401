import { createReadStream } from "node:fs";
import express, { type NextFunction, type Request, type Response } from "express";
import { serve } from "inngest/express";
import { asc } from "drizzle-orm";
import { db, getInvoice, NotFoundError } from "./db/client.js";
import { accounts } from "./db/schema.js";
import { functions, inngest } from "./inngest/index.js";
import { logger } from "./logger.js";
import { requireSession } from "./http/auth.js";
import { accountsRouter } from "./http/routes/accounts.js";
import { adminRouter } from "./http/routes/admin.js";
import { paddleWebhook, stripeWebhook } from "./http/routes/webhooks.js";

const PLANS = [
  { id: "starter", priceCents: 0, seats: 3 },
  { id: "team", priceCents: 4900, seats: 25 },
  { id: "business", priceCents: 19900, seats: 250 },
];

async function downloadInvoicePdf(req: Request, res: Response, next: NextFunction) {
  try {
    const invoice = await getInvoice(req.params.id);
    if (!invoice.pdfPath) {
      res.status(404).json({ error: "pdf not rendered yet" });
      return;
    }
    res.setHeader("content-type", "application/pdf");
    res.setHeader("content-disposition", `attachment; filename="${invoice.number}.pdf"`);
    createReadStream(invoice.pdfPath).on("error", next).pipe(res);
  } catch (err) {
    next(err);
  }
}

export function buildApp() {
  const app = express();
  app.disable("x-powered-by");

  // Signature checks need the exact bytes, so these two get the raw body.
  app.post("/webhooks/stripe", express.raw({ type: "application/json" }), stripeWebhook);
  app.post("/webhooks/paddle", express.raw({ type: "application/json" }), paddleWebhook);

  app.use(express.json({ limit: "1mb" }));

  // Inngest authenticates its own calls with the signing key (INNGEST_SIGNING_KEY).
  app.use("/api/inngest", serve({ client: inngest, functions }));

  app.get("/healthz", async (_req, res) => {
    await db.select({ id: accounts.id }).from(accounts).orderBy(asc(accounts.createdAt)).limit(1);
    res.json({ ok: true });
  });

  // Public price list, rendered by the marketing site.
  app.get("/api/plans", (_req, res) => {
    res.set("cache-control", "public, max-age=300").json(PLANS);
  });

  app.get("/api/invoices/:id/pdf", downloadInvoicePdf);

  app.use("/api", requireSession);
  app.use("/api", accountsRouter);
  app.use("/api/admin", adminRouter);

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof NotFoundError) {
      res.status(404).json({ error: err.message });
      return;
    }
    logger.error({ err }, "unhandled error");
    res.status(500).json({ error: "internal error" });
  });

  return app;
}
