import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'

export interface SyncConfig {
  endpoint: string
  region: string
  bucket: string
  prefix: string
  concurrency: number
  cacheDir: string
  controlPlaneUrl: string
  caFile?: string
}

export const SYSTEM_CONFIG = process.env.BUCKETSYNC_CONFIG ?? '/etc/bucketsync/config.json'

const defaults: SyncConfig = {
  endpoint: 'https://s3.eu-central-1.amazonaws.com',
  region: 'eu-central-1',
  bucket: 'acme-backups',
  prefix: '',
  concurrency: 8,
  cacheDir: '/home/dvolkov/.cache/bucketsync',
  controlPlaneUrl: 'https://sync.acme-internal.net',
}

async function readJson(file: string): Promise<Partial<SyncConfig>> {
  const raw = await readFile(file, 'utf8')
  try {
    return JSON.parse(raw) as Partial<SyncConfig>
  } catch (err) {
    throw new Error(`invalid JSON in ${file}: ${(err as Error).message}`)
  }
}

export async function loadConfig(userConfigPath: string): Promise<SyncConfig> {
  let merged: SyncConfig = { ...defaults }
  for (const file of [SYSTEM_CONFIG, userConfigPath]) {
    if (!existsSync(file)) continue
    merged = { ...merged, ...(await readJson(file)) }
  }
  if (process.env.BUCKETSYNC_BUCKET) merged.bucket = process.env.BUCKETSYNC_BUCKET
  if (process.env.BUCKETSYNC_ENDPOINT) merged.endpoint = process.env.BUCKETSYNC_ENDPOINT
  return merged
}
