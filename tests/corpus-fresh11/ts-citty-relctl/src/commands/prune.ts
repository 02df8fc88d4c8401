import { defineCommand } from 'citty'
import { consola } from 'consola'
import { loadConfig } from '../lib/config'
import { createClient, deleteArtifact, listArtifacts } from '../lib/api'

export default defineCommand({
  meta: { name: 'prune', description: 'Delete old artifact versions from the registry' },
  args: {
    keep: { type: 'string', description: 'Number of versions to keep per artifact', default: '5' },
    'dry-run': { type: 'boolean', description: 'Only print what would be deleted', default: false },
  },
  async run({ args }) {
    const keep = Number.parseInt(args.keep, 10)
    if (!Number.isFinite(keep) || keep < 1) {
      throw new Error('--keep must be a positive integer')
    }
    const config = await loadConfig()
    const api = await createClient(config)
    const byName = new Map<string, { version: string; createdAt: string }[]>()
    for (const a of await listArtifacts(api)) {
      byName.set(a.name, [...(byName.get(a.name) ?? []), a])
    }

    for (const [name, versions] of byName) {
      const stale = versions.sort((x, y) => y.createdAt.localeCompare(x.createdAt)).slice(keep)
      for (const v of stale) {
        if (args['dry-run']) {
          consola.log(`would delete ${name}@${v.version}`)
          continue
        }
        await deleteArtifact(api, name, v.version)
        consola.info(`deleted ${name}@${v.version}`)
      }
    }
  },
})
