import pino from 'pino'
import { config } from './config.js'

export const logger = pino({
  level: config.logLevel,
  base: { service: 'dunning-worker', env: config.env },
  redact: {
    paths: ['req.headers.authorization', '*.apiToken', '*.apiKey', 'headers.authorization'],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
})

export function jobLogger(job: string) {
  return logger.child({ job })
}
