// A planting worker: compiles the operators it is sent once, then finds the sites of each batch of files
// it is given (find-sites-parallel.ts hands out the batches and puts the answers back in order).
import { compileOperator, type MutationOperator } from "./compile-operator";
import { findSites, type SourceText } from "./find-sites";
import type { MutationSpec } from "./mutation-spec";

export type WorkerRequest = { init: { specs: MutationSpec[]; seed: string } } | { batch: number; files: SourceText[] };
export type WorkerReply = { ready: true } | { batch: number; sites: ReturnType<typeof findSites> } | { error: string };

declare const self: Worker;
let ops: MutationOperator[] = [];
let seed = "";

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const m = event.data;
  try {
    if ("init" in m) {
      ops = m.init.specs.map((s) => compileOperator(s));
      seed = m.init.seed;
      self.postMessage({ ready: true } satisfies WorkerReply);
    } else {
      self.postMessage({ batch: m.batch, sites: findSites(m.files, ops, seed) } satisfies WorkerReply);
    }
  } catch (e) {
    self.postMessage({ error: (e as Error).message.split("\n")[0] ?? String(e) } satisfies WorkerReply);
  }
};
