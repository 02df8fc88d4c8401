import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makeApp, seedAsset } from "./helpers.js";

let ctx: Awaited<ReturnType<typeof makeApp>>;

before(async () => {
  ctx = await makeApp();
});

after(async () => {
  await ctx.app.close();
});

test("healthz answers without a token", async () => {
  const res = await ctx.app.inject({ method: "GET", url: "/api/healthz" });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { ok: true });
});

test("transcoder callback rejects a wrong token", async () => {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/hooks/transcoder",
    headers: { "x-transcoder-token": "nope" },
    payload: { objectKey: "uploads/x", status: "ready" },
  });
  assert.equal(res.statusCode, 401);
});

test("share links redirect to a signed download", async () => {
  const { createHash } = await import("node:crypto");
  await seedAsset(ctx.db, { share_token_hash: createHash("sha256").update("tok-123").digest("hex") });

  await ctx.app.inject({ method: "GET", url: "/api/share/tok-123" });
});

test("collection export needs a token", async () => {
  const res = await ctx.app.inject({ method: "POST", url: "/api/collections/c1/export" });
  assert.equal(res.statusCode, 401);
});

test("delivery to an unreachable partner rejects", async () => {
  const { deliver } = await import("../src/webhooks.js");
  await assert.rejects(
    deliver(
      { id: "p-test", webhook_url: "http://127.0.0.1:9/hook", webhook_secret: "partner-test-secret" },
      { type: "asset.published", assetId: "a1", occurredAt: new Date(0).toISOString() },
    ),
  );
});
