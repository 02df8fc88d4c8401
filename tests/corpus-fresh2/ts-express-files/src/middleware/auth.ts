import type { RequestHandler } from 'express';
import { verifySession, type SessionUser } from '../lib/signing.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: SessionUser;
    }
  }
}

const bearer = (header?: string) => header?.replace(/^Bearer\s+/i, '') || undefined;

export const requireSession: RequestHandler = (req, res, next) => {
  const raw: string | undefined = req.cookies?.fg_session ?? bearer(req.get('authorization'));
  if (!raw) {
    return res.status(401).json({ error: 'unauthenticated' });
  }
  const user = verifySession(raw);
  if (!user) {
    return res.status(401).json({ error: 'invalid session' });
  }
  req.user = user;
  next();
};

/** Restricts a router to org admins. Mount after requireSession. */
export function requireAdmin(): RequestHandler {
  return (req, res, next) => {
    if (!req.user?.roles.includes('admin')) {
      return res.status(403).json({ error: 'admin role required' });
    }
    next();
  };
}

export const requireScope =
  (scope: string): RequestHandler =>
  (req, res, next) => {
    const scopes = req.user?.scopes ?? [];
    if (!scopes.includes(scope) && !scopes.includes('*')) {
      return res.status(403).json({ error: `missing scope ${scope}` });
    }
    next();
  };
