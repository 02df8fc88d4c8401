import type { GluegunCommand } from 'gluegun'

const command: GluegunCommand = {
  name: 'replay',
  description: 'Re-run failed shipment jobs between two dates: shipctl replay --since 2024-03-01 [--until ...]',
  run: async (toolbox) => {
    const { parameters, print } = toolbox
    await toolbox.operator.require('admin')

    const since = parameters.options.since
    if (!since) {
      print.error('--since is required')
      return
    }

    throw new Error('replay: not implemented')
  }
}

module.exports = command
