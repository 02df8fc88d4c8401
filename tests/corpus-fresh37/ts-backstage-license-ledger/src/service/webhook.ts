import { createHmac } from 'node:crypto';

const TOLERANCE_SECONDS = 300;

export type VendorSeatEvent = {
  type: 'seat.released' | 'license.updated' | 'ping';
  licenseId: string;
  userEmail?: string;
};

export function signPayload(secret: string, timestamp: string, body: Buffer): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.`)
    .update(body)
    .digest('hex');
}

function parseSignatureHeader(header: string): { timestamp?: string; signature?: string } {
  const result: { timestamp?: string; signature?: string } = {};
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't') {
      result.timestamp = value;
    } else if (key === 'v1') {
      result.signature = value;
    }
  }
  return result;
}

export function verifyVendorSignature(
  secret: string,
  header: string | undefined,
  body: Buffer,
  nowMs: number = Date.now(),
): boolean {
  if (!header) {
    return false;
  }
  const { timestamp, signature } = parseSignatureHeader(header);
  if (!timestamp || !signature) {
    return false;
  }
  const age = Math.abs(nowMs / 1000 - Number(timestamp));
  if (!Number.isFinite(age) || age > TOLERANCE_SECONDS) {
    return false;
  }
  const expected = signPayload(secret, timestamp, body);
  return expected === signature;
}
