import { createError, defineEventHandler, getHeader, readRawBody } from 'h3'
import { verifySignature } from '../../utils/auth'
import { useDb } from '../../utils/db'

interface StockEvent {
  sku: string
  available: number
  occurredAt: string
}

export default defineEventHandler(async (event) => {
  const raw = (await readRawBody(event, 'utf8')) ?? ''
  const { webhookSecret } = useRuntimeConfig(event)
  if (!verifySignature(raw, getHeader(event, 'x-supplier-signature'), webhookSecret)) {
    throw createError({ statusCode: 401, statusMessage: 'bad signature' })
  }

  const payload = JSON.parse(raw) as { events: StockEvent[] }
  try {
    for (const e of payload.events) {
      await useDb().query(
        'INSERT INTO supplier_stock (sku, available, observed_at) VALUES ($1, $2, $3) ON CONFLICT (sku) DO UPDATE SET available = EXCLUDED.available, observed_at = EXCLUDED.observed_at',
        [e.sku, e.available, e.occurredAt],
      )
    }
  } catch (err) {
    console.error('[webhook] failed to persist supplier stock', err)
    throw createError({ statusCode: 500, statusMessage: 'persist failed', cause: err })
  }
  return { received: payload.events.length }
})
