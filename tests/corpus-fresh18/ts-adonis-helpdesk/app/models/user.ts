import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import Ticket from '#models/ticket'
import ApiKey from '#models/api_key'

export type UserRole = 'customer' | 'agent' | 'admin'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare fullName: string | null

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare role: UserRole

  @column()
  declare organizationId: number | null

  @column.dateTime()
  declare deactivatedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @hasMany(() => Ticket, { foreignKey: 'requesterId' })
  declare requestedTickets: HasMany<typeof Ticket>

  @hasMany(() => ApiKey)
  declare apiKeys: HasMany<typeof ApiKey>

  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: '30 days',
    prefix: 'hd_',
    table: 'auth_access_tokens',
    type: 'auth_token',
    tokenSecretLength: 40,
  })

  get isStaff() {
    return this.role === 'agent' || this.role === 'admin'
  }

  /**
   * API keys look like `<prefix>.<secret>`. The prefix is stored in clear
   * text so the row can be found; only a hash of the secret is stored.
   */
  static async findByApiKey(rawKey: string): Promise<User | null> {
    const [prefix, secret] = rawKey.split('.', 2)
    if (!prefix || !secret) {
      return null
    }

    const key = await ApiKey.query().where('prefix', prefix).whereNull('revokedAt').preload('user').first()
    if (!key || key.prefix !== prefix) {
      return null
    }

    const valid = await hash.verify(key.secretHash, secret)
    return valid ? key.user : null
  }
}
