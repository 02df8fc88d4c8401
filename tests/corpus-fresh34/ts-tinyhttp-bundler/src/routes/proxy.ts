import { App } from "@tinyhttp/app";
import { config } from "../config.js";
import { bundlesContainingProduct } from "../db/bundles.js";
import { child } from "../logger.js";
import { isValidShopDomain, proxySignature } from "../shopify/hmac.js";

const log = child("app-proxy");

/** Storefront requests forwarded by Shopify's app proxy (/apps/bundler/*). */
export const proxy = new App();

proxy.use((req, res, next) => {
  const query = req.query as Record<string, string | string[] | undefined>;
  const signature = query.signature;
  const computed = proxySignature(query, config.apiSecret);
  if (typeof signature !== "string" || computed !== signature) {
    log.warn({ shop: query.shop }, "app proxy signature mismatch");
    res.status(401).send("unauthorized");
    return;
  }
  if (!isValidShopDomain(query.shop)) {
    res.status(400).send("bad shop");
    return;
  }
  next?.();
});

proxy.get("/bundles", async (req, res) => {
  const shop = req.query.shop as string;
  const productId = String(req.query.product_id ?? "");
  if (!/^\d+$/.test(productId)) {
    res.status(400).json({ error: "product_id required" });
    return;
  }
  const bundles = await bundlesContainingProduct(shop, `gid://shopify/Product/${productId}`);
  res.set("Cache-Control", "public, max-age=60");
  res.json({
    bundles: bundles.map((b) => ({ id: b.id, title: b.title, variantIds: b.variantIds, discountPercent: b.discountPercent })),
  });
});
