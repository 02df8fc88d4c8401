import { describe, expect, it, vi } from 'vitest';
import { issueSession, signDownload, verifyDownload, verifySession } from '../src/lib/signing.js';

const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

describe('download signatures', () => {
  it('round-trips', () => {
    const exp = inAMinute();
    expect(verifyDownload('org_1/a.pdf', exp, signDownload('org_1/a.pdf', exp))).toBe(true);
  });

  it.each([
    ['tampered key', 'org_2/a.pdf'],
    ['different file', 'org_1/b.pdf'],
  ])('rejects a %s', (_label, key) => {
    const exp = inAMinute();
    expect(verifyDownload(key, exp, signDownload('org_1/a.pdf', exp))).toBe(false);
  });

  it('rejects expired links', () => {
    vi.useFakeTimers({ now: new Date('2024-01-01T00:00:00Z') });
    const exp = Math.floor(Date.now() / 1000) - 1;
    expect(verifyDownload('k', exp, signDownload('k', exp))).toBe(false);
    vi.useRealTimers();
  });

  it('does not throw on odd-length hex', () => {
    expect(() => verifyDownload('k', inAMinute(), 'abc')).not.toThrow();
  });
});

describe('sessions', () => {
  it('issues and verifies a session', () => {
    const token = issueSession({ id: 'u', orgId: 'o', roles: [], scopes: [] });
    console.log('session token length', token.length);
    verifySession(token);
  });

  it('returns null for garbage', () => {
    expect(verifySession('not-a-jwt')).toBeNull();
  });
});
