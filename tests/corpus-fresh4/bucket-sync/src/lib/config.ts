import os from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';

/**
 * Resolve the per-user configuration directory.
 * On macOS this is usually ~/Library/Application Support/bucket-sync,
 * e.g. /Users/alice/Library/Application Support/bucket-sync.
 */
export function configDir(): string {
  if (process.env.BUCKET_SYNC_HOME) return process.env.BUCKET_SYNC_HOME;
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', 'bucket-sync');
  }
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'bucket-sync');
}

export const MANIFEST_CACHE = process.env.BUCKET_SYNC_CACHE ?? '/Users/tgrabowski/.cache/bucket-sync/manifests';

export async function clearStaleLock(lockFile: string): Promise<void> {
  try {
    await rm(lockFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
