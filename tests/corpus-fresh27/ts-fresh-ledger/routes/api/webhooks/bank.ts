import { Handlers } from "$fresh/server.ts";
import { timingSafeEqual } from "$std/crypto/timing_safe_equal.ts";
import { decodeHex } from "$std/encoding/hex.ts";
import { config } from "../../../utils/config.ts";
import { getExpense, saveExpense, writeAudit } from "../../../utils/db.ts";

interface SettlementEvent {
  type: "transaction.settled" | "transaction.reversed";
  reference: string;
  amount_cents: number;
}

async function hmacSha256(secret: string, body: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, body));
}

export const handler: Handlers = {
  async POST(req) {
    const raw = new Uint8Array(await req.arrayBuffer());
    const header = req.headers.get("x-bank-signature") ?? "";
    if (!config.bankWebhookSecret || !/^[0-9a-f]{64}$/.test(header)) {
      return new Response("bad signature", { status: 401 });
    }
    const expected = await hmacSha256(config.bankWebhookSecret, raw);
    if (!timingSafeEqual(decodeHex(header), expected)) {
      return new Response("bad signature", { status: 401 });
    }

    const event = JSON.parse(new TextDecoder().decode(raw)) as SettlementEvent;
    const expense = await getExpense(event.reference);
    if (!expense) {
      // Unknown references belong to card spend that never went through Ledger.
      return new Response(null, { status: 202 });
    }
    if (expense.amountCents !== event.amount_cents) {
      console.warn(`[bank] amount mismatch for ${expense.id}: ${expense.amountCents} vs ${event.amount_cents}`);
    }
    try {
      expense.status = event.type === "transaction.reversed" ? "rejected" : "approved";
      await saveExpense(expense);
      await writeAudit("bank", event.type, expense.id);
    } catch (err) {
      console.error(`[bank] failed to apply ${event.type} to ${expense.id}`, err);
      return new Response("retry later", { status: 500 });
    }
    return new Response(null, { status: 204 });
  },
};
