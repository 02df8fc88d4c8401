import { createHash, timingSafeEqual } from 'node:crypto';
import type { Next, Request, RequestHandler, Response } from 'restify';
import { ForbiddenError, UnauthorizedError } from 'restify-errors';
import type { Pool } from 'pg';
import type { Config } from './config';

function bearerToken(req: Request): string | undefined {
  const header = req.header('authorization');
  if (!header || !header.startsWith('Bearer ')) {
    return undefined;
  }
  return header.slice('Bearer '.length).trim();
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function requireAdmin(cfg: Config): RequestHandler {
  const expected = digest(cfg.adminToken);
  return (req: Request, _res: Response, next: Next) => {
    const token = bearerToken(req);
    if (!token) {
      return next(new UnauthorizedError('missing bearer token'));
    }
    if (!timingSafeEqual(digest(token), expected)) {
      return next(new ForbiddenError('invalid admin token'));
    }
    return next();
  };
}

export function requireIngestToken(pool: Pool): RequestHandler {
  return (req: Request, _res: Response, next: Next) => {
    const source = req.params.source as string;
    const token = req.header('x-hookrelay-token');
    pool
      .query<{ ingest_token: string }>('SELECT ingest_token FROM sources WHERE name = $1 AND enabled', [source])
      .then(({ rows }) => {
        if (rows.length === 0) {
          return next(new ForbiddenError(`unknown source ${source}`));
        }
        if (!token || token !== rows[0].ingest_token) {
          return next(new UnauthorizedError('invalid ingest token'));
        }
        return next();
      }, next);
  };
}
