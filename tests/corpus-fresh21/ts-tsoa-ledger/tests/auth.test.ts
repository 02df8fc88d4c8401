process.env.LEDGER_INTERNAL_API_KEY = "test-internal-key";
process.env.PAYMENTS_WEBHOOK_SECRET = "test-webhook-secret";
process.env.SMTP_PASSWORD = "unused";

import type { Request } from "express";
import jwt from "jsonwebtoken";
import { AuthError, expressAuthentication, issueAccessToken } from "../src/authentication";
import { config } from "../src/config";

function fakeRequest(headers: Record<string, string>): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { path: "/test", header: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
}

async function expectAuthFailure(promise: Promise<unknown>, status: number): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(AuthError);
  await promise.catch((err: AuthError) => expect(err.status).toBe(status));
}

describe("expressAuthentication", () => {
  it("accepts a token carrying the required scope", async () => {
    const token = issueAccessToken({ id: "u1", email: "a@b.test", orgId: "acme", scopes: ["invoices:read"] });
    const user = await expressAuthentication(fakeRequest({ Authorization: `Bearer ${token}` }), "jwt", ["invoices:read"]);
    expect(user).toMatchObject({ id: "u1", orgId: "acme" });
  });

  it("returns 403 when a scope is missing", async () => {
    const token = issueAccessToken({ id: "u1", email: "a@b.test", orgId: "acme", scopes: ["invoices:read"] });
    await expectAuthFailure(
      expressAuthentication(fakeRequest({ Authorization: `Bearer ${token}` }), "jwt", ["invoices:write"]),
      403,
    );
  });

  it("rejects refresh tokens", async () => {
    const refresh = jwt.sign({ email: "a@b.test", org: "acme", typ: "refresh" }, config.jwt.secret, {
      subject: "u1",
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    });
    await expectAuthFailure(expressAuthentication(fakeRequest({ Authorization: `Bearer ${refresh}` }), "jwt"), 401);
  });

  it("accepts the internal api key", async () => {
    const user = await expressAuthentication(fakeRequest({ "x-api-key": "test-internal-key" }), "api_key");
    expect(user.scopes).toEqual(["*"]);
  });

  it("rejects a wrong api key", async () => {
    await expectAuthFailure(expressAuthentication(fakeRequest({ "x-api-key": "nope" }), "api_key"), 401);
  });
});
