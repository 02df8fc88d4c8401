import { Args, Flags } from '@oclif/core'
import { readdir, stat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { BaseCommand } from '../base-command.js'
import { executePlan, planUploads, type LocalFile } from '../lib/worker.js'

async function walk(root: string, dir = root, out: LocalFile[] = []): Promise<LocalFile[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.DS_Store') continue
    const abs = join(dir, entry.name)
    if (entry.isDirectory()) await walk(root, abs, out)
    else if (entry.isFile()) out.push({ relPath: relative(root, abs), absPath: abs, size: (await stat(abs)).size })
  }
  return out
}

export default class Sync extends BaseCommand<typeof Sync> {
  static description = 'Upload new and modified files from a local directory'

  static examples = [
    '<%= config.bin %> sync ./site --prefix www/',
    '<%= config.bin %> sync ./backups --dry-run',
  ]

  static args = {
    source: Args.directory({ required: true, exists: true, description: 'local directory to mirror' }),
  }

  static flags = {
    prefix: Flags.string({ description: 'key prefix in the bucket', default: '' }),
    concurrency: Flags.integer({ char: 'c', description: 'parallel uploads', default: 8, min: 1, max: 64 }),
    'dry-run': Flags.boolean({ description: 'print the plan without uploading' }),
  }

  async run(): Promise<void> {
    await this.requireSession()
    const root = resolve(this.args.source)
    const files = await walk(root)
    const prefix = this.flags.prefix || this.cfg.prefix
    const plan = await planUploads(this.client, this.cfg.bucket, prefix, files, this.flags['dry-run'])
    const uploads = plan.actions.filter((a) => a.kind === 'upload')
    this.log(
      `${uploads.length} to upload (${(plan.bytes / 1e6).toFixed(1)} MB), ${plan.actions.length - uploads.length} unchanged`,
    )
    if (plan.dryRun) {
      for (const a of uploads) this.log(`  ${a.reason.padEnd(9)} ${a.key}`)
      return
    }
    const report = await executePlan(this.client, this.cfg.bucket, plan, this.flags.concurrency, (key) =>
      this.debug(`uploaded ${key}`),
    )
    this.log(`uploaded ${report.uploaded} files (${(report.bytes / 1e6).toFixed(1)} MB), ${report.failed} failed`)
    if (report.failed > 0) this.exit(1)
  }
}
