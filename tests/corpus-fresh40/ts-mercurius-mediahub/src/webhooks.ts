import { createHmac } from "node:crypto";
import { request } from "undici";
import type { Db, PartnerRow } from "./db.js";

export type PartnerEvent = {
  type: "asset.published" | "asset.archived";
  assetId: string;
  occurredAt: string;
};

export function activePartners(db: Db) {
  return db.selectFrom("partners").selectAll().where("active", "=", true).execute();
}

export function signBody(secret: string, body: string) {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export async function deliver(partner: Pick<PartnerRow, "id" | "webhook_url" | "webhook_secret">, event: PartnerEvent) {
  const body = JSON.stringify(event);
  const res = await request(partner.webhook_url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-mediahub-event": event.type,
      "x-mediahub-signature": `sha256=${signBody(partner.webhook_secret, body)}`,
    },
    body,
    headersTimeout: 5_000,
    bodyTimeout: 5_000,
  });
  await res.body.dump();
  if (res.statusCode >= 300) {
    throw new Error(`partner ${partner.id} answered ${res.statusCode}`);
  }
}
