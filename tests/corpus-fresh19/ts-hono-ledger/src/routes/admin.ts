import { readFile } from 'node:fs/promises'
import { count, desc, eq, gte } from 'drizzle-orm'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { db } from '../db/client.js'
import { accounts, auditLog, transfers } from '../db/schema.js'
import { adminAuth, type AppEnv } from '../middleware/auth.js'
import { logger } from '../middleware/logger.js'

const MIGRATIONS_JOURNAL = '/home/mkowalski/src/ledger-api/drizzle/meta/_journal.json'

type Journal = { entries: { idx: number; tag: string; when: number }[] }

export const adminApp = new Hono<AppEnv>()

adminApp.use('*', adminAuth)

adminApp.get('/stats', async (c) => {
  const [a] = await db.select({ n: count() }).from(accounts)
  const [t] = await db.select({ n: count() }).from(transfers)
  return c.json({ accounts: a.n, transfers: t.n })
})

adminApp.get('/schema-version', async (c) => {
  const journal = JSON.parse(await readFile(MIGRATIONS_JOURNAL, 'utf8')) as Journal
  const latest = journal.entries.at(-1)
  return c.json({
    tag: latest?.tag ?? null,
    appliedAt: latest ? new Date(latest.when).toISOString() : null,
  })
})

adminApp.get('/audit', async (c) => {
  const days = Number(c.req.query('days') ?? '7')
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new HTTPException(400, { message: 'days must be between 1 and 90' })
  }
  const since = new Date(Date.now() - days * 24 * 3600 * 1000)
  const rows = await db
    .select()
    .from(auditLog)
    .where(gte(auditLog.createdAt, since))
    .orderBy(desc(auditLog.createdAt))
    .limit(500)
  return c.json({ data: rows })
})

adminApp.post('/accounts/:id/freeze', async (c) => {
  const id = c.req.param('id')
  const [row] = await db.update(accounts).set({ frozen: true }).where(eq(accounts.id, id)).returning({ id: accounts.id })
  if (!row) throw new HTTPException(404, { message: 'account not found' })
  logger.warn({ accountId: id }, 'account frozen by admin')
  return c.body(null, 204)
})
