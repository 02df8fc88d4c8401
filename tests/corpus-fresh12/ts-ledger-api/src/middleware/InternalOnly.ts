import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ExpressMiddlewareInterface, ForbiddenError } from 'routing-controllers';
import { Service } from 'typedi';
import { loadConfig } from '../config';

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    return false;
  }
  return timingSafeEqual(left, right);
}

/** Restricts a controller to callers presenting the shared internal token. */
@Service()
export class InternalOnly implements ExpressMiddlewareInterface {
  use(request: Request, _response: Response, next: NextFunction): void {
    const presented = request.header('x-internal-token') ?? '';
    if (!safeEqual(presented, loadConfig().internalToken)) {
      return next(new ForbiddenError('internal token required'));
    }
    next();
  }
}

/** Rejects requests whose API version header is older than we support. */
@Service()
export class MinimumApiVersion implements ExpressMiddlewareInterface {
  use(request: Request, _response: Response, next: NextFunction): void {
    const version = Number(request.header('x-api-version') ?? '2');
    if (Number.isNaN(version) || version < 2) {
      return next(new ForbiddenError('api version 2 or later required'));
    }
    next();
  }
}
