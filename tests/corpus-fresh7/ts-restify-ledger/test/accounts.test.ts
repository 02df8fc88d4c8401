import { expect } from "chai";
import { createHmac } from "crypto";
import request from "supertest";

import { parseListOptions } from "../src/handlers/accounts";
import { buildServer } from "../src/server";
import { FakePool, TEST_API_KEY, TEST_WEBHOOK_SECRET, testConfig } from "./fixtures";

describe("accounts API", () => {
  const account = { id: "acc_1", name: "Acme", balanceCents: 1200, deletedAt: null };

  function server(pool = new FakePool({ SELECT: [account], UPDATE: [{}] })) {
    return buildServer(testConfig(), pool as never);
  }

  it("rejects requests without an api key", async () => {
    await request(server()).get("/v1/accounts").expect(401);
  });

  it("lists accounts", async () => {
    const res = await request(server())
      .get("/v1/accounts?limit=10")
      .set("x-api-key", TEST_API_KEY);
    expect(res.status).to.equal(200);
    expect(res.body.accounts).to.have.length(1);
  });

  it("deletes an account", async () => {
    await request(server())
      .del("/v1/accounts/acc_1")
      .set("x-api-key", TEST_API_KEY);
  });

  it("clamps the page size", () => {
    expect(parseListOptions({ limit: "9999" }).limit).to.equal(500);
    expect(parseListOptions({}).includeDeleted).to.equal(false);
  });
});

describe("partner webhook", () => {
  it("accepts a signed event", async () => {
    const body = { id: "evt_1", type: "balance.updated", accountId: "acc_1" };
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = createHmac("sha256", TEST_WEBHOOK_SECRET)
      .update(`${ts}.${JSON.stringify(body)}`)
      .digest("hex");
    const res = await request(buildServer(testConfig(), new FakePool() as never))
      .post("/v1/webhooks/partner")
      .set("x-partner-timestamp", ts)
      .set("x-partner-signature", sig)
      .send(body);
    expect(res.status).to.equal(202);
  });
});
