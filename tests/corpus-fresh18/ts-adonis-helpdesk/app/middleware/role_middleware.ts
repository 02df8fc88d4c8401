import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import logger from '@adonisjs/core/services/logger'
import type { UserRole } from '#models/user'

export type RoleMiddlewareOptions = {
  roles: UserRole[]
}

/**
 * Restricts a route to users holding one of the given roles. Must run after
 * the auth middleware so that `ctx.auth.user` is populated.
 */
export default class RoleMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: RoleMiddlewareOptions) {
    const user = ctx.auth.getUserOrFail()

    if (user.deactivatedAt) {
      return ctx.response.forbidden({ error: 'Account is deactivated' })
    }

    if (!options.roles.includes(user.role)) {
      logger.warn(
        { userId: user.id, role: user.role, route: ctx.route?.pattern },
        'role check failed'
      )
      return ctx.response.forbidden({ error: 'Insufficient role' })
    }

    return next()
  }
}
