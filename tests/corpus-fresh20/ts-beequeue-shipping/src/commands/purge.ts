import type { GluegunCommand } from 'gluegun'
import { closeAll, createQueues, type Queues } from '../queues'

const command: GluegunCommand = {
  name: 'purge',
  description: 'Remove failed (or, with --all, waiting) jobs from a queue: shipctl purge <shipments|labels>',
  run: async (toolbox) => {
    const { parameters, print, prompt } = toolbox
    const name = (parameters.first ?? 'shipments') as keyof Queues
    const states = parameters.options.all ? (['failed', 'waiting', 'delayed'] as const) : (['failed'] as const)

    const ok = parameters.options.yes || (await prompt.confirm(`Remove ${states.join('/')} jobs from ${name}?`))
    if (!ok) return

    const queues = createQueues()
    try {
      let removed = 0
      for (const state of states) {
        const jobs = await queues[name].getJobs(state, { start: 0, end: 999 })
        for (const job of jobs) {
          await queues[name].removeJob(job.id)
          removed++
        }
      }
      print.success(`Removed ${removed} job(s) from ${name}`)
    } finally {
      await closeAll(queues)
    }
  }
}

module.exports = command
