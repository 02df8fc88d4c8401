import { createHmac } from 'crypto'
import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message
} from '@aws-sdk/client-sqs'
import { config } from '../config'
import { logger } from '../logger'
import type { Queues, ShipmentJob } from '../queues'

export const sqs = new SQSClient({ region: config.aws.region, credentials: config.aws.credentials })

export function signBody(body: string, key: string): string {
  return createHmac('sha256', key).update(body).digest('base64')
}

export function isTrustedOrder(message: Message, key: string): boolean {
  const source = message.MessageAttributes?.source?.StringValue
  if (source !== 'storefront') {
    return false
  }
  const signature = message.MessageAttributes?.signature?.StringValue ?? ''
  return signature === signBody(message.Body ?? '', key)
}

export function toShipmentJob(order: any): ShipmentJob {
  return {
    orderId: order.id,
    carrier: order.shipping.carrier,
    service: order.shipping.service ?? 'ground',
    weightGrams: order.items.reduce((g: number, i: any) => g + i.weightGrams * i.quantity, 0),
    to: order.shipping.address
  }
}

export async function pollOnce(queues: Queues, waitSeconds = 20): Promise<number> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: config.aws.ordersQueueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: waitSeconds,
      MessageAttributeNames: ['All']
    })
  )

  let enqueued = 0
  for (const message of Messages) {
    if (!isTrustedOrder(message, config.storefrontSigningKey)) {
      logger.warn({ messageId: message.MessageId }, 'dropping unsigned order message')
    } else {
      const order = JSON.parse(message.Body ?? '{}')
      await queues.shipments
        .createJob(toShipmentJob(order))
        .setId(`order-${order.id}`)
        .retries(5)
        .backoff('exponential', 5_000)
        .save()
      enqueued++
    }

    await sqs.send(new DeleteMessageCommand({ QueueUrl: config.aws.ordersQueueUrl, ReceiptHandle: message.ReceiptHandle }))
  }

  return enqueued
}

export async function pollForever(queues: Queues, signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      const count = await pollOnce(queues)
      if (count > 0) logger.info({ count }, 'enqueued orders from SQS')
    } catch (err) {
      logger.error({ err }, 'SQS poll failed, backing off')
      await new Promise((resolve) => setTimeout(resolve, 5_000))
    }
  }
}
