import { assertEquals, assertRejects } from "jsr:@std/assert@1";
import { SignatureError, verifyStripeSignature } from "../_shared/stripe.ts";

const SECRET = "whsec_test_7d41c0a9b2e84f3c9a6d5e1f0b8c2a47";
const T = 1718000000;
const NOW_MS = T * 1000 + 5_000;

async function sign(payload: string, t: number, secret = SECRET): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${t}.${payload}`));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
}

const payload = JSON.stringify({ id: "evt_1PbQ", type: "invoice.paid", livemode: false });

Deno.test("accepts a valid v1 signature", async () => {
  const header = `t=${T},v1=${await sign(payload, T)}`;
  await verifyStripeSignature(payload, header, SECRET, 300, NOW_MS);
});

Deno.test("accepts the new secret while the old one is still listed", async () => {
  const header = `t=${T},v1=${await sign(payload, T, "whsec_previous")},v1=${await sign(payload, T)}`;
  const result = await verifyStripeSignature(payload, header, SECRET, 300, NOW_MS);
  assertEquals(result, undefined);
});

Deno.test("rejects a tampered body", async () => {
  const header = `t=${T},v1=${await sign(payload, T)}`;
  await assertRejects(
    () => verifyStripeSignature(payload.replace("invoice.paid", "invoice.voided"), header, SECRET, 300, NOW_MS),
    SignatureError,
    "no matching v1 signature",
  );
});

Deno.test("rejects a stale timestamp", async () => {
  const header = `t=${T},v1=${await sign(payload, T)}`;
  await assertRejects(
    () => verifyStripeSignature(payload, header, SECRET, 300, NOW_MS + 600_000),
    SignatureError,
    "outside tolerance",
  );
});

Deno.test("rejects a header without v1 entries", async () => {
  await assertRejects(
    () => verifyStripeSignature(payload, `t=${T},v0=abc`, SECRET, 300, NOW_MS),
    SignatureError,
    "malformed",
  );
});
