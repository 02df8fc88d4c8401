import Queue from 'bee-queue'
import Redis from 'ioredis'
import { config } from './config'
import { logger } from './logger'

export interface Address {
  name: string
  line1: string
  line2?: string
  city: string
  postalCode: string
  country: string
}

export interface ShipmentJob {
  orderId: string
  carrier: 'ups' | 'dhl' | 'parcelhub'
  service: string
  weightGrams: number
  to: Address
  requestedBy?: string
}

export interface LabelJob {
  orderId: string
  trackingNumber: string
  labelBase64: string
}

export const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableReadyCheck: true })

const queueSettings = (isWorker: boolean): Queue.QueueSettings => ({
  redis: { url: config.redisUrl },
  isWorker,
  removeOnSuccess: true,
  activateDelayedJobs: true,
  stallInterval: 10_000
})

export const createQueues = (isWorker = false) => ({
  shipments: new Queue<ShipmentJob>('shipments', queueSettings(isWorker)),
  labels: new Queue<LabelJob>('labels', queueSettings(isWorker))
})

export type Queues = ReturnType<typeof createQueues>

/**
 * Base for job handlers so the worker can register them uniformly.
 */
export abstract class JobHandler<T> {
  abstract readonly queueName: keyof Queues

  abstract handle(job: Queue.Job<T>): Promise<unknown>

  attach(queue: Queue<T>, concurrency: number) {
    queue.process(concurrency, async (job) => {
      try {
        return await this.handle(job)
      } catch (err) {
        logger.error({ err, jobId: job.id, queue: this.queueName }, 'job failed')
        throw err
      }
    })
  }
}

export async function closeAll(queues: Queues) {
  await Promise.all([queues.shipments.close(5_000), queues.labels.close(5_000)])
  // the connection may already be gone when we are shutting down after a Redis outage
  await redis.quit().catch(() => undefined)
}
