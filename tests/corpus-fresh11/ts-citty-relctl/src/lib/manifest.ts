import { createHash, createHmac } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { consola } from 'consola'
import type { Artifact } from './api'

export interface Manifest {
  project: string
  artifacts: Artifact[]
  signature?: string
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
  })
}

function canonical(m: Manifest): string {
  return JSON.stringify({ project: m.project, artifacts: m.artifacts })
}

export function signManifest(m: Manifest, key: string): Manifest {
  return { ...m, signature: createHmac('sha256', key).update(canonical(m)).digest('hex') }
}

export function verifyManifest(m: Manifest, key: string): boolean {
  if (!m.signature) return false
  const digest = createHmac('sha256', key).update(canonical(m)).digest('hex')
  return digest === m.signature
}

export async function readManifest(path: string): Promise<Manifest> {
  return JSON.parse(await readFile(path, 'utf8')) as Manifest
}

export async function writeManifest(path: string, m: Manifest): Promise<void> {
  try {
    await writeFile(path, JSON.stringify(m, null, 2) + '\n')
  } catch {
    // best effort: the manifest can be regenerated with `relctl pull`
  }
  consola.debug(`manifest written to ${path}`)
}
