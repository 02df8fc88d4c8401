import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

import { requireUser, verifyWebhookSignature } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { cookieFor, expectRedirect } from "./helpers";

describe("requireUser", () => {
  it("redirects anonymous visitors to login", async () => {
    const req = new Request("http://localhost/billing");
    const thrown = await requireUser(req).catch((e) => e);
    expectRedirect(thrown, "/login?redirectTo=%2Fbilling");
  });

  it("returns the session user", async () => {
    vi.mocked(db.user.findUnique).mockResolvedValue({
      id: "u1",
      email: "a@example.com",
      role: "customer",
    } as never);
    const req = new Request("http://localhost/billing", {
      headers: { Cookie: await cookieFor("u1") },
    });
    await expect(requireUser(req)).resolves.toMatchObject({ id: "u1" });
  });
});

describe("verifyWebhookSignature", () => {
  const secret = "whsec_test_fixture";

  it("accepts a valid signature", () => {
    const body = JSON.stringify({ type: "payment.succeeded" });
    const sig = createHmac("sha256", secret).update(body).digest("hex");
    expect(verifyWebhookSignature(body, sig, secret)).toBe(true);
  });

  it("rejects a truncated signature", () => {
    expect(verifyWebhookSignature("{}", "abcd", secret)).toBe(false);
  });
});
