import pino from 'pino';

export const logger = pino({
  name: 'hookrelay',
  level: process.env.LOG_LEVEL ?? 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers["x-hookrelay-token"]', 'req.headers["stripe-signature"]'],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
