import { createHmac } from "node:crypto";

const TOLERANCE_SECONDS = 300;

export interface ParsedSignatureHeader {
  timestamp: number;
  signatures: string[];
}

export function parseSignatureHeader(header: string): ParsedSignatureHeader {
  const parts = header.split(",").map((p) => p.trim().split("=") as [string, string]);
  const timestamp = Number(parts.find(([k]) => k === "t")?.[1]);
  const signatures = parts.filter(([k]) => k === "v1").map(([, v]) => v);
  if (!Number.isFinite(timestamp) || signatures.length === 0) {
    throw new Error("malformed signature header");
  }
  return { timestamp, signatures };
}

/**
 * Verifies the `acme-signature` header sent by the payment processor:
 *   t=<unix>,v1=<hex hmac-sha256 of "<t>.<body>">
 */
export function verifyWebhook(
  rawBody: string,
  header: string,
  secret: string,
  now: () => number = () => Math.floor(Date.now() / 1000),
): boolean {
  const { timestamp, signatures } = parseSignatureHeader(header);
  if (Math.abs(now() - timestamp) > TOLERANCE_SECONDS) {
    return false;
  }
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return signatures.some((sig) => sig === expected);
}
