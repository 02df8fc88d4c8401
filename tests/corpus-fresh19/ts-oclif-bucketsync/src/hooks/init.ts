import type { Hook } from '@oclif/core'
import { mkdir } from 'node:fs/promises'

const hook: Hook.Init = async function (opts) {
  await mkdir(opts.config.configDir, { recursive: true, mode: 0o700 })
  await mkdir(opts.config.dataDir, { recursive: true })
  if (process.env.BUCKETSYNC_DEBUG) {
    this.log(`bucketsync ${opts.config.version} (${opts.id ?? 'no command'}) on ${opts.config.platform}`)
  }
}

export default hook
