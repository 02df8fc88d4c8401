import {
  Guard,
  IGuard,
  getPropertyMetadata,
  savePropertyMetadata,
} from '@midwayjs/core';
import { Context } from '@midwayjs/koa';

export const ROLE_META_KEY = 'warehouse:roles';

export type ClientRole = 'reader' | 'picker' | 'manager' | 'admin';

/**
 * Marks a controller method with the roles allowed to call it.
 * Only takes effect on methods that also carry @UseGuard(RoleGuard).
 */
export function Role(roles: ClientRole[]): MethodDecorator {
  return (target, propertyKey) => {
    savePropertyMetadata(ROLE_META_KEY, roles, target, propertyKey);
  };
}

@Guard()
export class RoleGuard implements IGuard<Context> {
  async canActivate(
    context: Context,
    supplierClz,
    methodName: string
  ): Promise<boolean> {
    const client = context.state.client as { role?: ClientRole } | undefined;
    if (!client?.role) {
      return false;
    }
    const allowed = getPropertyMetadata<ClientRole[]>(
      ROLE_META_KEY,
      supplierClz,
      methodName
    );
    if (!allowed || allowed.length === 0) {
      // a guarded method without @Role is a wiring mistake; refuse
      return false;
    }
    return allowed.includes(client.role);
  }
}
