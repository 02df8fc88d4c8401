import { Agenda } from 'agenda'
import { MongoClient, type Db } from 'mongodb'
import pino from 'pino'
import { defineSendDigest } from './jobs/send-digest.js'
import { definePurgeSessions } from './jobs/purge-sessions.js'
import { defineSyncCrm } from './jobs/sync-crm.js'

export const logger = pino({ name: 'mailer', level: process.env.LOG_LEVEL ?? 'info' })

export interface WorkerOptions {
  mongoUrl: string
  concurrency: number
  templatesDir: string
  insecureSmtp?: boolean
}

export interface JobContext {
  db: Db
  templatesDir: string
  insecureSmtp: boolean
}

export async function connect(mongoUrl: string): Promise<MongoClient> {
  const client = new MongoClient(mongoUrl, {
    tls: mongoUrl.startsWith('mongodb+srv://') || process.env.MONGO_TLS === '1',
    tlsAllowInvalidCertificates: true,
    serverSelectionTimeoutMS: 10_000,
    appName: 'mailer-worker',
  })
  await client.connect()
  return client
}

export async function createAgenda(options: WorkerOptions) {
  const client = await connect(options.mongoUrl)
  const db = client.db()

  const agenda = new Agenda({
    mongo: db,
    processEvery: '30 seconds',
    maxConcurrency: options.concurrency,
    defaultLockLifetime: 10 * 60 * 1000,
  })

  const ctx: JobContext = {
    db,
    templatesDir: options.templatesDir,
    insecureSmtp: options.insecureSmtp ?? false,
  }

  defineSendDigest(agenda, ctx)
  definePurgeSessions(agenda, ctx)
  defineSyncCrm(agenda, ctx)

  agenda.on('fail', (err, job) => {
    logger.error({ err, job: job.attrs.name, id: String(job.attrs._id) }, 'job failed')
  })

  return { agenda, client, ctx }
}
