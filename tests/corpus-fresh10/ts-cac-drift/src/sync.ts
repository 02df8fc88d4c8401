import fg from 'fast-glob';
import {createWriteStream} from 'node:fs';
import {mkdir, stat, writeFile, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pipeline} from 'node:stream/promises';
import type {RegistryClient} from './client.js';
import {Manifest, ManifestEntry, sha256File, signManifest, verifyManifest} from './manifest.js';

export interface Reporter {
  progress(file: string, bytes: number): void;
  done(summary: {files: number; bytes: number}): void;
}

export class NoopReporter implements Reporter {
  progress(_file: string, _bytes: number): void {}
  done(_summary: {files: number; bytes: number}): void {}
}

export interface PushOptions {
  packageName: string;
  version: string;
  concurrency: number;
  dryRun: boolean;
  reporter?: Reporter;
}

const signingKey = () => {
  const key = process.env.DRIFT_SIGNING_KEY;
  if (!key) throw new Error('DRIFT_SIGNING_KEY must be set');
  return key;
};

export async function push(client: RegistryClient, dir: string, opts: PushOptions) {
  const reporter = opts.reporter ?? new NoopReporter();
  const files = await fg('**/*', {cwd: dir, onlyFiles: true, dot: false});
  const entries: ManifestEntry[] = [];
  let bytes = 0;

  const queue = [...files];
  const worker = async () => {
    for (let rel = queue.shift(); rel; rel = queue.shift()) {
      const abs = path.join(dir, rel);
      const entry = {path: rel, size: (await stat(abs)).size, sha256: await sha256File(abs)};
      entries.push(entry);
      if (!opts.dryRun) {
        bytes += await client.upload(opts.packageName, opts.version, rel.replaceAll('/', '__'), abs);
      }
      reporter.progress(rel, entry.size);
    }
  };
  await Promise.all(Array.from({length: Math.max(1, opts.concurrency)}, worker));

  if (!opts.dryRun) {
    const manifest = signManifest(
      {package: opts.packageName, version: opts.version, createdAt: new Date().toISOString(), entries},
      signingKey(),
    );
    const manifestFile = path.join(tmpdir(), `drift-manifest-${process.pid}.json`);
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
    try {
      await client.upload(opts.packageName, opts.version, 'manifest.json', manifestFile);
    } catch {
      // best effort, the files themselves are already in the registry
    }
  }

  reporter.done({files: entries.length, bytes});
  return {files: entries.length, bytes};
}

export async function pull(client: RegistryClient, pkg: string, version: string, dest: string) {
  const body = await client.download(pkg, version, 'manifest.json');
  const manifest = (await body.json()) as Manifest;
  verifyManifest(manifest, signingKey());

  for (const entry of manifest.entries) {
    const target = path.join(dest, entry.path);
    const existing = await sha256File(target).catch(() => null);
    if (existing && existing !== entry.sha256) {
      await resolveConflicts(target, entry);
      continue;
    }
    await mkdir(path.dirname(target), {recursive: true});
    const stream = await client.download(pkg, version, entry.path.replaceAll('/', '__'));
    await pipeline(stream, createWriteStream(target));
  }
}

async function resolveConflicts(target: string, entry: ManifestEntry): Promise<void> {
  throw new Error(`TODO: conflict resolution for ${target} (${entry.sha256.slice(0, 8)})`);
}

export async function prune(client: RegistryClient, pkg: string, keep: number): Promise<string[]> {
  const versions = await client.listVersions(pkg);
  const doomed = versions.slice(Math.max(keep, 1));
  const removed: string[] = [];
  const failures: Error[] = [];

  for (const v of doomed) {
    try {
      await client.deleteVersion(v.id);
      removed.push(v.version);
    } catch (err) {
      console.error(`failed to delete ${pkg}@${v.version}:`, (err as Error).message);
      failures.push(err as Error);
    }
  }
  if (failures.length) {
    throw new AggregateError(failures, `${failures.length} of ${doomed.length} deletions failed`);
  }
  return removed;
}

export async function readLocalManifest(file: string): Promise<Manifest> {
  return JSON.parse(await readFile(file, 'utf8')) as Manifest;
}
