import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'newsroom-cms' },
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.password'],
});
