import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgres://postgres:postgres@localhost:5432/helpdesk_test";
  process.env.INBOUND_EMAIL_SECRET ??= "inbound-test-secret-0123456789";
  process.env.LOG_LEVEL = "error";
});

import { db } from "../src/db.js";
import { API_KEY_PREFIX } from "../src/env.js";
import { newId, sha256Hex } from "../src/lib/crypto.js";
import { logger } from "../src/lib/logger.js";
import { createCaller } from "../src/router.js";

const orgId = newId("org");
const adminUser = { id: newId("usr"), orgId, email: "admin@example.test", role: "admin" as const, sessionId: "s1" };
const agentUser = { id: newId("usr"), orgId, email: "agent@example.test", role: "agent" as const, sessionId: "s2" };

const admin = createCaller({ db, user: adminUser, log: logger, ip: undefined });
const agent = createCaller({ db, user: agentUser, log: logger, ip: undefined });

async function expectForbidden(call: Promise<unknown>) {
  await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
}

beforeAll(async () => {
  await db.insertInto("orgs").values({ id: orgId, slug: `org-${orgId.slice(-6)}`, name: "Test Org" }).execute();
  await db
    .insertInto("users")
    .values(
      [adminUser, agentUser].map((u) => ({
        id: u.id,
        org_id: orgId,
        email: u.email,
        name: u.email,
        role: u.role,
        password_hash: "x:y",
      })),
    )
    .execute();
});

afterAll(async () => {
  await db.deleteFrom("orgs").where("id", "=", orgId).execute();
});

describe("admin router", () => {
  it("forbids agents from admin procedures", async () => {
    await expectForbidden(agent.admin.listUsers());
    await expectForbidden(agent.admin.createApiKey({ name: "ci" }));
    await expectForbidden(agent.admin.setRole({ userId: adminUser.id, role: "agent" }));
  });

  it("lists users for admins", async () => {
    await admin.admin.listUsers();
  });

  it("returns the plaintext api key once and stores only its hash", async () => {
    const { id, key } = await admin.admin.createApiKey({ name: "zapier" });
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);

    const row = await db.selectFrom("api_keys").select("key_hash").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(sha256Hex(key));
    expect(row.key_hash).not.toContain(API_KEY_PREFIX);
  });

  it("refuses to change the caller's own role", async () => {
    await expect(admin.admin.setRole({ userId: adminUser.id, role: "agent" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
