import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../base-command.js'

export default class Restore extends BaseCommand<typeof Restore> {
  static description = 'Download objects under a prefix back into a local directory'

  static examples = ['<%= config.bin %> restore ./site --prefix www/ --as-of 2024-05-01T00:00:00Z']

  static args = {
    target: Args.directory({ required: true, description: 'destination directory' }),
  }

  static flags = {
    prefix: Flags.string({ default: '' }),
    'as-of': Flags.string({ description: 'restore object versions as of an ISO timestamp' }),
    overwrite: Flags.boolean({ description: 'replace files that already exist locally', default: false }),
  }

  async run(): Promise<void> {
    await this.requireSession()
    this.debug(`restore ${this.cfg.bucket}/${this.flags.prefix} -> ${this.args.target}`)
    throw new Error('not implemented')
  }
}
