import { createHmac } from "node:crypto";
import { makeFetch } from "supertest-fetch";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../src/db/sessions.js", () => ({
  sessionStore: { deleteByShop: vi.fn(), loadOffline: vi.fn(), store: vi.fn(), close: vi.fn() },
}));
vi.mock("../src/db/bundles.js", () => ({
  pool: { end: vi.fn() },
  listBundles: vi.fn().mockResolvedValue([{ id: 7, shop: "demo.myshopify.com", title: "Starter kit", variantIds: [], discountPercent: 10, active: true }]),
  recordSale: vi.fn().mockResolvedValue(undefined),
  deactivateForProduct: vi.fn().mockResolvedValue(2),
  purgeShop: vi.fn().mockResolvedValue(undefined),
  bundlesContainingProduct: vi.fn(),
}));

import { recordSale } from "../src/db/bundles.js";
import { buildApp } from "../src/server.js";

const SECRET = "test-api-secret";

function webhook(topic: string, payload: object, secret = SECRET) {
  const body = JSON.stringify(payload);
  return {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": "demo.myshopify.com",
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
    },
  };
}

describe("webhooks", () => {
  let fetch: ReturnType<typeof makeFetch>;

  beforeEach(() => {
    fetch = makeFetch(buildApp().listen());
    vi.clearAllMocks();
  });

  it("rejects webhooks signed with the wrong secret", async () => {
    await fetch("/webhooks/orders/create", webhook("orders/create", { id: 1, line_items: [] }, "wrong")).expect(401);
  });

  it("records bundle sales from tagged line items", async () => {
    const order = {
      id: 4501,
      line_items: [
        { variant_id: 11, price: "12.50", quantity: 2, properties: [{ name: "_bundle_id", value: "7" }] },
        { variant_id: 12, price: "3.00", quantity: 1 },
      ],
    };
    await fetch("/webhooks/orders/create", webhook("orders/create", order)).expect(200);
    expect(recordSale).toHaveBeenCalledTimes(1);
    expect(recordSale).toHaveBeenCalledWith("demo.myshopify.com", 7, "4501", "25.00");
  });

  it("acknowledges customer redaction", async () => {
    await fetch("/webhooks/customers/redact", webhook("customers/redact", { customer: { id: 5 } })).expect(200, "ok");
  });
});
