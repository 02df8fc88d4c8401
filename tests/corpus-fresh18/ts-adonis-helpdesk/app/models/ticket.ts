import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import TicketMessage from '#models/ticket_message'
import Attachment from '#models/attachment'

export type TicketStatus = 'new' | 'open' | 'pending' | 'solved' | 'closed'
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent'

export default class Ticket extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare subject: string

  @column()
  declare status: TicketStatus

  @column()
  declare priority: TicketPriority

  @column()
  declare requesterId: number

  @column()
  declare assigneeId: number | null

  @column()
  declare organizationId: number | null

  @column()
  declare channel: 'web' | 'email' | 'api'

  @column()
  declare externalMessageId: string | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'requesterId' })
  declare requester: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'assigneeId' })
  declare assignee: BelongsTo<typeof User>

  @hasMany(() => TicketMessage)
  declare messages: HasMany<typeof TicketMessage>

  @hasMany(() => Attachment)
  declare attachments: HasMany<typeof Attachment>

  static open = scope((query) => {
    query.whereNotIn('status', ['solved', 'closed'])
  })

  get isClosed() {
    return this.status === 'closed'
  }
}
