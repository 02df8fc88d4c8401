import { log } from "./log";

export type BoardEvent =
  | { type: "board.created"; boardId: string; orgId: string; by: string }
  | { type: "board.cleared"; boardId: string; orgId: string; by: string }
  | { type: "board.deleted"; boardId: string; orgId: string; by: string };

const SIGNATURE_HEADER = "x-inkwell-signature";

async function sign(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

export async function deliver(target: WebhookTarget, event: BoardEvent): Promise<{ ok: boolean; status?: number }> {
  const body = JSON.stringify({ ...event, sentAt: new Date().toISOString() });
  try {
    const res = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: `sha256=${await sign(target.secret, body)}`,
      },
      body,
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) {
      log("warn", "webhook rejected", { url: target.url, status: res.status, event: event.type });
    }
    return { ok: res.ok, status: res.status };
  } catch (err) {
    log("warn", "webhook delivery failed", { url: target.url, error: String(err), event: event.type });
    return { ok: false };
  }
}

export function targetFromEnv(env: Record<string, unknown>): WebhookTarget | null {
  const url = env.ORG_WEBHOOK_URL as string | undefined;
  const secret = env.ORG_WEBHOOK_SECRET as string | undefined;
  if (!url || !secret) return null;
  return { url, secret };
}
