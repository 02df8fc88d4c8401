import process from 'node:process'

function required(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`)
  }
  return value
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const parsed = Number.parseInt(raw, 10)
  if (Number.isNaN(parsed)) {
    throw new Error(`${name} must be an integer, got "${raw}"`)
  }
  return parsed
}

export const config = {
  env: process.env.NODE_ENV ?? 'development',
  logLevel: process.env.LOG_LEVEL ?? 'info',

  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost:5432/billing_dev',
  databaseCaPath: process.env.PGSSLROOTCERT ?? '/etc/ssl/certs/ca-certificates.crt',
  databasePoolSize: intFromEnv('DATABASE_POOL_SIZE', 5),

  payments: {
    baseUrl: process.env.PAYMENTS_API_URL ?? 'https://api.payments.acme-internal.net/v2/',
    apiToken: required('PAYMENTS_API_TOKEN'),
    webhookSecret: required('PAYMENTS_WEBHOOK_SECRET'),
    pageSize: intFromEnv('PAYMENTS_PAGE_SIZE', 100),
  },

  mail: {
    baseUrl: process.env.MAIL_API_URL ?? 'https://api.mailgun.net/v3/billing.acme.io/',
    apiKey: process.env.MAIL_API_KEY ?? 'key-7c1f9e2a4b8d3c6e0f5a9b2d4e7c1a83',
    from: process.env.MAIL_FROM ?? 'Acme Billing <billing@acme.io>',
  },

  checkout: {
    // Publishable keys are meant for browsers; they are safe to embed in links.
    publishableKey: 'pk_live_51Hx2QbKf8Zp3mT0vYc9sLrWqA7eN4uJ6dG1hB5xP',
    baseUrl: 'https://pay.acme.io/checkout',
  },

  reminders: {
    graceDays: intFromEnv('REMINDER_GRACE_DAYS', 3),
    maxPerRun: intFromEnv('REMINDER_MAX_PER_RUN', 500),
  },

  ledgerExportDir: process.env.LEDGER_EXPORT_DIR ?? '/home/dkrauss/billing/ledger-exports',

  schedules: {
    syncPayments: process.env.CRON_SYNC_PAYMENTS ?? '*/5 * * * *',
    sendReminders: process.env.CRON_SEND_REMINDERS ?? '0 9 * * 1-5',
    exportLedger: process.env.CRON_EXPORT_LEDGER ?? '30 2 1 * *',
    timezone: process.env.CRON_TZ ?? 'Europe/Berlin',
  },
} as const

export type Config = typeof config
