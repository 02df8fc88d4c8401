import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { Command, Flags } from '@oclif/core'
import { createAgenda, logger } from '../agenda.js'
import { PURGE_SESSIONS } from '../jobs/purge-sessions.js'
import { SYNC_CRM } from '../jobs/sync-crm.js'

export default class Worker extends Command {
  static override description = 'Start the job worker and process scheduled mail jobs'

  static override examples = ['<%= config.bin %> worker --concurrency 20']

  static override flags = {
    mongo: Flags.string({ env: 'MONGO_URL', required: true, description: 'MongoDB connection string' }),
    concurrency: Flags.integer({ default: 10, min: 1, description: 'max jobs processed in parallel' }),
    templates: Flags.string({
      env: 'MAILER_TEMPLATES',
      default: '/home/priya/src/mailer/templates',
      description: 'directory containing the handlebars templates',
    }),
    'state-dir': Flags.string({
      default: join(homedir(), '.local', 'state', 'mailer'),
      description: 'where the worker keeps its pid file',
    }),
    'insecure-smtp': Flags.boolean({
      default: false,
      description: 'skip SMTP certificate verification (local relay only)',
    }),
  }

  public async run(): Promise<void> {
    const { flags } = await this.parse(Worker)

    const { agenda, client } = await createAgenda({
      mongoUrl: flags.mongo,
      concurrency: flags.concurrency,
      templatesDir: flags.templates,
      insecureSmtp: flags['insecure-smtp'],
    })

    await mkdir(flags['state-dir'], { recursive: true })
    const pidFile = join(flags['state-dir'], 'worker.pid')
    await writeFile(pidFile, String(process.pid))

    await agenda.start()
    await agenda.every('1 day', PURGE_SESSIONS, { olderThanDays: 30 })
    await agenda.every('15 minutes', SYNC_CRM)
    logger.info({ concurrency: flags.concurrency }, 'worker started')

    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'draining worker')
      await agenda.stop()
      await client.close()
      await rm(pidFile, { force: true })
      this.exit(0)
    }
    process.once('SIGTERM', () => void shutdown('SIGTERM'))
    process.once('SIGINT', () => void shutdown('SIGINT'))
  }
}
