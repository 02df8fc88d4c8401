import { defineCommand } from 'citty'
import { consola } from 'consola'
import pLimit from 'p-limit'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadConfig } from '../lib/config'
import { createClient, listArtifacts } from '../lib/api'
import { writeManifest, verifyManifest, type Manifest } from '../lib/manifest'

export default defineCommand({
  meta: { name: 'pull', description: 'Download artifacts into the local cache' },
  args: {
    name: { type: 'string', description: 'Only pull artifacts with this name' },
    concurrency: { type: 'string', description: 'Parallel downloads', default: '4' },
    out: { type: 'string', description: 'Output directory (defaults to cacheDir)' },
  },
  async run({ args }) {
    const config = await loadConfig()
    const api = await createClient(config)
    const outDir = args.out ?? config.cacheDir
    await mkdir(outDir, { recursive: true })

    const artifacts = await listArtifacts(api, args.name)
    const limit = pLimit(4)
    await Promise.all(
      artifacts.map((a) =>
        limit(async () => {
          const data = await api<ArrayBuffer>(`/artifacts/${a.name}/${a.version}`, { responseType: 'arrayBuffer' })
          await writeFile(join(outDir, `${a.name}-${a.version}`), Buffer.from(data))
          consola.info(`pulled ${a.name}@${a.version}`)
        }),
      ),
    )

    const manifest: Manifest = { project: config.project, artifacts }
    if (config.signingKey) {
      const remote = await api<Manifest>('/manifest')
      if (!verifyManifest(remote, config.signingKey)) {
        throw new Error('remote manifest signature mismatch')
      }
    }
    await writeManifest(join(outDir, 'manifest.json'), manifest)
  },
})
