import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SESSION_SECRET = "vitest-session-secret";
});

vi.mock("../src/lib/db", () => ({ sql: vi.fn() }));

import { HttpError, decodeSession, encodeSession, requireAdmin, verifyPaymentSignature } from "../src/lib/auth";

const WEBHOOK_SECRET = "whsec_vitest_fixture_0000";

function signed(payload: string, ts = Math.floor(Date.now() / 1000)) {
  const mac = createHmac("sha256", WEBHOOK_SECRET).update(`${ts}.${payload}`).digest("hex");
  return `t=${ts},v1=${mac}`;
}

function contextFor(user: App.Locals["user"]) {
  return { locals: { user, requestId: "test" } } as unknown as Parameters<typeof requireAdmin>[0];
}

function expectHttpError(fn: () => unknown, status: number) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(status);
    return;
  }
  expect.fail(`expected HttpError ${status}`);
}

describe("session cookies", () => {
  it("round-trips a session id", () => {
    expect(decodeSession(encodeSession("sess_123"))).toBe("sess_123");
  });

  it("rejects a cookie whose mac was altered", () => {
    const cookie = encodeSession("sess_123");
    expect(decodeSession(cookie.slice(0, -2) + "xx")).toBeNull();
  });

  it("rejects malformed values", () => {
    expect(decodeSession(undefined)).toBeNull();
    expect(decodeSession("no-dot-here")).toBeNull();
    expect(decodeSession(".leading")).toBeNull();
  });
});

describe("role guards", () => {
  it("rejects members on admin routes", () => {
    expectHttpError(() => requireAdmin(contextFor({ id: "u1", email: "m@x.test", role: "member", orgId: "o1" })), 403);
  });

  it("rejects anonymous callers", () => {
    expectHttpError(() => requireAdmin(contextFor(null)), 401);
  });
});

describe("payment webhook signatures", () => {
  it("accepts a fresh, correctly signed payload", () => {
    expect(verifyPaymentSignature('{"id":"evt_1"}', signed('{"id":"evt_1"}'), WEBHOOK_SECRET)).toBe(true);
  });

  it("rejects stale timestamps", () => {
    const old = Math.floor(Date.now() / 1000) - 3600;
    expect(verifyPaymentSignature("{}", signed("{}", old), WEBHOOK_SECRET)).toBe(false);
  });

  it("rejects a payload signed with another secret", () => {
    const header = signed("{}").replace(/v1=.{4}/, "v1=0000");
    expect(verifyPaymentSignature("{}", header, WEBHOOK_SECRET)).toBe(false);
  });
});
