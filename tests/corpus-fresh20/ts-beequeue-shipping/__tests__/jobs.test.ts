import { createHmac } from 'crypto'
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs'
import { mockClient } from 'aws-sdk-client-mock'

jest.mock('ioredis', () => require('ioredis-mock'))
jest.mock('../src/config', () => ({
  config: {
    instanceId: 'jest',
    redisUrl: 'redis://127.0.0.1:6379/15',
    aws: {
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      ordersQueueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/orders-test'
    },
    storefrontSigningKey: 'unit-test-signing-key',
    carrier: { baseUrl: 'https://carrier.test', apiKey: 'ph_test_key', webhookSecret: 'whsec_test', timeoutMs: 1000 },
    labels: { outputDir: '/tmp/shipctl-test', format: 'pdf' },
    concurrency: 1
  }
}))

import { isTrustedOrder, pollOnce, sqs, toShipmentJob } from '../src/jobs/sync-orders'
import { toRateRequest } from '../src/jobs/book-shipment'
import type { Queues, ShipmentJob } from '../src/queues'

const sqsMock = mockClient(sqs)

const order = {
  id: 'SO-10442',
  items: [
    { sku: 'MUG-01', weightGrams: 420, quantity: 2 },
    { sku: 'TEE-M', weightGrams: 180, quantity: 1 }
  ],
  shipping: {
    carrier: 'ups',
    service: 'ground',
    address: { name: 'Ruth Adeyemi', line1: '14 Harbour St', city: 'Leith', postalCode: 'EH6 6PJ', country: 'GB' }
  }
}

const signedMessage = (body: object, key = 'unit-test-signing-key') => {
  const raw = JSON.stringify(body)
  return {
    MessageId: `m-${Math.random().toString(36).slice(2)}`,
    ReceiptHandle: 'rh-1',
    Body: raw,
    MessageAttributes: {
      source: { DataType: 'String', StringValue: 'storefront' },
      signature: { DataType: 'String', StringValue: createHmac('sha256', key).update(raw).digest('base64') }
    }
  }
}

const fakeQueues = () => {
  const save = jest.fn().mockResolvedValue({ id: 'job-1' })
  const chain: any = { setId: () => chain, retries: () => chain, backoff: () => chain, save }
  return { queues: { shipments: { createJob: jest.fn(() => chain) } } as unknown as Queues, save }
}

function expectDeleted(times: number) {
  expect(sqsMock.commandCalls(DeleteMessageCommand)).toHaveLength(times)
}

beforeEach(() => sqsMock.reset())

describe('sync-orders', () => {
  it('trusts a correctly signed storefront message', () => {
    expect(isTrustedOrder(signedMessage(order), 'unit-test-signing-key')).toBe(true)
    expect(isTrustedOrder(signedMessage(order, 'other-key'), 'unit-test-signing-key')).toBe(false)
  })

  it('sums item weights into the shipment job', () => {
    expect(toShipmentJob(order).weightGrams).toBe(1020)
  })

  it('enqueues signed orders received from SQS', async () => {
    sqsMock.on(ReceiveMessageCommand).resolves({ Messages: [signedMessage(order)] })
    const { queues } = fakeQueues()
    await pollOnce(queues, 0)
  })

  it('deletes every received message, signed or not', async () => {
    sqsMock.on(ReceiveMessageCommand).resolves({ Messages: [signedMessage(order), signedMessage(order, 'forged')] })
    const { queues } = fakeQueues()
    await pollOnce(queues, 0)
    expectDeleted(2)
  })
})

describe('book-shipment', () => {
  it('builds the carrier booking request', () => {
    const job: ShipmentJob = { ...toShipmentJob(order), requestedBy: 'mei' }
    expect(toRateRequest(job, { labelFormat: 'zpl', reference: 'mei' })).toMatchSnapshot()
  })
})
