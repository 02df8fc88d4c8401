import Boom from '@hapi/boom';
import type { Lifecycle, Request, ResponseToolkit } from '@hapi/hapi';

interface FinanceCredentials {
  keyId?: string;
  scope?: string[];
  email?: string;
}

/**
 * Route pre-handler restricting charge/refund to finance admins.
 *
 *   options: { pre: [{ method: requireFinanceAdmin }] }
 */
export const requireFinanceAdmin: Lifecycle.Method = (request: Request, h: ResponseToolkit) => {
  const creds = request.auth.credentials as FinanceCredentials | null;
  if (!creds?.scope?.includes('finance-admin')) {
    throw Boom.forbidden('finance admin role required');
  }
  request.log(['audit'], { msg: 'finance admin access', keyId: creds.keyId, path: request.path });
  return h.continue;
};
