// The observer process: owns the port, the ops log, the tailer and the analysis timer.
import { join } from "node:path";
import type { Config, Rung } from "../core/config";
import { createObserverApp } from "./app";
import type { CompleteFn } from "./complete-fn";
import type { TailMark } from "./event";
import { hostGuard } from "./host-guard";
import { InsightCycle, type CycleReport } from "./insight-cycle";
import { ioError, listenError } from "./io-error";
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
  /** Secrets are redacted from model prompts per rung locality (config `redaction`; default: remote only). */
  redaction?: Config["redaction"];
  /** The observer's prompts (default: prompts/observer under the install root). */
  promptsDir?: string;
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

/** Run `fn` on a timer without overlapping runs; `now()` runs it through the same guard. Errors become warnings. */
function every(ms: number, fn: () => Promise<unknown>, warn: (m: string) => void) {
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= fn()
      .then(() => undefined, (e) => warn(`scrum: warning: observer: ${(e as Error).message}`))
      .finally(() => (running = null));
    return running;
  };
  const t = setInterval(tick, ms);
  return {
    now: tick,
    async stop() {
      clearInterval(t);
      await running;
    },
  };
}

export async function startObserver(o: ObserverOptions): Promise<RunningObserver> {
  const now = o.now ?? (() => new Date());
  const paths = observerPaths(o.dataDir);
  const state = new OpState(o.ringSize);
  // The newest correction stored in the log: a crash between storing it and saving the offset must not re-read it.
  let lastTail: TailMark | null = null;
  let store: OpStore;
  let insights: InsightCycle;
  let tailer: CorrectionsTailer | null;
  try {
    store = await OpStore.open(paths.ops, { onRow: (r) => { state.record(r); if (r.tail) lastTail = r.tail; }, warn: o.warn });
  } catch (e) {
    throw ioError(e, `data directory ${o.dataDir}`, "pass --data DIR with a writable directory");
  }
  const append = (row: Parameters<typeof store.append>[0]) => store.append(row);
  try {
    insights = new InsightCycle({
      dataDir: o.dataDir, snapshot: () => state.ring.toArray(), rungs: o.rungs, complete: o.complete, env: o.env, redaction: o.redaction, promptsDir: o.promptsDir,
      now, warn: o.warn, playbookEvery: o.playbookEvery, minSuccesses: o.minSuccesses,
    });
    tailer = o.corrections ? new CorrectionsTailer({ path: o.corrections, offsetFile: paths.tailOffset, append, now, warn: o.warn, recovered: lastTail }) : null;
  } catch (e) {
    await store.close();
    throw ioError(e, `data directory ${o.dataDir}`);
  }
  let port = o.port;
  const app = createObserverApp({ state, append, maxBodyBytes: o.maxBodyBytes, apiKey: o.apiKey, now, insights: () => insights.latest(), allowHost: hostGuard(o.host, () => port) });

  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({ hostname: o.host, port: o.port, fetch: app.fetch, maxRequestBodySize: o.maxBodyBytes + 1024 });
  } catch (e) {
    await store.close();
    throw listenError(e, o.host, o.port, "is another observer running? pick --port");
  }
  port = server.port!;
  const cycle = async () => {
    const r = await insights.run();
    o.onCycle?.(r);
    return r;
  };
  const cycleTimer = every(o.cycleMs, cycle, o.warn);
  const tailTimer = tailer ? every(o.tailMs ?? Math.min(1000, o.cycleMs), () => tailer.poll(), o.warn) : null;
  const pollCorrections = async () => {
    if (tailer) await tailer.poll();
  };
  await tailTimer?.now();
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    cycle,
    pollCorrections,
    async stop() {
      await Promise.all([cycleTimer.stop(), tailTimer?.stop()]);
      state.close();
      await server.stop();
      await store.close();
    },
  };
}
