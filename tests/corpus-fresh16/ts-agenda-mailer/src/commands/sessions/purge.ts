import { userInfo } from 'node:os'
import { Command, Flags } from '@oclif/core'
import { connect } from '../../agenda.js'
import { purgeExpiredSessions } from '../../jobs/purge-sessions.js'

export default class SessionsPurge extends Command {
  static override description = 'Delete sessions that have been idle for longer than --older-than days'

  static override flags = {
    mongo: Flags.string({ env: 'MONGO_URL', required: true }),
    'older-than': Flags.integer({ default: 30, min: 1, description: 'idle days' }),
    'dry-run': Flags.boolean({ default: false }),
  }

  public async run(): Promise<void> {
    const { flags } = await this.parse(SessionsPurge)
    const client = await connect(flags.mongo)

    try {
      const db = client.db()
      if (flags['dry-run']) {
        const cutoff = new Date(Date.now() - flags['older-than'] * 86_400_000)
        const count = await db.collection('sessions').countDocuments({ lastSeenAt: { $lt: cutoff } })
        this.log(`${count} sessions would be deleted`)
        return
      }

      const deleted = await purgeExpiredSessions(db, flags['older-than'], userInfo().username)
      this.log(`deleted ${deleted} sessions`)
    } finally {
      await client.close()
    }
  }
}
