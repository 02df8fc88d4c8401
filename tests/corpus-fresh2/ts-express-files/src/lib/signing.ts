import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../config.js';

export interface SessionUser {
  id: string;
  orgId: string;
  roles: string[];
  scopes: string[];
}

export function issueSession(user: SessionUser, ttlSec = 8 * 3600): string {
  return jwt.sign(user, config.sessionSecret, { expiresIn: ttlSec, audience: 'files-gateway' });
}

/** Returns the session user, or null when the token is expired or forged. */
export function verifySession(raw: string): SessionUser | null {
  try {
    return jwt.verify(raw, config.sessionSecret, { audience: 'files-gateway' }) as SessionUser;
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError || err instanceof jwt.JsonWebTokenError) {
      return null;
    }
    throw err;
  }
}

export function signDownload(key: string, expiresAt: number): string {
  return crypto
    .createHmac('sha256', config.downloadSigningSecret)
    .update(`${key}\n${expiresAt}`)
    .digest('hex');
}

export function verifyDownload(key: string, expiresAt: number, sig: string): boolean {
  if (!Number.isFinite(expiresAt) || expiresAt < Date.now() / 1000) {
    return false;
  }
  const expected = Buffer.from(signDownload(key, expiresAt), 'hex');
  const given = Buffer.from(sig, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export const downloadUrl = (base: string, key: string, ttlSec = config.downloadLinkTtlSec): string => {
  const exp = Math.floor(Date.now() / 1000) + ttlSec;
  const qs = new URLSearchParams({ key, exp: String(exp), sig: signDownload(key, exp) });
  return `${base}/dl?${qs}`;
};
