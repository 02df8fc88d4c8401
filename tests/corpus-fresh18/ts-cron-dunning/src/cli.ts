#!/usr/bin/env node
import process from 'node:process'
import meow from 'meow'
import { createDb } from './db.js'
import { logger } from './logger.js'
import { config } from './config.js'
import { createPaymentsClient } from './clients/payments.js'
import { DryRunMailer, HttpMailer } from './clients/mailer.js'
import { syncPayments } from './jobs/sync-payments.js'
import { sendReminders } from './jobs/send-reminders.js'
import { exportLedger, previousMonth } from './jobs/export-ledger.js'
import { verifyEventSignature } from './signatures.js'

const cli = meow(
  `
  Usage
    $ dunning <command> [options]

  Commands
    sync-payments            Pull new payments from the provider
    send-reminders           Send overdue invoice reminders
    export-ledger            Write the monthly ledger CSV
    replay-event <id>        Re-apply a stored provider event
    refund <invoice>         Refund the last payment of an invoice

  Options
    --month, -m       Month for export-ledger (YYYY-MM), defaults to last month
    --out, -o         Output directory for export-ledger
    --dry-run         Do not send e-mails (send-reminders)
    --amount          Amount in cents (refund)

  Examples
    $ dunning export-ledger --month 2024-08 --out ./exports
    $ dunning send-reminders --dry-run
`,
  {
    importMeta: import.meta,
    flags: {
      month: { type: 'string', shortFlag: 'm' },
      out: { type: 'string', shortFlag: 'o' },
      dryRun: { type: 'boolean', default: false },
      amount: { type: 'number' },
    },
  }
)

async function main(): Promise<number> {
  const [command, ...args] = cli.input
  const db = createDb()

  try {
    switch (command) {
      case 'sync-payments': {
        const result = await syncPayments(db, createPaymentsClient())
        console.log(JSON.stringify(result))
        return 0
      }
      case 'send-reminders': {
        const mailer = cli.flags.dryRun ? new DryRunMailer() : new HttpMailer()
        const result = await sendReminders(db, mailer)
        console.log(JSON.stringify(result))
        return 0
      }
      case 'export-ledger': {
        const month = cli.flags.month ?? previousMonth()
        const file = await exportLedger(db, month, cli.flags.out ?? config.ledgerExportDir)
        console.log(file)
        return 0
      }
      case 'replay-event': {
        const [id] = args
        const event = await db
          .selectFrom('provider_events' as never)
          .selectAll()
          .where('id' as never, '=', Number(id) as never)
          .executeTakeFirstOrThrow() as { payload: string; signature_header: string }
        if (!verifyEventSignature(config.payments.webhookSecret, event.signature_header, event.payload)) {
          console.error(`event ${id} has an invalid signature`)
          return 1
        }
        await db
          .updateTable('provider_events' as never)
          .set({ replay_requested_at: new Date() } as never)
          .where('id' as never, '=', Number(id) as never)
          .execute()
        console.log(`event ${id} verified; queued for replay`)
        return 0
      }
      case 'refund': {
        throw new Error('refund is not implemented')
      }
      default:
        cli.showHelp(command ? 2 : 0)
        return 2
    }
  } catch (err) {
    logger.error({ err, command }, 'command failed')
    return 1
  } finally {
    await db.destroy()
  }
}

process.exitCode = await main()
