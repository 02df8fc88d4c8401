// API key check: `x-api-key` or `Authorization: Bearer`, compared in constant time on equal-length digests.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** The key a request presents (x-api-key, Bearer, or the password of Basic auth, which browsers can send), or undefined. */
export function presentedKey(req: Request): string | undefined {
  const header = req.headers.get("x-api-key");
  if (header) return header;
  const auth = req.headers.get("authorization");
  const bearer = auth?.match(/^Bearer\s+(.+)$/i);
  if (bearer) return bearer[1]!.trim();
  const basic = auth?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? undefined : decoded.slice(colon + 1);
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
