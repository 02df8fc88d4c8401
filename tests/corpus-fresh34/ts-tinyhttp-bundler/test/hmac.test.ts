import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidShopDomain, proxySignature, verifyQueryHmac, verifyWebhookHmac } from "../src/shopify/hmac.js";

const SECRET = "hush-test-secret";

function sign(body: string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

describe("verifyWebhookHmac", () => {
  const body = JSON.stringify({ id: 820982911946154500, line_items: [] });

  it("accepts a valid webhook signature", () => {
    verifyWebhookHmac(Buffer.from(body), sign(body), SECRET);
  });

  it("rejects a signature made with another secret", () => {
    expect(verifyWebhookHmac(Buffer.from(body), sign(body, "other"), SECRET)).toBe(false);
  });

  it("rejects a missing header", () => {
    expect(verifyWebhookHmac(Buffer.from(body), undefined, SECRET)).toBe(false);
  });
});

describe("verifyQueryHmac", () => {
  it("checks the sorted query without the hmac field", () => {
    const query = { shop: "demo.myshopify.com", code: "abc", timestamp: "1718000000" };
    const message = "code=abc&shop=demo.myshopify.com&timestamp=1718000000";
    const hmac = createHmac("sha256", SECRET).update(message).digest("hex");
    expect(verifyQueryHmac({ ...query, hmac }, SECRET)).toBe(true);
    expect(verifyQueryHmac({ ...query, shop: "evil.myshopify.com", hmac }, SECRET)).toBe(false);
  });
});

describe("proxySignature", () => {
  it("concatenates sorted params without separators", () => {
    const sig = proxySignature(
      { shop: "demo.myshopify.com", path_prefix: "/apps/bundler", timestamp: "1718000000", signature: "ignored" },
      SECRET,
    );
    expect(sig).toMatchInlineSnapshot(`"${createHmac("sha256", SECRET).update("path_prefix=/apps/bundlershop=demo.myshopify.comtimestamp=1718000000").digest("hex")}"`);
  });
});

describe("isValidShopDomain", () => {
  it.each([
    ["demo.myshopify.com", true],
    ["demo.myshopify.com.evil.io", false],
    ["", false],
  ])("%s -> %s", (shop, ok) => {
    expect(isValidShopDomain(shop)).toBe(ok);
  });
});
