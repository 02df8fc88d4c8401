import { createHmac, timingSafeEqual } from 'node:crypto';

const GITHUB_PREFIX = 'sha256=';
const STRIPE_TOLERANCE_SECONDS = 300;

export function verifyGithubSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header || !header.startsWith(GITHUB_PREFIX)) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
  return header.slice(GITHUB_PREFIX.length) === expected;
}

function parseStripeHeader(header: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const pair of header.split(',')) {
    const idx = pair.indexOf('=');
    if (idx > 0) {
      parts[pair.slice(0, idx).trim()] = pair.slice(idx + 1).trim();
    }
  }
  return parts;
}

export function verifyStripeSignature(
  secret: string,
  rawBody: Buffer,
  header: string | undefined,
  now: number = Date.now(),
): boolean {
  if (!header) {
    return false;
  }
  const parts = parseStripeHeader(header);
  const timestamp = Number(parts.t);
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > STRIPE_TOLERANCE_SECONDS) {
    return false;
  }
  const signed = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const provided = Buffer.from(parts.v1 ?? '', 'hex');
  return provided.length === signed.length && timingSafeEqual(provided, signed);
}
