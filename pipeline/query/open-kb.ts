// Open a KB in DuckDB (in memory): fingerprint macros, the reviews cache, and the views.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../core/config";
import { RuntimeError } from "../core/errors";
import { fingerprintMacros } from "./fingerprint-sql";
import { kbPaths } from "../kb/paths";
import { checkedReviews, reviewsSource, type ReviewsSource, type Skipped } from "./reviews-cache";
import { createViews, smallChecked } from "./views";

export type KbFile = "reviews" | "trust" | "runs" | "audits";

export interface KbDb {
  con: DuckDBConnection;
  /** How the last open or refresh found the reviews cache. */
  readonly cache: ReviewsSource["cache"];
  /** Where `reviews` reads from now (the cache's parts, when it has them). */
  source(): ReviewsSource;
  /**
   * Look at the KB files again: extend (or rebuild) the reviews cache and point the views at it. True when the
   * views changed. For long-lived readers (the UI); a command opens, reads and closes.
   */
  refresh(): Promise<boolean>;
  /** Rows as plain JS objects (BIGINT → number when safe). */
  all(sql: string): Promise<Record<string, unknown>[]>;
  /** Rows via DuckDB's JSON conversion: faster for big results, but BIGINT comes back as a string. */
  json(sql: string): Promise<Record<string, unknown>[]>;
  plain: typeof plain;
  /** Lines of these KB files the views leave out (torn, not JSON, or rejected by the row schema), by file path. */
  skipped(files: KbFile[]): Promise<{ path: string; file: KbFile; json: number; row: number }[]>;
  close(): void;
}

/** Plain JSON-friendly values: bigints become numbers when they fit. */
export function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

export interface OpenKbOptions {
  /** false: read the JSONL directly. */
  cache?: boolean;
  /** false: skip keeping the last row per (repo, iter, file, chunk) on the direct path (benchmark baselines only). */
  dedupe?: boolean;
  /** DuckDB settings for the instance (memory_limit, threads, temp_directory), for long-lived readers. */
  settings?: Record<string, string>;
  /** Build the search index (search-index.ts) of each cache part this reader writes. */
  searchIndex?: boolean;
}

export async function openKb(kbDir: string, signals: Config["signals"], opts: OpenKbOptions = {}): Promise<KbDb> {
  const instance = await DuckDBInstance.create(":memory:", opts.settings);
  const con = await instance.connect();
  try {
    for (const m of fingerprintMacros(signals.lineBucket)) await con.run(m);
    let src = await reviewsSource(con, kbDir, opts);
    await createViews(con, kbDir, src.sql, signals, { singleRows: src.singleRows });
    return {
      con,
      get cache() {
        return src.cache;
      },
      source: () => src,
      async refresh() {
        const next = await reviewsSource(con, kbDir, opts);
        const changed = next.sql !== src.sql || next.singleRows !== src.singleRows;
        src = next;
        if (changed) await createViews(con, kbDir, src.sql, signals, { singleRows: src.singleRows });
        return changed;
      },
      plain,
      async all(sql) {
        const r = await con.runAndReadAll(sql);
        return r.getRowObjectsJS().map((o) => plain(o) as Record<string, unknown>);
      },
      async json(sql) {
        return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
      },
      async skipped(files) {
        const paths = kbPaths(kbDir);
        return Promise.all(files.map(async (file) => {
          // The cache manifest counted the reviews already; otherwise (and for the small files) one scan.
          const known: Skipped | null = file === "reviews" ? src.skipped : null;
          if (known) return { path: paths[file], file, ...known };
          const rel = file === "reviews" ? checkedReviews(paths.reviews) : smallChecked(kbDir, file);
          const r = (await con.runAndReadAll(`SELECT count(*) FILTER (WHERE scrum_skip = 'json'), count(*) FILTER (WHERE scrum_skip = 'row') FROM ${rel}`)).getRowsJS()[0] ?? [0, 0];
          return { path: paths[file], file, json: Number(r[0]), row: Number(r[1]) };
        }));
      },
      close() {
        con.closeSync();
        instance.closeSync();
      },
    };
  } catch (e) {
    con.closeSync();
    instance.closeSync();
    if (e instanceof Error && e.name === "ConfigError") throw e;
    throw new RuntimeError("E_KB", `cannot open the KB in ${kbDir}: ${(e as Error).message.split("\n")[0]}`);
  }
}
