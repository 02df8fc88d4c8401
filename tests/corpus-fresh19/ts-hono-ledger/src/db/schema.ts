import { bigint, boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const transferStatus = pgEnum('transfer_status', ['pending', 'posted', 'reversed', 'failed'])

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull().default(0),
    frozen: boolean('frozen').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => ({
    tenantIdx: index('accounts_tenant_idx').on(t.tenantId),
  }),
)

export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromAccountId: uuid('from_account_id')
      .notNull()
      .references(() => accounts.id),
    toAccountId: uuid('to_account_id')
      .notNull()
      .references(() => accounts.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    memo: text('memo'),
    status: transferStatus('status').notNull().default('pending'),
    externalRef: text('external_ref'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => ({
    fromIdx: index('transfers_from_idx').on(t.fromAccountId, t.createdAt),
    toIdx: index('transfers_to_idx').on(t.toAccountId, t.createdAt),
  }),
)

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subjectId: text('subject_id').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export type Account = typeof accounts.$inferSelect
export type Transfer = typeof transfers.$inferSelect
