import { createHmac, timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { config } from '../config.js'
import { db } from '../db/client.js'
import { transfers } from '../db/schema.js'
import { logger } from '../middleware/logger.js'

export const webhooksApp = new Hono()

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'hex')
  const bb = Buffer.from(b, 'hex')
  if (ab.length !== bb.length) return false
  return timingSafeEqual(ab, bb)
}

type SettlementEvent = {
  type: 'settlement.completed' | 'settlement.failed'
  transferId: string
  reference: string
}

type PayrollBatch = {
  batchId: string
  items: { transferId: string; employeeRef: string }[]
}

webhooksApp.post('/bank', async (c) => {
  const raw = await c.req.text()
  const signature = c.req.header('x-bank-signature') ?? ''
  if (!safeEqual(sign(raw, config.webhookSecret), signature)) {
    throw new HTTPException(401, { message: 'bad signature' })
  }
  let event: SettlementEvent
  try {
    event = JSON.parse(raw) as SettlementEvent
  } catch {
    return c.json({ error: 'invalid_json' }, 400)
  }
  const status = event.type === 'settlement.completed' ? 'posted' : 'failed'
  await db
    .update(transfers)
    .set({ status, externalRef: event.reference })
    .where(eq(transfers.id, event.transferId))
  logger.info({ transferId: event.transferId, status }, 'settlement applied')
  return c.json({ received: true })
})

webhooksApp.post('/payroll', async (c) => {
  const raw = await c.req.text()
  const signature = c.req.header('x-payroll-signature')
  if (signature !== sign(raw, config.payrollWebhookSecret)) {
    throw new HTTPException(401, { message: 'bad signature' })
  }
  const batch = JSON.parse(raw) as PayrollBatch
  for (const item of batch.items) {
    await db.update(transfers).set({ externalRef: `payroll:${batch.batchId}` }).where(eq(transfers.id, item.transferId))
  }
  logger.info({ batchId: batch.batchId, items: batch.items.length }, 'payroll batch acknowledged')
  return c.json({ received: true, batchId: batch.batchId })
})
