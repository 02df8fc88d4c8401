import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyStripeSignature } from "@/lib/stripe";

const SECRET = "whsec_test_9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
const NOW_MS = 1_718_000_000_000;
const now = () => NOW_MS;

function sign(payload: string, timestamp = NOW_MS / 1000, secret = SECRET): string {
  const sig = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${sig}`;
}

function expectRejected(payload: string, header: string | null) {
  expect(verifyStripeSignature(payload, header, SECRET, 300, now)).toBe(false);
}

describe("verifyStripeSignature", () => {
  const payload = JSON.stringify({ id: "evt_1", type: "payment_intent.succeeded" });

  it("accepts a correctly signed payload", () => {
    expect(verifyStripeSignature(payload, sign(payload), SECRET, 300, now)).toBe(true);
  });

  it("accepts when any of several v1 signatures matches", () => {
    const header = `${sign(payload)},v1=${"0".repeat(64)}`;
    expect(verifyStripeSignature(payload, header, SECRET, 300, now)).toBe(true);
  });

  it("rejects tampered payloads, stale timestamps and foreign secrets", () => {
    expectRejected(payload + " ", sign(payload));
    expectRejected(payload, sign(payload, NOW_MS / 1000 - 301));
    expectRejected(payload, sign(payload, NOW_MS / 1000, "whsec_other"));
    expectRejected(payload, null);
    expectRejected(payload, "t=abc,v1=");
  });
});
