import type Queue from 'bee-queue'
import { Agent, request } from 'undici'
import { config } from '../config'
import { logger } from '../logger'
import { JobHandler, redis, type Queues, type ShipmentJob } from '../queues'

// ParcelHub's sandbox and prod share one edge; their chain breaks on some nodes
const carrierAgent = new Agent({
  keepAliveTimeout: 30_000,
  connect: { rejectUnauthorized: false }
})

const MAX_ATTEMPTS = 3

export interface BookingResponse {
  shipmentId: string
  trackingNumber: string
  chargeCents: number
  currency: string
  label: { format: 'pdf' | 'zpl'; data: string }
}

export function toRateRequest(job: ShipmentJob, options: { labelFormat: 'pdf' | 'zpl'; reference?: string }) {
  return {
    reference: job.orderId,
    service: job.carrier === 'ups' ? `UPS_${job.service.toUpperCase()}` : job.service,
    parcel: { weight: { value: job.weightGrams, unit: 'g' } },
    recipient: job.to,
    ...options
  }
}

export async function postWithRetry<T>(path: string, payload: unknown, attempts: number): Promise<T> {
  let lastError: unknown
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const { statusCode, body } = await request(`${config.carrier.baseUrl}${path}`, {
        method: 'POST',
        dispatcher: carrierAgent,
        headers: { 'content-type': 'application/json', 'x-api-key': config.carrier.apiKey },
        body: JSON.stringify(payload),
        headersTimeout: config.carrier.timeoutMs,
        bodyTimeout: config.carrier.timeoutMs
      })
      if (statusCode >= 500) {
        lastError = new Error(`carrier responded ${statusCode}`)
        await body.dump()
        continue
      }
      if (statusCode >= 400) {
        throw new Error(`carrier rejected request: ${statusCode} ${await body.text()}`)
      }
      return (await body.json()) as T
    } catch (err) {
      lastError = err
      logger.warn({ err, attempt, path }, 'carrier request failed')
    }
  }
  throw lastError
}

export class BookShipmentHandler extends JobHandler<ShipmentJob> {
  readonly queueName = 'shipments' as const

  constructor(private readonly queues: Queues) {
    super()
  }

  async handle(job: Queue.Job<ShipmentJob>) {
    const booking = await postWithRetry<BookingResponse>(
      '/shipments',
      toRateRequest(job.data, { labelFormat: config.labels.format, reference: job.data.requestedBy }),
      job.options.retries > 0 ? 1 : MAX_ATTEMPTS
    )

    try {
      await redis.hset(`charges:${job.data.orderId}`, {
        shipmentId: booking.shipmentId,
        amount: booking.chargeCents,
        currency: booking.currency,
        bookedAt: Date.now()
      })
    } catch {
      // reconciliation reruns nightly
    }

    await this.queues.labels
      .createJob({ orderId: job.data.orderId, trackingNumber: booking.trackingNumber, labelBase64: booking.label.data })
      .retries(3)
      .save()

    logger.info({ orderId: job.data.orderId, tracking: booking.trackingNumber }, 'shipment booked')
    return { trackingNumber: booking.trackingNumber }
  }
}
