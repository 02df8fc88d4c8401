import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";

export function signBody(secret: string, body: Buffer): string {
  return PREFIX + createHmac("sha256", secret).update(body).digest("hex");
}

export function verifySignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header || !header.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signBody(secret, body), "utf8");
  const provided = Buffer.from(header, "utf8");
  if (expected.length !== provided.length) return false;
  return timingSafeEqual(expected, provided);
}
