import { config } from './config'
import { logger } from './logger'
import { closeAll, createQueues } from './queues'
import { BookShipmentHandler } from './jobs/book-shipment'
import { PrintLabelHandler } from './jobs/print-label'
import { pollForever } from './jobs/sync-orders'

async function main() {
  const queues = createQueues(true)
  const controller = new AbortController()

  new BookShipmentHandler(queues).attach(queues.shipments, config.concurrency)
  new PrintLabelHandler().attach(queues.labels, 1)

  queues.shipments.on('failed', (job, err) => {
    logger.error({ orderId: job.data.orderId, err, retriesLeft: job.options.retries }, 'shipment job failed')
  })

  const poller = pollForever(queues, controller.signal)

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down worker')
    controller.abort()
    await poller
    await closeAll(queues)
    process.exit(0)
  }

  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))
  logger.info({ concurrency: config.concurrency }, 'worker started')
}

main().catch((err) => {
  logger.fatal({ err }, 'worker crashed')
  process.exit(1)
})
