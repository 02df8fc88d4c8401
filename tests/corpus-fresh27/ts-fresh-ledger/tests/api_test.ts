import { assert, assertEquals } from "@std/assert";
import { assertSnapshot } from "@std/testing/snapshot";
import { createHandler, type ServeHandlerInfo } from "$fresh/server.ts";

Deno.env.set("SESSION_SECRET", "only-for-tests-session-secret");
Deno.env.set("KV_PATH", ":memory:");
Deno.env.set("ADMIN_EMAILS", "boss@example.test");

const { default: manifest } = await import("../fresh.gen.ts");
const { default: config } = await import("../fresh.config.ts");
const { formatAmount, kv, saveExpense } = await import("../utils/db.ts");
const { createSession, readSession, SESSION_COOKIE } = await import("../utils/session.ts");

const CONN_INFO: ServeHandlerInfo = {
  remoteAddr: { hostname: "127.0.0.1", port: 53496, transport: "tcp" },
  completed: Promise.resolve(),
};

async function loginCookie(email: string, teamId = "team-1"): Promise<string> {
  const headers = new Headers();
  await createSession(headers, { id: crypto.randomUUID(), email, teamId, passwordHash: "" });
  return headers.get("set-cookie")!.split(";")[0];
}

async function expectStatus(res: Response, status: number) {
  await res.body?.cancel();
  assertEquals(res.status, status);
}

Deno.test("formatAmount renders currencies", async (t) => {
  await assertSnapshot(t, [formatAmount(1999, "USD"), formatAmount(50, "EUR"), formatAmount(123456, "GBP")]);
});

Deno.test("session cookie round-trips", async () => {
  const cookie = await loginCookie("member@example.test");
  const session = await readSession(new Request("http://localhost/", { headers: { cookie } }));
  assert(session);
  assertEquals(session.email, "member@example.test");
  assertEquals(session.isAdmin, false);
});

Deno.test("forged cookie is rejected by the api guard", async () => {
  const handler = await createHandler(manifest, config);
  const req = new Request("http://localhost/api/expenses", {
    headers: { cookie: `${SESSION_COOKIE}=abc.def` },
  });
  await expectStatus(await handler(req, CONN_INFO), 401);
});

Deno.test("expense listing for a team", async () => {
  const handler = await createHandler(manifest, config);
  await saveExpense({
    id: "e-1",
    teamId: "team-1",
    authorId: "u-1",
    amountCents: 4200,
    currency: "USD",
    description: "Team lunch",
    status: "pending",
    createdAt: new Date().toISOString(),
  });
  const cookie = await loginCookie("member@example.test");
  const res = await handler(new Request("http://localhost/api/expenses?limit=10", { headers: { cookie } }), CONN_INFO);
  await res.body?.cancel();
});

Deno.test("reports require an admin", async () => {
  const handler = await createHandler(manifest, config);
  const cookie = await loginCookie("member@example.test");
  const res = await handler(new Request("http://localhost/api/reports/2024-05", { headers: { cookie } }), CONN_INFO);
  await expectStatus(res, 403);
});

Deno.test({
  name: "close kv",
  fn: () => kv.close(),
  sanitizeResources: false,
});
