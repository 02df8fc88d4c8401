import { timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createServerAdapter } from "@whatwg-node/server";
import { createYoga } from "graphql-yoga";
import { loadConfig } from "./config";
import { buildContext, type AppDeps, type GraphQLContext } from "./context";
import { OrderStatus, Ticket } from "./db/entities";
import { initOrm } from "./db/orm";
import { OrderRepository } from "./db/repositories";
import { logger } from "./log";
import { Mailer, SmtpTransport } from "./mail";
import { MollieClient } from "./payments/mollie";
import { schema } from "./schema";
import { generateTicketCode, renderTickets, ticketPdfPath } from "./tickets";

let requestCount = 0;

function bearerMatches(header: string | null, expected: string): boolean {
  if (!expected || !header?.startsWith("Bearer ")) {
    return false;
  }
  const a = Buffer.from(header.slice("Bearer ".length));
  const b = Buffer.from(expected);
  if (a.length !== b.length) {
    return false;
  }
  return timingSafeEqual(a, b);
}

// Mollie webhooks carry only the payment id and are not signed; the payment
// status is always re-read from the Mollie API with our key, so the route is public.
async function handleMollieWebhook(request: Request, deps: AppDeps): Promise<Response> {
  const form = await request.formData();
  const paymentId = String(form.get("id") ?? "");
  if (!paymentId) {
    return new Response("missing id", { status: 400 });
  }
  const payment = await deps.mollie.getPayment(paymentId);
  const em = deps.orm.em.fork();
  const orders = new OrderRepository(em);
  const order = await orders.findByPaymentId(payment.id);
  if (order === null) {
    logger.warn({ paymentId }, "webhook for unknown payment");
    return new Response(null, { status: 200 });
  }
  if (payment.status === "paid" && order.status === OrderStatus.Pending) {
    const tickets = await orders.issueTickets(order, generateTicketCode);
    const pdfs = await renderTickets(tickets, order.event.title);
    try {
      await deps.mailer.sendOrderConfirmation(order, tickets, pdfs);
    } catch (err) {
      logger.error({ err, orderId: order.id }, "confirmation mail failed; queued for retry");
      await orders.queueMail("order-confirmation", order.id, err);
    }
  } else if (["canceled", "expired", "failed"].includes(payment.status) && order.status === OrderStatus.Pending) {
    order.status = OrderStatus.Cancelled;
    await em.flush();
  }
  return new Response(null, { status: 200 });
}

async function handleTicketDownload(code: string, request: Request, deps: AppDeps): Promise<Response> {
  const ctx = await buildContext(request, deps);
  if (ctx.viewer === null) {
    return new Response("sign in required", { status: 401 });
  }
  const ticket = await ctx.em.findOne(Ticket, { code, order: { buyer: ctx.viewer.id, status: OrderStatus.Paid } });
  if (ticket === null) {
    return new Response("not found", { status: 404 });
  }
  const pdf = await readFile(ticketPdfPath(code));
  return new Response(pdf, { headers: { "Content-Type": "application/pdf" } });
}

export function createApp(deps: AppDeps) {
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    maskedErrors: deps.config.env === "production",
    graphiql: deps.config.env !== "production",
    logging: logger,
    context: ({ request }) => buildContext(request, deps),
  });

  async function handle(request: Request): Promise<Response> {
    requestCount++;
    const url = new URL(request.url);
    if (url.pathname === "/healthz") {
      return new Response("ok");
    }
    if (url.pathname === "/metrics") {
      if (!bearerMatches(request.headers.get("authorization"), deps.config.metricsToken)) {
        return new Response("unauthorized", { status: 401 });
      }
      return new Response(`# TYPE boxoffice_requests_total counter\nboxoffice_requests_total ${requestCount}\n`, {
        headers: { "Content-Type": "text/plain; version=0.0.4" },
      });
    }
    if (url.pathname === "/webhooks/mollie" && request.method === "POST") {
      return await handleMollieWebhook(request, deps);
    }
    const ticketMatch = /^\/tickets\/([A-Z0-9]{5}-[A-Z0-9]{5})\.pdf$/.exec(url.pathname);
    if (ticketMatch !== null && request.method === "GET") {
      return await handleTicketDownload(ticketMatch[1], request, deps);
    }
    return await yoga.fetch(request);
  }

  return { yoga, handle };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await initOrm(config);
  const deps: AppDeps = {
    orm,
    config,
    mollie: new MollieClient(config.mollieApiKey),
    mailer: new Mailer(new SmtpTransport(config)),
  };
  const { handle } = createApp(deps);
  createServer(createServerAdapter(handle)).listen(config.port, () => {
    logger.info({ port: config.port }, "boxoffice api listening");
  });
}

if (process.env.VITEST === undefined) {
  main().catch((err) => {
    logger.fatal({ err }, "startup failed");
    process.exit(1);
  });
}
