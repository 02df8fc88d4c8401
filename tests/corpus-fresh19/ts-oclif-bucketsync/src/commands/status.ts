import { Flags } from '@oclif/core'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCommand } from '../base-command.js'
import { readSession, type Session } from '../lib/session.js'

type Mode = 'text' | 'json'

export default class Status extends BaseCommand<typeof Status> {
  static description = 'Show local configuration and login state'

  static flags = {
    output: Flags.string({ char: 'o', options: ['text', 'json'], default: 'text' }),
  }

  async run(): Promise<void> {
    let session: Session | null = null
    let sessionError: string | undefined
    try {
      session = await readSession(this.config.configDir)
    } catch (err) {
      sessionError = (err as Error).message
    }
    const info = {
      profile: this.flags.profile,
      bucket: this.cfg.bucket,
      endpoint: this.cfg.endpoint,
      loggedIn: Boolean(session),
      account: session?.account ?? null,
      expiresAt: session?.expiresAt ?? null,
      sessionError: sessionError ?? null,
      lastPrune: await this.lastPrune(),
    }
    this.render(info, this.flags.output as Mode)
  }

  private async lastPrune(): Promise<string | null> {
    try {
      const lines = (await readFile(join(this.config.dataDir, 'prune-log.jsonl'), 'utf8')).trim().split('\n')
      return (JSON.parse(lines.at(-1)!) as { at: string }).at
    } catch {
      return null
    }
  }

  private render(info: Record<string, unknown>, mode: Mode): void {
    switch (mode) {
      case 'json':
        this.log(JSON.stringify(info, null, 2))
        return
      case 'text':
        for (const [k, v] of Object.entries(info)) this.log(`${k.padEnd(12)} ${v ?? '-'}`)
        return
      default: {
        const unreachable: never = mode
        throw new Error(`unsupported output mode ${unreachable}`)
      }
    }
  }
}
