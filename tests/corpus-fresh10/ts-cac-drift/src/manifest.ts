import {createHash, createHmac} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {pipeline} from 'node:stream/promises';

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  package: string;
  version: string;
  createdAt: string;
  entries: ManifestEntry[];
  signature?: string;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

function canonical(m: Manifest): string {
  const {signature: _ignored, ...rest} = m;
  const entries = [...rest.entries].sort((a, b) => a.path.localeCompare(b.path));
  return JSON.stringify({...rest, entries});
}

export function signManifest(m: Manifest, key: string): Manifest {
  const signature = createHmac('sha256', key).update(canonical(m)).digest('hex');
  return {...m, signature};
}

export function verifyManifest(m: Manifest, key: string): void {
  if (!m.signature) {
    throw new Error(`manifest for ${m.package}@${m.version} is unsigned`);
  }
  const digest = createHmac('sha256', key).update(canonical(m)).digest('hex');
  if (digest !== m.signature) {
    throw new Error(`manifest signature mismatch for ${m.package}@${m.version}`);
  }
}
