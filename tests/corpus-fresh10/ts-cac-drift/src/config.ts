import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import path from 'node:path';

export interface DriftConfig {
  registryUrl: string;
  projectId: number;
  packageName: string;
  cacheDir: string;
  proxy?: string;
}

const SYSTEM_CONFIG = '/etc/drift/config.json';

const DEFAULTS: DriftConfig = {
  registryUrl: 'https://gitlab.com/api/v4',
  projectId: 0,
  packageName: 'artifacts',
  cacheDir: '/home/gitlab-runner/builds/acme/drift/.drift-cache',
};

async function readJson(file: string): Promise<Partial<DriftConfig>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Partial<DriftConfig>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return {};
    }
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
}

/**
 * Merges, lowest precedence first: built-in defaults, /etc/drift/config.json,
 * ~/.config/drift.json, ./drift.json (or the file given with --config), and
 * DRIFT_* environment variables.
 */
export async function loadConfig(explicit?: string): Promise<DriftConfig> {
  const user = path.join(homedir(), '.config', 'drift.json');
  const local = explicit ? path.resolve(explicit) : path.resolve('drift.json');

  const merged: DriftConfig = {
    ...DEFAULTS,
    ...(await readJson(SYSTEM_CONFIG)),
    ...(await readJson(user)),
    ...(await readJson(local)),
  };

  if (process.env.DRIFT_REGISTRY_URL) merged.registryUrl = process.env.DRIFT_REGISTRY_URL;
  if (process.env.DRIFT_PROJECT_ID) merged.projectId = Number(process.env.DRIFT_PROJECT_ID);
  if (process.env.DRIFT_CACHE_DIR) merged.cacheDir = process.env.DRIFT_CACHE_DIR;

  if (!Number.isInteger(merged.projectId) || merged.projectId <= 0) {
    throw new Error('projectId must be a positive integer (set it in drift.json or DRIFT_PROJECT_ID)');
  }
  return merged;
}

export function expandHome(p: string): string {
  return p.startsWith('~/') ? path.join(homedir(), p.slice(2)) : p;
}
