// Site finding over both cores (or more): the files go out in batches to workers, each with the operators
// compiled once, and the sites come back in file order, so the result equals findSites' exactly.
import { availableParallelism } from "node:os";
import { RuntimeError } from "../core/errors";
import type { MutationOperator } from "./compile-operator";
import { findSites, type Site, type SourceText } from "./find-sites";
import type { WorkerReply, WorkerRequest } from "./site-worker";

export interface ParallelOptions {
  /** Workers to start; 1 (or a repository too small to repay starting them) finds sites in this thread. */
  workers?: number;
  batchFiles?: number;
}

/** Below this many files per worker, starting workers (each parses the grammars and compiles) costs more than it saves. */
const FILES_PER_WORKER = 300;

export function defaultWorkers(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, 8, Math.floor(files / FILES_PER_WORKER)));
}

export async function findSitesParallel(files: readonly SourceText[], ops: readonly MutationOperator[], seed: string, opts: ParallelOptions = {}): Promise<Site[]> {
  const n = opts.workers ?? defaultWorkers(files.length);
  if (n <= 1) return findSites(files, ops, seed);
  // Small batches balance the load (one worker may share its core with other work); each costs a message.
  const size = opts.batchFiles ?? Math.max(25, Math.ceil(files.length / (n * 16)));
  const batches: SourceText[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size).map((f) => ({ path: f.path, content: f.content })));
  const results: Site[][] = new Array(batches.length);
  let next = 0;
  const specs = ops.map((o) => o.spec);
  const workers = Array.from({ length: Math.min(n, batches.length) }, () => new Worker(new URL("./site-worker.ts", import.meta.url).href));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = (req: WorkerRequest) => w.postMessage(req);
      const feed = () => {
        if (next >= batches.length) return resolve();
        const batch = next++;
        send({ batch, files: batches[batch]! });
      };
      w.onerror = (e) => reject(new RuntimeError("E_PLANT", `a planting worker failed: ${e.message}`));
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        const r = e.data;
        if ("error" in r) return reject(new RuntimeError("E_PLANT", `a planting worker failed: ${r.error}`));
        if ("batch" in r) results[r.batch] = r.sites;
        feed();
      };
      send({ init: { specs, seed } });
    })));
  } finally {
    for (const w of workers) w.terminate();
  }
  return results.flat();
}
