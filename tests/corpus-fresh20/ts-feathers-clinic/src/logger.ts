import path from 'path'
import { createLogger, format, transports } from 'winston'

const logDir = process.env.LOG_DIR ?? '/var/log/clinic-api'

export const logger = createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: format.combine(format.timestamp(), format.splat(), format.json()),
  transports: [new transports.Console()]
})

if (process.env.NODE_ENV === 'production') {
  logger.add(new transports.File({ filename: path.join(logDir, 'error.log'), level: 'error' }))
}
