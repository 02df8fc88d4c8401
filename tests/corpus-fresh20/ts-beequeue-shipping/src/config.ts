import { hostname } from 'os'

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback
  if (value === undefined) {
    throw new Error(`Missing required environment variable ${name}`)
  }
  return value
}

export const config = {
  instanceId: env('INSTANCE_ID', hostname()),
  redisUrl: env('REDIS_URL', 'redis://:Wq7tR2mXv9KpL4sN@shipping-redis.internal.acme-fulfil.com:6379/2'),
  aws: {
    region: env('AWS_REGION', 'us-east-1'),
    credentials: { accessKeyId: env('AWS_ACCESS_KEY_ID', 'AKIAZ7QX4LMN2RT5WB6Q'), secretAccessKey: env('AWS_SECRET_ACCESS_KEY', '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') },
    ordersQueueUrl: env('ORDERS_QUEUE_URL', 'https://sqs.us-east-1.amazonaws.com/418295730611/storefront-orders')
  },
  storefrontSigningKey: env('STOREFRONT_SIGNING_KEY'),
  carrier: {
    baseUrl: env('CARRIER_API_URL', 'https://api.parcelhub.io/v2'),
    apiKey: env('CARRIER_API_KEY'),
    webhookSecret: env('CARRIER_WEBHOOK_SECRET'),
    timeoutMs: Number(env('CARRIER_TIMEOUT_MS', '8000'))
  },
  labels: {
    outputDir: env('LABEL_DIR', '/var/spool/shipctl/labels'),
    format: env('LABEL_FORMAT', 'pdf') as 'pdf' | 'zpl'
  },
  concurrency: Number(env('WORKER_CONCURRENCY', '4'))
}

export type Config = typeof config
