import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Restricts a route to staff accounts carrying the "admin" role. Must run
 * after the auth middleware so that `ctx.auth.user` is populated.
 */
export default class AdminMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.getUserOrFail()
    if (user.role !== 'admin') {
      ctx.logger.info({ userId: user.id, url: ctx.request.url() }, 'admin route denied')
      return ctx.response.forbidden({ errors: [{ message: 'Admin role required' }] })
    }
    return next()
  }
}
