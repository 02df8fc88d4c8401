import { describe, expect, it, afterAll } from "bun:test";
import { requireRole, withAuth, withServiceToken, json } from "../src/auth";
import { authed, expectJson, seedUser } from "./helpers";

const ok = () => json({ ok: true });

describe("withAuth", () => {
  it("rejects requests without a session", async () => {
    const res = await withAuth(ok)(new Request("http://localhost/api/me") as any);
    await expectJson(res, 401, { error: "unauthorized" });
  });

  it("passes the resolved user to the handler", async () => {
    const { token, user } = await seedUser("staff");
    const res = await withAuth((_req, u) => json({ id: u.id }))(new Request("http://localhost/api/me", authed(token)) as any);
    expect(await res.json()).toEqual({ id: user.id });
  });
});

describe("requireRole", () => {
  it("forbids staff from lead routes", async () => {
    const { token } = await seedUser("staff");
    const handler = withAuth(requireRole("lead", ok));
    const res = await handler(new Request("http://localhost/api/users", authed(token)) as any);
    expect(res.status).toBe(403);
  });
});

describe("withServiceToken", () => {
  it("accepts the configured token", async () => {
    const handler = withServiceToken(ok);
    const good = await handler(new Request("http://localhost/api/payroll/hours", { headers: { "x-service-token": "svc-test-token" } }) as any);
    const bad = await handler(new Request("http://localhost/api/payroll/hours", { headers: { "x-service-token": "nope" } }) as any);
    expect(good.status).toBe(200);
    expect(bad.status).toBe(401);
  });
});

describe("behind TLS", () => {
  const server = Bun.serve({
    port: 0,
    tls: { cert: Bun.file(`${import.meta.dir}/fixtures/localhost.crt`), key: Bun.file(`${import.meta.dir}/fixtures/localhost.key`) },
    fetch: withAuth(ok) as any,
  });
  afterAll(() => server.stop(true));

  it("keeps returning 401 over https", async () => {
    const res = await fetch(`https://localhost:${server.port}/api/me`, {
      tls: { rejectUnauthorized: false },
    });
    expect(res.status).toBe(401);
  });
});
