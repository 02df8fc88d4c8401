import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { exchangeToken, writeSession } from '../../lib/session.js'

export default class Login extends BaseCommand<typeof Login> {
  static description = 'Exchange an API token for a CLI session'

  static examples = ['BUCKETSYNC_API_TOKEN=... <%= config.bin %> auth login']

  static flags = {
    token: Flags.string({ description: 'API token from the web console', env: 'BUCKETSYNC_API_TOKEN', required: true }),
  }

  async run(): Promise<void> {
    const session = await exchangeToken(this.cfg.controlPlaneUrl, this.flags.token)
    await writeSession(this.config.configDir, session)
    this.log(`logged in as ${session.account} until ${session.expiresAt}`)
  }
}
