// The observer process: owns the port, the ops log, the tailer and the analysis timer.
import { join } from "node:path";
import type { Rung } from "../core/config";
import { RuntimeError } from "../core/errors";
import { createObserverApp } from "./app";
import type { CompleteFn } from "./complete-fn";
import { InsightCycle, type CycleReport } from "./insight-cycle";
import { OpState } from "./op-state";
import { OpStore } from "./op-store";
import { CorrectionsTailer } from "./tailer";

export interface ObserverOptions {
  host: string;
  port: number;
  dataDir: string;
  ringSize: number;
  maxBodyBytes: number;
  apiKey?: string;
  cycleMs: number;
  /** Tail interval for the corrections file. */
  tailMs?: number;
  corrections?: string;
  rungs: Rung[];
  complete?: CompleteFn;
  env: Record<string, string | undefined>;
  playbookEvery: number;
  minSuccesses: number;
  now?: () => Date;
  warn: (msg: string) => void;
  onCycle?: (r: CycleReport) => void;
}

export interface RunningObserver {
  url: string;
  port: number;
  state: OpState;
  /** Run one analysis cycle now (tests, and the timer). */
  cycle: () => Promise<CycleReport>;
  pollCorrections: () => Promise<void>;
  stop: () => Promise<void>;
}

export const observerPaths = (dataDir: string) => ({ ops: join(dataDir, "ops.jsonl"), tailOffset: join(dataDir, "corrections.offset.json") });

/** Run `fn` on a timer without overlapping runs; errors become warnings, never crashes. */
function every(ms: number, fn: () => Promise<unknown>, warn: (m: string) => void): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = fn().catch((e) => warn(`scrum: warning: observer: ${(e as Error).message}`)).finally(() => (running = null));
  };
  const t = setInterval(tick, ms);
  return async () => {
    clearInterval(t);
    await running;
  };
}

export async function startObserver(o: ObserverOptions): Promise<RunningObserver> {
  const now = o.now ?? (() => new Date());
  const paths = observerPaths(o.dataDir);
  const state = new OpState(o.ringSize);
  const store = await OpStore.open(paths.ops, { onRow: (r) => state.record(r), warn: o.warn });
  const append = (row: Parameters<typeof store.append>[0]) => store.append(row);
  const insights = new InsightCycle({
    dataDir: o.dataDir, snapshot: () => state.ring.toArray(), rungs: o.rungs, complete: o.complete, env: o.env,
    now, warn: o.warn, playbookEvery: o.playbookEvery, minSuccesses: o.minSuccesses,
  });
  const tailer = o.corrections ? new CorrectionsTailer({ path: o.corrections, offsetFile: paths.tailOffset, append, now, warn: o.warn }) : null;
  const app = createObserverApp({ state, append, maxBodyBytes: o.maxBodyBytes, apiKey: o.apiKey, now, insights: () => insights.latest() });

  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({ hostname: o.host, port: o.port, fetch: app.fetch, maxRequestBodySize: o.maxBodyBytes + 1024 });
  } catch (e) {
    await store.close();
    throw new RuntimeError("E_LISTEN", `cannot listen on ${o.host}:${o.port}: ${(e as Error).message.split("\n")[0]}`, "is another observer running? pick --port");
  }
  const cycle = async () => {
    const r = await insights.run();
    o.onCycle?.(r);
    return r;
  };
  const pollCorrections = async () => {
    if (tailer) await tailer.poll();
  };
  const stopCycle = every(o.cycleMs, cycle, o.warn);
  const stopTail = tailer ? every(o.tailMs ?? Math.min(1000, o.cycleMs), pollCorrections, o.warn) : async () => {};
  if (tailer) await pollCorrections().catch((e) => o.warn(`scrum: warning: observer: ${(e as Error).message}`));
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${server.port}`,
    port: server.port!,
    state,
    cycle,
    pollCorrections,
    async stop() {
      await Promise.all([stopCycle(), stopTail()]);
      await server.stop();
      await store.close();
    },
  };
}
