import "reflect-metadata";
import { createHmac, timingSafeEqual } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@apollo/server/express4";
import cors from "cors";
import express from "express";
import { buildContext, type Context } from "./auth";
import { config } from "./config";
import { AppDataSource } from "./data-source";
import { Loan } from "./entities/Loan";
import { scheduleOverdueSweep } from "./jobs/overdue";
import { logger } from "./logger";
import { createSchema } from "./schema";

export function verifyPaymoSignature(raw: Buffer, header: string | undefined, secret = config.payments.webhookSecret): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(raw).digest();
  const provided = Buffer.from(header, "base64");
  return provided.length === expected.length && timingSafeEqual(provided, expected);
}

async function main(): Promise<void> {
  await AppDataSource.initialize();
  const schema = await createSchema();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: process.env.NODE_ENV !== "production",
    // The second argument (the original error) is part of Apollo's signature;
    // only the already-formatted error is needed to strip internals.
    formatError: (formatted, _error) => {
      if (formatted.extensions?.code === "INTERNAL_SERVER_ERROR") {
        return { message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
      }
      return formatted;
    },
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");

  // Load balancer health probe; no data and no auth by design.
  app.get("/healthz", (_req, res) => {
    res.json({ ok: AppDataSource.isInitialized });
  });

  // Paymo calls this without a user token; the HMAC signature authenticates it.
  app.post("/webhooks/paymo", express.raw({ type: "application/json", limit: "64kb" }), async (req, res) => {
    if (!verifyPaymoSignature(req.body as Buffer, req.header("x-paymo-signature"))) {
      res.status(401).end();
      return;
    }
    const event = JSON.parse((req.body as Buffer).toString("utf8")) as { type: string; data: { metadata?: { loanId?: string } } };
    if (event.type === "charge.refunded" && event.data.metadata?.loanId) {
      await AppDataSource.getRepository(Loan).update({ id: event.data.metadata.loanId }, { fineCents: 0 });
    }
    res.status(204).end();
  });

  app.use("/graphql", cors<cors.CorsRequest>(), express.json({ limit: "256kb" }), expressMiddleware(apollo, { context: buildContext }));

  const sweep = scheduleOverdueSweep();
  const server = app.listen(config.port, () => logger.info("toolshed api listening", { port: config.port }));

  process.on("SIGTERM", async () => {
    sweep.stop();
    server.close();
    await apollo.stop();
    await AppDataSource.destroy();
  });
}

if (require.main === module) {
  main().catch((err) => {
    logger.error("startup failed", { error: (err as Error).stack });
    process.exit(1);
  });
}
