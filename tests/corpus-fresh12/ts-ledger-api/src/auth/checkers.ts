import jwt from 'jsonwebtoken';
import { Action } from 'routing-controllers';
import { logger } from '../logger';

export interface Claims {
  sub: string;
  accountId: string;
  roles: string[];
}

const BEARER = 'Bearer ';

/**
 * Builds the routing-controllers authorizationChecker. Controllers opt in with
 * @Authorized() (any authenticated caller) or @Authorized('admin').
 */
export function buildAuthorizationChecker(secret: string) {
  return async (action: Action, roles: string[]): Promise<boolean> => {
    const header: string | undefined = action.request.headers['authorization'];
    if (!header || !header.startsWith(BEARER)) {
      return false;
    }
    try {
      const claims = jwt.verify(header.slice(BEARER.length), secret, {
        algorithms: ['HS256'],
      }) as Claims;
      action.request.user = claims;
      if (roles.length === 0) {
        return true;
      }
      return roles.some((role) => claims.roles.includes(role));
    } catch (err) {
      logger.debug({ err }, 'bearer token rejected');
      return false;
    }
  };
}

export function currentUserChecker(action: Action): Claims | undefined {
  return action.request.user as Claims | undefined;
}
