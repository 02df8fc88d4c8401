import { readFileSync } from 'node:fs'
import { Kysely, PostgresDialect, type ColumnType, type Generated } from 'kysely'
import pg from 'pg'
import { config } from './config.js'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface InvoiceTable {
  id: Generated<number>
  customer_id: number
  number: string
  currency: string
  amount_cents: number
  paid_cents: Generated<number>
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible'
  due_at: Timestamp
  created_at: Generated<Timestamp>
}

export interface PaymentTable {
  id: Generated<number>
  provider_id: string
  invoice_id: number
  amount_cents: number
  currency: string
  idempotency_key: string
  received_at: Timestamp
}

export interface ReminderTable {
  id: Generated<number>
  invoice_id: number
  stage: number
  sent_at: Timestamp
  message_id: string | null
}

export interface CustomerTable {
  id: Generated<number>
  email: string
  name: string
  locale: string
}

export interface SyncCursorTable {
  name: string
  cursor: string
  updated_at: Timestamp
}

export interface Database {
  invoices: InvoiceTable
  payments: PaymentTable
  reminders: ReminderTable
  customers: CustomerTable
  sync_cursors: SyncCursorTable
}

function sslOptions(): pg.PoolConfig['ssl'] {
  if (config.env === 'development') return false
  return {
    ca: readFileSync(config.databaseCaPath, 'utf8'),
    rejectUnauthorized: true,
  }
}

export function createDb(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString: config.databaseUrl,
        max: config.databasePoolSize,
        ssl: sslOptions(),
        application_name: 'dunning-worker',
      }),
    }),
  })
}

export type Db = Kysely<Database>
