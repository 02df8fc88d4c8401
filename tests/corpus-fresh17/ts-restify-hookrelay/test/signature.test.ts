import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyGithubSignature, verifyStripeSignature } from '../src/lib/signature';

const secret = 'unit-test-secret';
const body = Buffer.from('{"action":"opened","number":42}');

function githubHeader(payload: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`;
}

function stripeHeader(payload: Buffer, t: number): string {
  const v1 = createHmac('sha256', secret).update(`${t}.`).update(payload).digest('hex');
  return `t=${t},v1=${v1}`;
}

function expectVerified(result: boolean): void {
  expect(result, 'signature should verify').toBe(true);
}

describe('verifyGithubSignature', () => {
  it('accepts a valid signature', () => {
    expectVerified(verifyGithubSignature(secret, body, githubHeader(body)));
  });

  it('rejects a tampered body', () => {
    expect(verifyGithubSignature(secret, Buffer.from('{}'), githubHeader(body))).toBe(false);
  });

  it('rejects a missing header', () => {
    expect(verifyGithubSignature(secret, body, undefined)).toBe(false);
  });
});

describe('verifyStripeSignature', () => {
  const t = 1_700_000_000;

  it('accepts a fresh signature', () => {
    expectVerified(verifyStripeSignature(secret, body, stripeHeader(body, t), t * 1000 + 10_000));
  });

  it('rejects stale timestamps', () => {
    expect(verifyStripeSignature(secret, body, stripeHeader(body, t), (t + 3600) * 1000)).toBe(false);
  });
});
