import { App, type NextFunction, type Request, type Response } from "@tinyhttp/app";
import { collectRawBody } from "../body.js";
import { config } from "../config.js";
import { deactivateForProduct, listBundles, purgeShop, recordSale } from "../db/bundles.js";
import { sessionStore } from "../db/sessions.js";
import { child } from "../logger.js";
import { isValidShopDomain, verifyWebhookHmac } from "../shopify/hmac.js";

const log = child("webhooks");

declare module "@tinyhttp/app" {
  interface Request {
    webhookShop?: string;
  }
}

export function verifyShopifyWebhook(req: Request, res: Response, next?: NextFunction): void {
  const hmac = req.get("x-shopify-hmac-sha256") as string | undefined;
  const shop = req.get("x-shopify-shop-domain") as string | undefined;
  if (!req.rawBody || !verifyWebhookHmac(req.rawBody, hmac, config.apiSecret)) {
    log.warn({ shop, topic: req.get("x-shopify-topic") }, "webhook HMAC verification failed");
    res.status(401).send("unauthorized");
    return;
  }
  if (!isValidShopDomain(shop)) {
    res.status(400).send("bad shop domain");
    return;
  }
  req.webhookShop = shop;
  next?.();
}

function parse<T>(req: Request, res: Response): T | undefined {
  try {
    return JSON.parse(req.rawBody!.toString("utf8")) as T;
  } catch {
    res.status(400).send("malformed JSON");
    return undefined;
  }
}

interface OrderPayload {
  id: number;
  line_items: Array<{ variant_id: number | null; price: string; quantity: number; properties?: Array<{ name: string; value: string }> }>;
}

export const webhooks = new App();

webhooks.use(collectRawBody);
webhooks.use(verifyShopifyWebhook);

webhooks.post("/orders/create", async (req, res) => {
  const order = parse<OrderPayload>(req, res);
  if (!order) {
    return;
  }
  const shop = req.webhookShop!;
  const bundles = new Map((await listBundles(shop)).map((b) => [String(b.id), b]));
  for (const item of order.line_items) {
    const tag = item.properties?.find((p) => p.name === "_bundle_id")?.value;
    if (tag && bundles.has(tag)) {
      await recordSale(shop, Number(tag), String(order.id), (Number(item.price) * item.quantity).toFixed(2));
    }
  }
  res.status(200).send("ok");
});

webhooks.post("/products/delete", async (req, res) => {
  const payload = parse<{ id: number }>(req, res);
  if (!payload) {
    return;
  }
  const count = await deactivateForProduct(req.webhookShop!, `gid://shopify/Product/${payload.id}`);
  log.info({ shop: req.webhookShop, product: payload.id, count }, "bundles deactivated after product deletion");
  res.status(200).send("ok");
});

webhooks.post("/app/uninstalled", async (req, res) => {
  const shop = req.webhookShop!;
  try {
    sessionStore.deleteByShop(shop);
  } catch (err) {
    log.debug({ err, shop }, "session cleanup skipped");
  }
  log.info({ shop }, "app uninstalled");
  res.status(200).send("ok");
});

// Mandatory compliance webhooks.
webhooks.post("/customers/data_request", async (req, res) => {
  const payload = parse<{ customer: { id: number }; orders_requested: number[] }>(req, res);
  if (!payload) {
    return;
  }
  log.info({ shop: req.webhookShop, customer: payload.customer.id }, "customer data request received");
  res.status(501).json({ error: "data export not implemented" });
});

webhooks.post("/customers/redact", async (req, res) => {
  // Bundler keeps no customer records: bundle_sales stores order ids and amounts only,
  // so there is nothing to erase for a single customer. Shopify requires a 200.
  log.info({ shop: req.webhookShop }, "customer redact acknowledged");
  res.status(200).send("ok");
});

webhooks.post("/shop/redact", async (req, res) => {
  const shop = req.webhookShop!;
  await purgeShop(shop).catch(() => undefined);
  sessionStore.deleteByShop(shop);
  res.status(200).send("ok");
});
