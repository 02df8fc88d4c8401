import pino from "pino";
import { Pool } from "pg";
import restify from "restify";

import type { Config } from "./config";
import { LedgerStore } from "./db";
import { accountHandlers } from "./handlers/accounts";
import { webhookHandlers } from "./handlers/webhooks";
import { requireApiKey } from "./middleware/auth";
import { verifyPartnerSignature } from "./middleware/webhook";

export function buildServer(config: Config, pool = new Pool({ connectionString: config.databaseUrl })) {
  const log = pino({ name: "ledger-api", level: process.env.LOG_LEVEL ?? "info" });
  const server = restify.createServer({ name: "ledger-api", log: log as never });

  server.use(restify.plugins.acceptParser(server.acceptable));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1 << 20 }));
  server.use(restify.plugins.requestLogger());

  const store = new LedgerStore(pool);
  const accounts = accountHandlers(store);
  const webhooks = webhookHandlers(store);
  const apiKey = requireApiKey(config.apiKeys);

  // unauthenticated probe for the load balancer
  server.get("/healthz", (_req, res, next) => {
    res.send(200, { status: "ok" });
    return next();
  });

  server.get("/v1/accounts", apiKey, accounts.list);
  server.get("/v1/accounts/:id", apiKey, accounts.get);
  server.del("/v1/accounts/:id", accounts.remove);
  server.get("/v1/accounts/:id/statements", apiKey, accounts.exportStatements);

  server.post("/v1/webhooks/partner", verifyPartnerSignature(config.webhookSecret), webhooks.partnerEvent);

  server.on("restifyError", (req, _res, err, cb) => {
    req.log.error({ err }, "request failed");
    return cb();
  });

  return server;
}
