import assert from "node:assert/strict";
import { sql } from "kysely";

process.env.JWT_SECRET = "test-jwt-secret-for-node-test-only";
process.env.DATABASE_URL ??= "postgres://mediahub:mediahub@localhost:5432/mediahub_test";
process.env.DATABASE_SSL = "0";
process.env.TRANSCODER_TOKEN = "transcoder-test-token";
process.env.STORAGE_HOOK_SECRET = "storage-hook-test-secret";
process.env.S3_ENDPOINT = "http://localhost:9000";

export async function makeApp() {
  const { buildApp } = await import("../src/app.js");
  const { createDb } = await import("../src/db.js");
  const db = createDb(process.env.DATABASE_URL);
  await sql`TRUNCATE audit_log, assets, collections, partners, users RESTART IDENTITY CASCADE`.execute(db);
  await db
    .insertInto("users")
    .values([
      { id: "u-admin", email: "admin@example.test", name: "Admin", role: "ADMIN", active: true },
      { id: "u-editor", email: "editor@example.test", name: "Editor", role: "EDITOR", active: true },
      { id: "u-viewer", email: "viewer@example.test", name: "Viewer", role: "VIEWER", active: true },
    ])
    .execute();
  const app = await buildApp({ db, logger: false });
  await app.ready();
  return { app, db };
}

export async function seedAsset(db: Awaited<ReturnType<typeof makeApp>>["db"], overrides: Record<string, unknown> = {}) {
  return db
    .insertInto("assets")
    .values({
      owner_id: "u-editor",
      collection_id: null,
      title: "Launch poster",
      object_key: `uploads/u-editor/${Math.random().toString(36).slice(2)}`,
      content_type: "image/png",
      size_bytes: 2048,
      status: "ready",
      share_token_hash: null,
      published_at: null,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function bearer(app: { jwt: { sign: (payload: object) => string } }, sub: string, role: string) {
  return { authorization: `Bearer ${app.jwt.sign({ sub, role })}` };
}

export function assertForbidden(res: { data?: unknown; errors?: Array<{ message: string }> }) {
  assert.ok(res.errors && res.errors.length > 0, "expected a GraphQL error");
  assert.match(res.errors[0]!.message, /Failed auth policy check|authentication required/);
}
