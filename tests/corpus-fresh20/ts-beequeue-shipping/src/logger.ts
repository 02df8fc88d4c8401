import pino from 'pino'
import { config } from './config'

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'shipctl', instance: config.instanceId },
  redact: ['carrier.apiKey', 'headers.authorization', 'headers["x-api-key"]']
})
