// The control plane process: opens the KB in DuckDB, owns the port, warms the derived tables, builds the
// search index in the background, and runs the console's feed; everything else is the pure app.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../core/config";
import { kbPaths } from "../kb/paths";
import { hostGuard } from "../observer/host-guard";
import { listenError } from "../observer/io-error";
import { createUiApp, prefetchViews } from "./app";
import { ConsoleHub } from "./console-hub";
import { ImportEdges } from "./import-edges";
import { fetchObserverStats } from "./observer-feed";
import { SearchIndexer } from "./search-indexer";
import { ProgressTail } from "./sweep-progress";
import { UI_TABLES } from "./tables";
import { UiDb } from "./ui-db";

/** The environment variable holding the UI's API key (required to bind anything but loopback). */
export const UI_KEY_ENV = "SCRUM_UI_KEY";

/**
 * DuckDB's memory for the UI when not given: a KB's reviews file size over 1.5, between 96 MB and 160 MB (a
 * long-lived server should stay small; queries past the limit spill to a temp directory instead).
 */
export function autoMemoryLimit(kbDir: string): string {
  const p = kbPaths(kbDir).reviews;
  const size = existsSync(p) ? statSync(p).size : 0;
  return `${Math.round(Math.min(160, Math.max(96, size / 1.5 / 2 ** 20)))}MB`;
}

export interface UiOptions {
  kbDir: string;
  repoDir: string;
  signals: Config["signals"];
  observerUrl?: string;
  /** The observer's API key, sent on /stats and /ops/stream. */
  observerKey?: string;
  observerTimeoutMs?: number;
  /** The UI's own key (see UI_KEY_ENV). */
  apiKey?: string;
  /** DuckDB memory_limit; default autoMemoryLimit. */
  memoryLimit?: string;
  refreshMs?: number;
  /** Console: how often the sweep's progress is read, and the first reconnect delay to the observer. */
  pollMs?: number;
  retryMs?: number;
  fetch?: typeof fetch;
  warn?: (m: string) => void;
}

export interface RunningUi {
  url: string;
  port: number;
  db: UiDb;
  search: SearchIndexer;
  /** Resolves when the derived tables are built (the first MAP and TRAJECTORY need no more work). */
  warm: Promise<void>;
  /** Resolves when METRICS and its slow tables are computed too. */
  prefetched: Promise<void>;
  stop: () => Promise<void>;
}

export async function startUi(o: UiOptions, listen: { host: string; port: number }): Promise<RunningUi> {
  const spill = mkdtempSync(join(tmpdir(), "scrum-ui-"));
  const db = await UiDb.open({
    kbDir: o.kbDir, signals: o.signals, tables: UI_TABLES, refreshMs: o.refreshMs,
    settings: { memory_limit: o.memoryLimit ?? autoMemoryLimit(o.kbDir), temp_directory: spill },
  });
  const search = new SearchIndexer(db, join(o.kbDir, ".cache"));
  const tail = new ProgressTail(o.kbDir);
  const fetchFn = o.fetch ?? fetch;
  const hub = new ConsoleHub({ observerUrl: o.observerUrl, apiKey: o.observerKey, fetch: fetchFn, progress: () => tail.poll(), pollMs: o.pollMs, retryMs: o.retryMs });
  let port = listen.port;
  const warmed = { tables: false, prefetched: false };
  const app = createUiApp({
    warmed: () => ({ ...warmed }),
    db, kbDir: o.kbDir, repoDir: o.repoDir, signals: o.signals, console: hub, search, edges: new ImportEdges(o.repoDir), apiKey: o.apiKey,
    observer: () => fetchObserverStats(o.observerUrl, { fetch: fetchFn, timeoutMs: o.observerTimeoutMs ?? 2000, apiKey: o.observerKey }),
    allowHost: hostGuard(listen.host, () => port),
  });
  let server: ReturnType<typeof Bun.serve>;
  try {
    // A first view over a big KB under load can take longer than Bun's default 10 s idle timeout.
    server = Bun.serve({ hostname: listen.host, port: listen.port, fetch: app.fetch, maxRequestBodySize: 1024, idleTimeout: 120 });
  } catch (e) {
    hub.stop();
    db.close();
    rmSync(spill, { recursive: true, force: true });
    throw listenError(e, listen.host, listen.port, "pick another --port");
  }
  port = server.port!;
  let stopped = false;
  // Warm the tables every first view needs, one at a time, so a request arriving meanwhile waits for one step
  // only; then index for search.
  const warm = (async () => {
    for (const t of ["ui_files", "ui_signals", "ui_iters", "ui_options"]) await db.read(`warm:${t}`, (c) => c.need(t));
  })().catch((e) => o.warn?.(`scrum ui: warning: ${(e as Error).message.split("\n")[0]}`));
  const prefetch = warm.then(() => {
    warmed.tables = true;
    return stopped ? undefined : prefetchViews(db, () => stopped);
  }).catch(() => undefined).then(() => void (warmed.prefetched = true));
  void prefetch.then(() => {
    if (!stopped) void search.start();
  });
  const host = listen.host.includes(":") ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}`, port, db, search, warm, prefetched: prefetch,
    stop: async () => {
      stopped = true;
      hub.stop();
      await server.stop(true);
      await prefetch;
      await search.close();
      db.close();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}
