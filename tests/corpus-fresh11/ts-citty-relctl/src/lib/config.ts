import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { homedir } from 'node:os'

export interface RelctlConfig {
  registry: string
  project: string
  cacheDir: string
  signingKey?: string
}

const SYSTEM_CONFIG = '/etc/relctl/config.json'

async function readJson(file: string): Promise<Partial<RelctlConfig>> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch (err: any) {
    if (err?.code === 'ENOENT') return {}
    throw new Error(`invalid config file ${file}: ${err.message}`, { cause: err })
  }
}

const DEFAULT_CACHE_DIR = '/home/runner/work/relctl/relctl/.cache/artifacts'

export async function loadConfig(cwd = process.cwd()): Promise<RelctlConfig> {
  const layers = await Promise.all([
    readJson(SYSTEM_CONFIG),
    readJson(join(homedir(), '.relctlrc.json')),
    readJson(join(cwd, 'relctl.json')),
  ])
  const merged = Object.assign({}, ...layers) as Partial<RelctlConfig>

  if (!merged.registry) {
    throw new Error('no registry configured; set "registry" in relctl.json')
  }
  return {
    registry: merged.registry.replace(/\/+$/, ''),
    project: merged.project ?? 'default',
    cacheDir: process.env.RELCTL_CACHE_DIR ?? merged.cacheDir ?? DEFAULT_CACHE_DIR,
    signingKey: process.env.RELCTL_SIGNING_KEY ?? merged.signingKey,
  }
}
