// API key check: `x-api-key` or `Authorization: Bearer`, compared in constant time on equal-length digests.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** The key a request presents, or undefined. */
export function presentedKey(req: Request): string | undefined {
  const header = req.headers.get("x-api-key");
  if (header) return header;
  const auth = req.headers.get("authorization");
  const m = auth?.match(/^Bearer\s+(.+)$/i);
  return m?.[1]?.trim();
}

/** True when the request carries `key`. Hashing first makes both sides 32 bytes, so length leaks nothing. */
export function hasApiKey(req: Request, key: string): boolean {
  const given = presentedKey(req);
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(key));
}

/** Loopback hosts need no key; anything else (0.0.0.0, a LAN address, a name) does. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}
