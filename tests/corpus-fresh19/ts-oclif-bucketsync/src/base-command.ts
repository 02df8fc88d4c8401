import type { S3Client } from '@aws-sdk/client-s3'
import { Command, Flags, Interfaces } from '@oclif/core'
import { join } from 'node:path'
import { loadConfig, type SyncConfig } from './lib/config.js'
import { createClient } from './lib/s3.js'
import { readSession, type Session } from './lib/session.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static baseFlags = {
    profile: Flags.string({
      description: 'configuration profile',
      env: 'BUCKETSYNC_PROFILE',
      default: 'default',
      helpGroup: 'GLOBAL',
    }),
    bucket: Flags.string({ description: 'override the target bucket', helpGroup: 'GLOBAL' }),
  }

  protected flags!: BaseFlags<T>
  protected args!: BaseArgs<T>
  protected cfg!: SyncConfig
  private s3?: S3Client

  public async init(): Promise<void> {
    await super.init()
    const { args, flags } = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      args: this.ctor.args,
      strict: this.ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
    this.args = args as BaseArgs<T>
    this.cfg = await loadConfig(join(this.config.configDir, `${this.flags.profile}.json`))
    if (this.flags.bucket) this.cfg.bucket = this.flags.bucket
  }

  protected get client(): S3Client {
    this.s3 ??= createClient(this.cfg)
    return this.s3
  }

  protected async requireSession(): Promise<Session> {
    const session = await readSession(this.config.configDir)
    if (!session) this.error('not logged in; run `bucketsync auth login`', { exit: 3 })
    if (new Date(session.expiresAt).getTime() < Date.now()) {
      this.error('session expired; run `bucketsync auth login`', { exit: 3 })
    }
    this.debug(`session for ${session.account}`)
    return session
  }

  protected async catch(err: Error & { exitCode?: number }): Promise<unknown> {
    if (process.env.BUCKETSYNC_DEBUG) this.logToStderr(err.stack ?? String(err))
    return super.catch(err)
  }
}
