#!/usr/bin/env node
import { defineCommand, runMain } from 'citty'
import { withAuth } from './lib/auth'
import login from './commands/login'
import push from './commands/push'
import pull from './commands/pull'
import prune from './commands/prune'
import status from './commands/status'

const main = defineCommand({
  meta: {
    name: 'relctl',
    version: '1.4.0',
    description: 'Manage release artifacts in the artifact store',
  },
  args: {
    verbose: { type: 'boolean', alias: 'v', description: 'Verbose logging' },
  },
  setup({ args }) {
    if (args.verbose) {
      process.env.CONSOLA_LEVEL = '4'
    }
  },
  subCommands: {
    login,
    push: withAuth(push),
    pull: withAuth(pull),
    prune,
    status,
  },
})

runMain(main)
