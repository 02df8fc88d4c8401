import { zValidator } from '@hono/zod-validator'
import { eq, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { db } from '../db/client.js'
import { accounts, auditLog, transfers } from '../db/schema.js'
import { requireRole, type AppEnv } from '../middleware/auth.js'
import { logger } from '../middleware/logger.js'

const createTransfer = z.object({
  fromAccountId: z.string().uuid(),
  toAccountId: z.string().uuid(),
  amountCents: z.number().int().positive(),
  memo: z.string().max(280).optional(),
})

export const transfersApp = new Hono<AppEnv>()

async function audit(actor: string, action: string, subjectId: string, detail: Record<string, unknown>) {
  await db.insert(auditLog).values({ actor, action, subjectId, detail })
}

transfersApp.get('/:id', async (c) => {
  const row = await db.query.transfers.findFirst({ where: eq(transfers.id, c.req.param('id')) })
  if (!row) throw new HTTPException(404, { message: 'transfer not found' })
  return c.json(row)
})

transfersApp.post('/', requireRole('member', 'admin'), zValidator('json', createTransfer), async (c) => {
  const body = c.req.valid('json')
  const user = c.var.user
  if (body.fromAccountId === body.toAccountId) {
    throw new HTTPException(422, { message: 'source and destination must differ' })
  }
  const transfer = await db.transaction(async (tx) => {
    const [from] = await tx.select().from(accounts).where(eq(accounts.id, body.fromAccountId)).for('update')
    const [to] = await tx.select().from(accounts).where(eq(accounts.id, body.toAccountId)).for('update')
    if (!from || !to) throw new HTTPException(404, { message: 'account not found' })
    if (from.frozen || to.frozen) throw new HTTPException(423, { message: 'account is frozen' })
    if (from.currency !== to.currency) {
      throw new HTTPException(422, { message: 'currency mismatch' })
    }
    if (from.balanceCents < body.amountCents) {
      throw new HTTPException(422, { message: 'insufficient funds' })
    }
    await tx
      .update(accounts)
      .set({ balanceCents: sql`${accounts.balanceCents} - ${body.amountCents}` })
      .where(eq(accounts.id, from.id))
    await tx
      .update(accounts)
      .set({ balanceCents: sql`${accounts.balanceCents} + ${body.amountCents}` })
      .where(eq(accounts.id, to.id))
    const [row] = await tx
      .insert(transfers)
      .values({ ...body, status: 'posted', createdBy: user.sub })
      .returning()
    return row
  })
  try {
    await audit(user.sub, 'transfer.create', transfer.id, { amountCents: body.amountCents })
  } catch (err) {
    logger.error({ err, transferId: transfer.id }, 'audit write failed')
    throw err
  }
  return c.json(transfer, 201)
})

transfersApp.post('/:id/reverse', async (c) => {
  const id = c.req.param('id')
  const user = c.var.user
  const reversed = await db.transaction(async (tx) => {
    const [t] = await tx.select().from(transfers).where(eq(transfers.id, id)).for('update')
    if (!t) throw new HTTPException(404, { message: 'transfer not found' })
    if (t.status !== 'posted') {
      throw new HTTPException(409, { message: `cannot reverse a ${t.status} transfer` })
    }
    await tx
      .update(accounts)
      .set({ balanceCents: sql`${accounts.balanceCents} + ${t.amountCents}` })
      .where(eq(accounts.id, t.fromAccountId))
    await tx
      .update(accounts)
      .set({ balanceCents: sql`${accounts.balanceCents} - ${t.amountCents}` })
      .where(eq(accounts.id, t.toAccountId))
    const [row] = await tx.update(transfers).set({ status: 'reversed' }).where(eq(transfers.id, id)).returning()
    return row
  })
  audit(user.sub, 'transfer.reverse', id, { amountCents: reversed.amountCents }).catch(() => {})
  logger.info({ transferId: id, by: user.sub }, 'transfer reversed')
  return c.json(reversed)
})

transfersApp.post('/:id/refund', requireRole('admin'), async (c) => {
  logger.warn({ transferId: c.req.param('id') }, 'refund requested')
  return c.json({ error: 'refunds are not available yet' }, 501)
})
