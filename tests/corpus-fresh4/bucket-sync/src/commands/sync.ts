import fg from 'fast-glob';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ObjectClient, createClient } from '../lib/http.js';
import { reportUsage } from '../lib/telemetry.js';

export interface SyncOptions {
  dryRun: boolean;
  delete: boolean;
  concurrency: number;
  endpoint: string;
  insecure: boolean;
}

export interface SyncSummary {
  uploaded: number;
  skipped: number;
  deleted: number;
}

async function uploadOne(
  client: ObjectClient,
  bucket: string,
  key: string,
  file: string,
  dryRun: boolean,
): Promise<boolean> {
  const info = await stat(file);
  const remote = await client.head(bucket, key);
  if (remote && remote.size === info.size && remote.mtime >= info.mtimeMs) {
    return false;
  }
  await client.put(bucket, key, await readFile(file));
  return true;
}

function parseDest(dest: string): { bucket: string; prefix: string } {
  const url = new URL(dest);
  if (url.protocol !== 's3:') throw new Error(`unsupported destination ${dest}`);
  return { bucket: url.hostname, prefix: url.pathname.replace(/^\//, '') };
}

export async function runSync(source: string, dest: string, opts: SyncOptions): Promise<SyncSummary> {
  const { bucket, prefix } = parseDest(dest);
  const client = createClient({ endpoint: opts.endpoint, insecure: opts.insecure });
  const files = await fg('**/*', { cwd: source, dot: false, onlyFiles: true });
  const summary: SyncSummary = { uploaded: 0, skipped: 0, deleted: 0 };

  const queue = [...files];
  const workers = Array.from({ length: opts.concurrency }, async () => {
    for (let rel = queue.shift(); rel; rel = queue.shift()) {
      const key = path.posix.join(prefix, rel);
      if (opts.dryRun) console.log(`would upload ${rel} -> s3://${bucket}/${key}`);
      const changed = await uploadOne(client, bucket, key, path.join(source, rel), opts.dryRun);
      changed ? summary.uploaded++ : summary.skipped++;
    }
  });
  await Promise.all(workers);

  if (opts.delete) {
    const local = new Set(files.map((f) => path.posix.join(prefix, f)));
    for (const obj of await client.list(bucket, prefix)) {
      if (!local.has(obj.key)) {
        if (!opts.dryRun) await client.remove(bucket, obj.key);
        summary.deleted++;
      }
    }
  }

  reportUsage({ command: 'sync', files: files.length });
  return summary;
}
