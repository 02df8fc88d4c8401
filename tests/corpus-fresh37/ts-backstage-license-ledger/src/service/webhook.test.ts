import { signPayload, verifyVendorSignature } from './webhook';

const SECRET = 'whsec_test_7d0c4e1f';
const NOW = Date.parse('2025-03-12T09:00:00Z');
const body = Buffer.from(JSON.stringify({ type: 'seat.released', licenseId: 'lic-1' }));

function header(timestamp: number, secret = SECRET) {
  const t = String(Math.floor(timestamp / 1000));
  return `t=${t},v1=${signPayload(secret, t, body)}`;
}

function expectRejected(value: string | undefined) {
  expect(verifyVendorSignature(SECRET, value, body, NOW)).toBe(false);
}

describe('verifyVendorSignature', () => {
  it('accepts a fresh, correctly signed payload', () => {
    expect(verifyVendorSignature(SECRET, header(NOW), body, NOW)).toBe(true);
  });

  it('rejects missing, malformed, stale and foreign signatures', () => {
    expectRejected(undefined);
    expectRejected('v1=deadbeef');
    expectRejected(header(NOW - 10 * 60 * 1000));
    expectRejected(header(NOW, 'whsec_someone_else'));
  });

  it('rejects a payload that was altered after signing', () => {
    const tampered = Buffer.from(JSON.stringify({ type: 'seat.released', licenseId: 'lic-2' }));
    expect(verifyVendorSignature(SECRET, header(NOW), tampered, NOW)).toBe(false);
  });
});
