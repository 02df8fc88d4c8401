import { timingSafeEqual, createHash } from "crypto";
import type { Next, Request, Response } from "restify";
import { UnauthorizedError } from "restify-errors";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * Checks the `x-api-key` header against the configured keys. Both sides are
 * hashed first so that the comparison is constant time regardless of length.
 */
export function requireApiKey(keys: string[]) {
  const allowed = keys.map(digest);
  return function apiKeyGuard(req: Request, _res: Response, next: Next) {
    const provided = req.header("x-api-key");
    if (!provided) {
      return next(new UnauthorizedError("missing api key"));
    }
    const candidate = digest(provided);
    const ok = allowed.some((k) => timingSafeEqual(k, candidate));
    if (!ok) {
      req.log.warn({ path: req.path() }, "rejected api key");
      return next(new UnauthorizedError("invalid api key"));
    }
    return next();
  };
}
