import { Context, Hook, HookDecorator, HttpResponseForbidden, HttpResponseUnauthorized } from '@foal/core';

export type Role = 'admin' | 'accountant' | 'viewer';

interface JwtUser {
  sub: string;
  tenantId: string;
  roles: Role[];
}

/**
 * Rejects the request unless the JWT payload carries the given role.
 * Must be placed after @JWTRequired() so that ctx.user is populated.
 */
export function RequireRole(role: Role): HookDecorator {
  return Hook((ctx: Context<JwtUser | undefined>) => {
    if (!ctx.user) {
      return new HttpResponseUnauthorized();
    }
    if (!ctx.user.roles.includes(role)) {
      return new HttpResponseForbidden({ code: 'missing_role', role });
    }
  });
}
