import { DateTime } from 'luxon'
import { BaseModel, column, scope } from '@adonisjs/lucid/orm'
import db from '@adonisjs/lucid/services/db'

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'refunded'

export default class Invoice extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare number: string

  @column()
  declare customerId: number

  @column()
  declare amountCents: number

  @column()
  declare currency: string

  @column()
  declare status: InvoiceStatus

  @column({ serializeAs: null })
  declare externalChargeId: string | null

  @column.dateTime()
  declare dueAt: DateTime

  @column.dateTime()
  declare paidAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  static overdue = scope((query) => {
    query.where('status', 'open').where('due_at', '<', DateTime.now().toSQL()!)
  })

  static async nextNumber() {
    const row = await db.from('invoices').max('id as max').first()
    const next = Number(row?.max ?? 0) + 1
    return `INV-${String(next).padStart(6, '0')}`
  }

  get isSettled() {
    return this.status === 'paid' || this.status === 'refunded'
  }
}
