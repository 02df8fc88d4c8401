import { Flags } from '@oclif/core'
import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCommand } from '../base-command.js'
import { deleteKeys, listAll } from '../lib/s3.js'

export default class Prune extends BaseCommand<typeof Prune> {
  static description = 'Delete remote objects older than a retention window'

  static examples = ['<%= config.bin %> prune --prefix logs/ --older-than 90 --yes']

  static flags = {
    prefix: Flags.string({ description: 'only consider keys under this prefix', default: '' }),
    'older-than': Flags.integer({ description: 'retention in days', default: 30, min: 1 }),
    yes: Flags.boolean({ char: 'y', description: 'delete without printing the dry-run listing first' }),
  }

  async run(): Promise<void> {
    const cutoff = Date.now() - this.flags['older-than'] * 86_400_000
    const manifestKey = `${this.flags.prefix}.bucketsync/manifest.json`
    const stale: string[] = []
    for await (const obj of listAll(this.client, this.cfg.bucket, this.flags.prefix)) {
      if (obj.Key === manifestKey) continue
      if (obj.Key && obj.LastModified && obj.LastModified.getTime() < cutoff) stale.push(obj.Key)
    }
    if (stale.length === 0) {
      this.log('nothing to prune')
      return
    }
    if (!this.flags.yes) {
      for (const key of stale.slice(0, 20)) this.log(`  ${key}`)
      if (stale.length > 20) this.log(`  ... and ${stale.length - 20} more`)
      this.log(`${stale.length} objects would be deleted; re-run with --yes to confirm`)
      return
    }
    const deleted = await deleteKeys(this.client, this.cfg.bucket, stale)
    try {
      const line = JSON.stringify({ at: new Date().toISOString(), bucket: this.cfg.bucket, keys: deleted })
      await appendFile(join(this.config.dataDir, 'prune-log.jsonl'), line + '\n')
    } catch {
      // best effort, the objects are already gone
    }
    this.log(`deleted ${deleted.length} objects`)
  }
}
