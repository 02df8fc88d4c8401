import type { BrokerOptions } from 'moleculer';

const brokerConfig: BrokerOptions = {
  namespace: process.env.NAMESPACE ?? 'inventory',
  nodeID: process.env.NODE_ID,
  logger: {
    type: 'Console',
    options: { level: process.env.LOG_LEVEL ?? 'info', formatter: 'json' },
  },
  transporter: process.env.TRANSPORTER ?? 'nats://localhost:4222',
  cacher: process.env.CACHER ?? 'Memory',
  serializer: 'JSON',
  requestTimeout: 10 * 1000,
  retryPolicy: {
    enabled: true,
    retries: 3,
    delay: 100,
    maxDelay: 2000,
    factor: 2,
    check: (err: Error & { retryable?: boolean }) => !!err.retryable,
  },
  circuitBreaker: { enabled: true, threshold: 0.5, minRequestCount: 20 },
  metrics: { enabled: false },
  tracing: { enabled: true, exporter: { type: 'Console' } },
};

export = brokerConfig;
