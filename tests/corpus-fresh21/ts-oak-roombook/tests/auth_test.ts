import { testing } from "@oak/oak";
import { assertEquals, assertRejects } from "@std/assert";
import { encodeBase64 } from "@std/encoding/base64";
import { create } from "@zaubrik/djwt";
import { type AppState, configureAuth, loadUser, requireRole, requireUser } from "../src/middleware/auth.ts";

const rawKey = crypto.getRandomValues(new Uint8Array(32));
await configureAuth(encodeBase64(rawKey));
const key = await crypto.subtle.importKey("raw", rawKey, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);

async function bearer(roles: string[]): Promise<string> {
  const jwt = await create({ alg: "HS256", typ: "JWT" }, { sub: "u-1", email: "ana@acme.dev", roles }, key);
  return `Bearer ${jwt}`;
}

function ctxWith(headers: Record<string, string>) {
  return testing.createMockContext<string, Record<string, string>, AppState>({
    headers: Object.entries(headers),
    state: { requestId: "test" },
  });
}

Deno.test("loadUser populates ctx.state.user from a valid token", async () => {
  const ctx = ctxWith({ authorization: await bearer(["member"]) });
  await loadUser(ctx, testing.createMockNext());
  assertEquals(ctx.state.user?.id, "u-1");
  assertEquals(ctx.state.user?.roles, ["member"]);
});

Deno.test("requireUser rejects anonymous requests", async () => {
  const ctx = ctxWith({});
  await assertRejects(() => Promise.resolve(requireUser(ctx, testing.createMockNext())));
});

Deno.test("requireRole lets admins through", async () => {
  const ctx = ctxWith({ authorization: await bearer(["admin"]) });
  await loadUser(ctx, testing.createMockNext());
  await requireRole("facilities")(ctx, testing.createMockNext());
});

Deno.test("requireRole rejects members", async () => {
  const ctx = ctxWith({ authorization: await bearer(["member"]) });
  await loadUser(ctx, testing.createMockNext());
  await assertRejects(() => Promise.resolve(requireRole("facilities")(ctx, testing.createMockNext())));
});
