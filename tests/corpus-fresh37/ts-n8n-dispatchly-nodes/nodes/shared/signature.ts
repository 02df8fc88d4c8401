import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-dispatchly-signature';
export const TIMESTAMP_HEADER = 'x-dispatchly-timestamp';
const MAX_SKEW_SECONDS = 300;

export function computeSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(timestamp).update('.').update(rawBody).digest('hex');
}

function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  if (left.length !== right.length || left.length === 0) {
    return false;
  }
  return timingSafeEqual(left, right);
}

export function isValidSignature(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: Buffer,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  if (!timestamp || !signature) {
    return false;
  }
  const sent = Number.parseInt(timestamp, 10);
  if (!Number.isFinite(sent) || Math.abs(nowSeconds - sent) > MAX_SKEW_SECONDS) {
    return false;
  }
  return safeEqualHex(computeSignature(secret, timestamp, rawBody), signature.replace(/^sha256=/, ''));
}
