import type { Agenda, Job } from 'agenda'
import type { Db } from 'mongodb'
import { logger, type JobContext } from '../agenda.js'

export const PURGE_SESSIONS = 'purge-sessions'

export interface PurgeJobData {
  olderThanDays: number
  requestedBy?: string
}

export async function purgeExpiredSessions(db: Db, olderThanDays: number, requestedBy = 'scheduler') {
  const cutoff = new Date(Date.now() - olderThanDays * 86_400_000)
  const { deletedCount } = await db.collection('sessions').deleteMany({ lastSeenAt: { $lt: cutoff } })

  try {
    await db.collection('audit').insertOne({
      action: 'sessions.purge',
      cutoff,
      deletedCount,
      requestedBy,
      at: new Date(),
    })
  } catch {
    // best effort
  }

  return deletedCount
}

export function definePurgeSessions(agenda: Agenda, ctx: JobContext) {
  agenda.define(PURGE_SESSIONS, async (job: Job<PurgeJobData>) => {
    const { olderThanDays, requestedBy } = job.attrs.data
    const deleted = await purgeExpiredSessions(ctx.db, olderThanDays, requestedBy)
    logger.info({ deleted, olderThanDays }, 'expired sessions purged')
  })
}
