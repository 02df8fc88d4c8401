import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import User from '#models/user'
import { apiKeyExchangeValidator, loginValidator } from '#validators/session'

export default class SessionController {
  /**
   * Password login. `verifyCredentials` hashes even when the user does not
   * exist so response timing does not reveal valid e-mail addresses.
   */
  async store({ request, response }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const user = await User.verifyCredentials(email, password)

    if (user.deactivatedAt) {
      return response.forbidden({ error: 'Account is deactivated' })
    }

    const token = await User.accessTokens.create(user, ['*'], { name: request.header('user-agent') })
    logger.info({ userId: user.id }, 'user signed in')

    return {
      type: 'bearer',
      token: token.value!.release(),
      expiresAt: token.expiresAt,
    }
  }

  /**
   * Integrations trade a long-lived API key for a short-lived access token.
   */
  async exchangeApiKey({ request, response }: HttpContext) {
    const { apiKey } = await request.validateUsing(apiKeyExchangeValidator)
    const user = await User.findByApiKey(apiKey)

    if (!user || user.deactivatedAt) {
      return response.unauthorized({ error: 'Invalid API key' })
    }

    const token = await User.accessTokens.create(user, ['tickets:read', 'tickets:write'], {
      name: 'api-key-exchange',
      expiresIn: '1 hour',
    })

    return { type: 'bearer', token: token.value!.release(), expiresAt: token.expiresAt }
  }

  async destroy({ auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return response.noContent()
  }
}
