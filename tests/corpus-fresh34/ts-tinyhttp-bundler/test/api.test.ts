import jwt from "jsonwebtoken";
import { makeFetch } from "supertest-fetch";
import { MockAgent, setGlobalDispatcher } from "undici";
import { describe, expect, it, vi } from "vitest";

vi.mock("../src/db/sessions.js", () => ({
  sessionStore: {
    loadOffline: vi.fn((shop: string) => ({ id: `offline_${shop}`, shop, accessToken: ACCESS_TOKEN, scope: "read_products", isOnline: false, expiresAt: null })),
    deleteByShop: vi.fn(),
    close: vi.fn(),
  },
}));
vi.mock("../src/db/bundles.js", () => ({
  pool: { end: vi.fn() },
  listBundles: vi.fn().mockResolvedValue([]),
  createBundle: vi.fn(),
}));

const ACCESS_TOKEN = "shpat_test_00000000000000000000";

import { buildApp } from "../src/server.js";
import { fetchVariants } from "../src/shopify/graphql.js";
import { shopFromClaims } from "../src/shopify/sessionToken.js";

function sessionToken(shop: string, aud = "test-api-key") {
  return jwt.sign({ iss: `https://${shop}/admin`, dest: `https://${shop}`, aud, sub: "42" }, "test-api-secret", {
    algorithm: "HS256",
    expiresIn: 60,
  });
}

describe("api auth", () => {
  it("refuses requests without a session token", async () => {
    await makeFetch(buildApp().listen())("/api/bundles").expect(401).expect("X-Shopify-Retry-Invalid-Session-Request", "1");
  });

  it("refuses tokens minted for another app", async () => {
    const res = await makeFetch(buildApp().listen())("/api/bundles", {
      headers: { authorization: `Bearer ${sessionToken("demo.myshopify.com", "other-app")}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "token issued for another app" });
  });

  it("lists bundles for the token's shop", async () => {
    await makeFetch(buildApp().listen())("/api/bundles", {
      headers: { authorization: `Bearer ${sessionToken("demo.myshopify.com")}` },
    }).expect(200, { bundles: [] });
  });
});

describe("shopFromClaims", () => {
  it("throws on a malformed destination", () => {
    expect(() => shopFromClaims({ iss: "x", dest: "not a url", aud: "a", exp: 0, nbf: 0 })).toThrow();
  });
});

describe("fetchVariants", () => {
  it("drops deleted variants", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    setGlobalDispatcher(agent);
    agent
      .get("https://demo.myshopify.com")
      .intercept({ path: "/admin/api/2024-07/graphql.json", method: "POST" })
      .reply(200, { data: { nodes: [{ id: "gid://shopify/ProductVariant/1", title: "S", price: "9.00", product: { id: "gid://shopify/Product/1" } }, null] } });
    const variants = await fetchVariants("demo.myshopify.com", ACCESS_TOKEN, ["gid://shopify/ProductVariant/1", "gid://shopify/ProductVariant/2"]);
    expect(variants).toHaveLength(1);
    expect(variants[0].productId).toBe("gid://shopify/Product/1");
  });
});
