import process from 'node:process'
import cron from 'node-cron'
import { Counter, Histogram } from 'prom-client'
import { config } from './config.js'
import { createDb } from './db.js'
import { logger } from './logger.js'
import { withAdvisoryLock } from './lock.js'
import { createPaymentsClient } from './clients/payments.js'
import { HttpMailer } from './clients/mailer.js'
import { syncPayments } from './jobs/sync-payments.js'
import { sendReminders } from './jobs/send-reminders.js'
import { exportLedger, previousMonth } from './jobs/export-ledger.js'

const jobFailures = new Counter({ name: 'dunning_job_failures_total', help: 'Failed job runs', labelNames: ['job'] })
const jobDuration = new Histogram({ name: 'dunning_job_duration_seconds', help: 'Job run duration', labelNames: ['job'] })

const db = createDb()
const payments = createPaymentsClient()
const mailer = new HttpMailer()

const tasks: cron.ScheduledTask[] = []

function register(name: string, expression: string, job: () => Promise<unknown>) {
  if (!cron.validate(expression)) {
    throw new Error(`Invalid cron expression for ${name}: ${expression}`)
  }

  const task = cron.schedule(
    expression,
    async () => {
      const stop = jobDuration.startTimer({ job: name })
      try {
        const outcome = await withAdvisoryLock(db, name, job)
        if (outcome === undefined) {
          logger.debug({ job: name }, 'another worker holds the lock, skipping')
        }
      } catch (err) {
        jobFailures.inc({ job: name })
        logger.error({ err, job: name }, 'scheduled job failed')
      } finally {
        stop()
      }
    },
    { timezone: config.schedules.timezone, name }
  )

  tasks.push(task)
  logger.info({ job: name, expression }, 'job scheduled')
}

register('sync-payments', config.schedules.syncPayments, () => syncPayments(db, payments))
register('send-reminders', config.schedules.sendReminders, () => sendReminders(db, mailer))
register('export-ledger', config.schedules.exportLedger, () =>
  exportLedger(db, previousMonth(), config.ledgerExportDir)
)

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down')
  for (const task of tasks) task.stop()
  await db.destroy()
  process.exit(0)
}

process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
