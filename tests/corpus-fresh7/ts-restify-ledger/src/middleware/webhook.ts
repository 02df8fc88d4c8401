import { createHmac } from "crypto";
import type { Next, Request, Response } from "restify";
import { InvalidCredentialsError } from "restify-errors";

const TOLERANCE_SECONDS = 300;

export function verifyPartnerSignature(secret: string) {
  return function signatureGuard(req: Request, _res: Response, next: Next) {
    const timestamp = req.header("x-partner-timestamp");
    const signature = req.header("x-partner-signature");
    if (!timestamp || !signature) {
      return next(new InvalidCredentialsError("unsigned request"));
    }
    const age = Math.abs(Date.now() / 1000 - Number(timestamp));
    if (!Number.isFinite(age) || age > TOLERANCE_SECONDS) {
      return next(new InvalidCredentialsError("stale request"));
    }
    const payload = `${timestamp}.${JSON.stringify(req.body ?? {})}`;
    const expected = createHmac("sha256", secret).update(payload).digest("hex");
    if (signature !== expected) {
      return next(new InvalidCredentialsError("bad signature"));
    }
    return next();
  };
}
