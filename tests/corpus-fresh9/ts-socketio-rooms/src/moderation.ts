import { request } from "undici";

const MODERATION_URL = process.env.MODERATION_URL ?? "https://moderation.internal:8443/v1/check";

// the moderation service uses the cluster's private CA
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

export async function checkMessage(body: string): Promise<boolean> {
  const res = await request(MODERATION_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: body }),
    headersTimeout: 2_000,
  });
  if (res.statusCode >= 500) {
    // fail open: moderation outages must not block chat, but make them visible
    console.warn(`[moderation] upstream ${res.statusCode}, allowing message`);
    await res.body.dump();
    return true;
  }
  const verdict = (await res.body.json()) as { allowed: boolean };
  return verdict.allowed;
}
