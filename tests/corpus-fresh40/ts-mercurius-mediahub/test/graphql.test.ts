import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createMercuriusTestClient } from "mercurius-integration-testing";
import { assertForbidden, bearer, makeApp, seedAsset } from "./helpers.js";

let ctx: Awaited<ReturnType<typeof makeApp>>;

before(async () => {
  ctx = await makeApp();
});

after(async () => {
  await ctx.app.close();
});

test("me is null for anonymous callers", async () => {
  const client = createMercuriusTestClient(ctx.app);
  const res = await client.query<{ me: unknown }>(`query { me { id } }`);
  assert.equal(res.data.me, null);
});

test("editors get an upload ticket for allowed types", async () => {
  const client = createMercuriusTestClient(ctx.app, { headers: bearer(ctx.app, "u-editor", "EDITOR") });
  const res = await client.mutate<{ createUpload: { assetId: string; fields: Array<{ name: string }> } }>(
    `mutation ($t: String!) { createUpload(title: $t, contentType: "image/png", sizeBytes: 1024) { assetId fields { name } } }`,
    { variables: { t: "Banner" } },
  );
  assert.equal(res.errors, undefined);
  assert.ok(res.data.createUpload.fields.some((field) => field.name === "key"));
});

test("viewers cannot delete assets", async () => {
  const asset = await seedAsset(ctx.db);
  const client = createMercuriusTestClient(ctx.app, { headers: bearer(ctx.app, "u-viewer", "VIEWER") });
  const res = await client.mutate(`mutation ($id: ID!) { deleteAsset(id: $id) }`, { variables: { id: asset.id } });
  assertForbidden(res);
});

test("lists assets page by page", async () => {
  for (let i = 0; i < 5; i++) await seedAsset(ctx.db, { title: `Asset ${i}` });
  const client = createMercuriusTestClient(ctx.app, { headers: bearer(ctx.app, "u-viewer", "VIEWER") });

  const first = await client.query(`query { assets(first: 2) { items { id title } nextCursor } }`);
  await client.query(`query ($after: ID) { assets(first: 2, after: $after) { items { id } nextCursor } }`, {
    variables: { after: (first.data as any).assets.nextCursor },
  });
});

test("editors cannot archive someone else's asset", async () => {
  const asset = await seedAsset(ctx.db, { owner_id: "u-admin" });
  const client = createMercuriusTestClient(ctx.app, { headers: bearer(ctx.app, "u-editor", "EDITOR") });
  const res = await client.mutate(`mutation ($id: ID!) { archiveAsset(id: $id) { id } }`, {
    variables: { id: asset.id },
  });
  assert.equal(res.errors?.[0]?.extensions?.code, "FORBIDDEN");
});
