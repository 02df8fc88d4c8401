import Koa from "koa";
import bodyParser from "koa-bodyparser";
import Router from "@koa/router";
import type { BillingConfig } from "./config";
import { problemDetails, requestId } from "./middleware/errors";
import { requireApiKey } from "./middleware/auth";
import { invoiceRoutes } from "./routes/invoices";
import { adminRoutes } from "./routes/admin";
import { webhookRoutes } from "./routes/webhooks";
import { InvoiceService, type InvoiceRepo } from "./services/invoiceService";
import { StripeProvider } from "./clients/stripe";
import { AuditTrail } from "./audit";

export function buildApp(config: BillingConfig, repo: InvoiceRepo): Koa {
  const app = new Koa();
  const service = new InvoiceService(repo, new StripeProvider());
  const audit = new AuditTrail(config.auditLog);

  app.use(requestId);
  app.use(problemDetails);
  app.use(bodyParser({ enableTypes: ["json"] }));

  // Webhooks authenticate with their HMAC signature, not an API key.
  const hooks = webhookRoutes(config.webhookSecret);
  app.use(hooks.routes()).use(hooks.allowedMethods());

  const api = new Router({ prefix: "/v1" });
  api.use(requireApiKey(config.apiKeys, config.apiKeyHeader));

  const invoices = invoiceRoutes(service);
  const admin = adminRoutes(service, audit);
  api.use(invoices.routes(), invoices.allowedMethods());
  api.use(admin.routes(), admin.allowedMethods());

  app.use(api.routes()).use(api.allowedMethods());
  return app;
}
