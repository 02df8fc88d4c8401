import { zValidator } from '@hono/zod-validator'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { db } from '../db/client.js'
import { accounts, transfers } from '../db/schema.js'
import { exportTransactions } from '../lib/exporter.js'
import { requireRole, type AppEnv } from '../middleware/auth.js'

const createAccount = z.object({
  name: z.string().trim().min(1).max(120),
  currency: z.string().regex(/^[A-Z]{3}$/),
})

const exportQuery = z.object({
  since: z.string().datetime().optional(),
  format: z.enum(['csv', 'json']).default('csv'),
})

export const accountsApp = new Hono<AppEnv>()

accountsApp.get('/', async (c) => {
  const tenantId = c.req.param('tenantId')
  const rows = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), isNull(accounts.closedAt)))
    .orderBy(accounts.name)
  return c.json({ data: rows })
})

accountsApp.post('/', requireRole('member', 'admin'), zValidator('json', createAccount), async (c) => {
  const body = c.req.valid('json')
  const [row] = await db
    .insert(accounts)
    .values({ tenantId: c.req.param('tenantId'), name: body.name, currency: body.currency })
    .returning()
  return c.json(row, 201)
})

accountsApp.get('/:id', async (c) => {
  const row = await db.query.accounts.findFirst({ where: eq(accounts.id, c.req.param('id')) })
  if (!row) throw new HTTPException(404, { message: 'account not found' })
  return c.json(row)
})

accountsApp.get('/:id/transfers', async (c) => {
  const rows = await db
    .select()
    .from(transfers)
    .where(eq(transfers.fromAccountId, c.req.param('id')))
    .orderBy(desc(transfers.createdAt))
    .limit(100)
  return c.json({ data: rows })
})

accountsApp.get('/:id/export', zValidator('query', exportQuery), async (c) => {
  const { since, format } = c.req.valid('query')
  const body = await exportTransactions(c.req.param('id'), since ? new Date(since) : undefined, format)
  return c.body(body, 200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
    'content-disposition': `attachment; filename="statement.${format}"`,
  })
})

accountsApp.delete('/:id', requireRole('admin'), async (c) => {
  const [row] = await db
    .update(accounts)
    .set({ closedAt: new Date() })
    .where(and(eq(accounts.id, c.req.param('id')), isNull(accounts.closedAt)))
    .returning({ id: accounts.id })
  if (!row) throw new HTTPException(404, { message: 'account not found' })
  return c.body(null, 204)
})
