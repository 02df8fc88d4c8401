import { Args, Command, Flags } from '@oclif/core'
import { Agenda } from 'agenda'
import { requireOperator } from '../../lib/operator.js'
import { SEND_DIGEST, type DigestJobData } from '../../jobs/send-digest.js'

export default class JobsSchedule extends Command {
  static override description = 'Schedule a one-off digest for a user'

  static override args = {
    userId: Args.string({ required: true, description: 'user ObjectId' }),
  }

  static override flags = {
    mongo: Flags.string({ env: 'MONGO_URL', required: true }),
    token: Flags.string({ description: 'operator token' }),
    when: Flags.string({ default: 'now', description: 'human interval, e.g. "in 2 hours"' }),
    since: Flags.string({ default: new Date(Date.now() - 7 * 86_400_000).toISOString() }),
    'max-items': Flags.integer({ default: 10, min: 1, max: 50 }),
  }

  public async run(): Promise<void> {
    const { args, flags } = await this.parse(JobsSchedule)
    requireOperator(flags.token)

    const agenda = new Agenda({ db: { address: flags.mongo, collection: 'agendaJobs' } })
    await agenda.ready

    const data: DigestJobData = { userId: args.userId, since: flags.since, maxItems: flags['max-items'] }
    const job =
      flags.when === 'now'
        ? await agenda.now(SEND_DIGEST, data)
        : await agenda.schedule(flags.when, SEND_DIGEST, data)

    this.log(`scheduled ${SEND_DIGEST} ${String(job.attrs._id)} for ${job.attrs.nextRunAt?.toISOString()}`)
    await agenda.stop()
  }
}
