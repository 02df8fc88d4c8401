import { defineCommand } from 'citty'
import { consola } from 'consola'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { loadConfig } from '../lib/config'
import { createClient } from '../lib/api'
import { sha256File } from '../lib/manifest'

export default defineCommand({
  meta: { name: 'push', description: 'Upload a build artifact' },
  args: {
    file: { type: 'positional', description: 'Artifact file to upload', required: true },
    version: { type: 'string', description: 'Version label', required: true },
    insecure: { type: 'boolean', description: 'Do not verify the registry TLS certificate', default: false },
  },
  async run({ args }) {
    const config = await loadConfig()
    const api = await createClient(config, { insecure: args.insecure })
    const name = basename(args.file)
    const [info, sha256] = await Promise.all([stat(args.file), sha256File(args.file)])

    consola.start(`Uploading ${name}@${args.version} (${info.size} bytes)`)
    await api(`/artifacts/${encodeURIComponent(name)}/${encodeURIComponent(args.version)}`, {
      method: 'PUT',
      body: await readFile(args.file),
      headers: { 'content-type': 'application/octet-stream', 'x-content-sha256': sha256 },
    })
    consola.success(`Pushed ${name}@${args.version}`)
  },
})
