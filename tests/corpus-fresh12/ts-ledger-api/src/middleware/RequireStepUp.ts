import type { NextFunction, Request, Response } from 'express';
import { ExpressMiddlewareInterface, UnauthorizedError } from 'routing-controllers';
import { Service } from 'typedi';
import type { Claims } from '../auth/checkers';

const STEP_UP_MAX_AGE_SECONDS = 300;

/**
 * Requires a recent step-up (MFA) authentication for destructive ledger
 * operations. Must run after the authorization checker has populated req.user.
 */
@Service()
export class RequireStepUp implements ExpressMiddlewareInterface {
  use(request: Request, _response: Response, next: NextFunction): void {
    const user = (request as Request & { user?: Claims & { amr_at?: number } }).user;
    const now = Math.floor(Date.now() / 1000);
    if (!user?.amr_at || now - user.amr_at > STEP_UP_MAX_AGE_SECONDS) {
      return next(new UnauthorizedError('step-up authentication required'));
    }
    next();
  }
}
