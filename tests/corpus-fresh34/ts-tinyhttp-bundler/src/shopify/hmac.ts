import { createHmac, timingSafeEqual } from "node:crypto";

export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw request body. */
export function verifyWebhookHmac(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) {
    return false;
  }
  const digest = createHmac("sha256", secret).update(rawBody).digest();
  return safeEqual(digest, Buffer.from(header, "base64"));
}

/** OAuth callback and admin links: hex HMAC over the sorted query string without `hmac`. */
export function verifyQueryHmac(query: Record<string, string | string[] | undefined>, secret: string): boolean {
  const { hmac, ...rest } = query;
  if (typeof hmac !== "string") {
    return false;
  }
  const message = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${Array.isArray(rest[k]) ? (rest[k] as string[]).join(",") : rest[k]}`)
    .join("&");
  const digest = createHmac("sha256", secret).update(message).digest("hex");
  return safeEqual(Buffer.from(digest, "utf8"), Buffer.from(hmac, "utf8"));
}

/** App proxy requests: hex HMAC over the sorted params concatenated without separators. */
export function proxySignature(query: Record<string, string | string[] | undefined>, secret: string): string {
  const { signature: _ignored, ...rest } = query;
  const message = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${Array.isArray(rest[k]) ? (rest[k] as string[]).join(",") : rest[k]}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export function isValidShopDomain(shop: unknown): shop is string {
  return typeof shop === "string" && /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(shop);
}
