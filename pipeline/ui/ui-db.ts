// The control plane's one DuckDB over the KB (the same views and incremental cache as `scrum query`): reads are
// serialised on its connection, the KB files are looked at again at most every refreshMs, and each answer is
// memoised for the KB state it was computed from, so nothing is recomputed between two appends.
import { existsSync, statSync } from "node:fs";
import type { Config } from "../core/config";
import { kbPaths } from "../kb/paths";
import { openKb, plain, type KbDb } from "../query/open-kb";

export interface UiDbOptions {
  kbDir: string;
  signals: Config["signals"];
  /** Look at the KB files at most this often (ms); a running sweep appends many times a second. */
  refreshMs?: number;
  /** DuckDB settings (memory_limit, threads, temp_directory). */
  settings?: Record<string, string>;
  /** Derived tables views may `need`. */
  tables?: TableDefs;
  now?: () => number;
}

/** Distinct memoised answers per KB state before the oldest are dropped (filters and pages are open-ended). */
const MEMO_LIMIT = 512;

export type Row = Record<string, unknown>;

/** What a view's computation gets: queries on the connection, and derived tables built once per KB state. */
export interface DbContext {
  /** Plain rows (bigints as numbers) of one statement; `params` bind to $1, $2, ... */
  q(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Make sure a derived table (tables.ts) exists for the current KB state. */
  need(table: string): Promise<void>;
  /** The KB views themselves, for the analytics queries `scrum compare` and `scrum trust` run (kb-queries.ts, trust-db.ts). */
  kb: KbDb;
  /** Run `fn` on one DuckDB thread (for aggregates that cannot spill: two threads hold two hash tables). */
  oneThread<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * name → the statements that create it, and the tables it reads. `oneThread`: build it on one DuckDB thread,
 * which halves the memory of aggregates that cannot spill (two threads each hold their own hash tables).
 */
export type TableDefs = Record<string, { deps?: string[]; sql: string[]; oneThread?: boolean }>;

const stampOf = (p: string) => {
  if (!existsSync(p)) return "-";
  const st = statSync(p);
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
};

export class UiDb {
  private tail: Promise<unknown> = Promise.resolve();
  private memo = new Map<string, Promise<unknown>>();
  private checkedAt = -Infinity;
  private built = new Set<string>();
  private building = "";
  private serving: string | null = null;
  /** The KB files' sizes, mtimes and inodes the views were last built over. */
  stamp = "";

  private constructor(readonly kb: KbDb, private readonly o: UiDbOptions) {}

  static async open(o: UiDbOptions): Promise<UiDb> {
    // Building or extending the cache (parquet parts and their search index) runs with DuckDB's default memory;
    // serving runs under `memory_limit`. Building is not serving: it is once per KB, or once per nightly append.
    const { memory_limit: serving, ...rest } = o.settings ?? {};
    const kb = await openKb(o.kbDir, o.signals, { settings: rest, searchIndex: true });
    const db = new UiDb(kb, o);
    db.building = String((await kb.all("SELECT current_setting('memory_limit') AS m"))[0]?.m);
    db.serving = serving ?? null;
    await db.limit(db.serving);
    db.stamp = db.filesStamp();
    db.checkedAt = (o.now ?? Date.now)();
    return db;
  }

  private filesStamp(): string {
    const p = kbPaths(this.o.kbDir);
    return [p.reviews, p.trust, p.runs].map(stampOf).join("|");
  }

  /** Run `fn` alone on the connection (DuckDB work is serialised: two cores, one connection). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Follow the KB files: a changed stamp extends the cache, re-points the views and forgets every memo. */
  private async refresh(): Promise<void> {
    const now = (this.o.now ?? Date.now)();
    if (now - this.checkedAt < (this.o.refreshMs ?? 2000)) return;
    this.checkedAt = now;
    const s = this.filesStamp();
    if (s === this.stamp) return;
    await this.building_(() => this.kb.refresh());
    this.stamp = s;
    this.memo.clear();
    this.built.clear();
  }

  private async need(name: string): Promise<void> {
    if (this.built.has(name)) return;
    const def = this.o.tables?.[name];
    if (!def) throw new Error(`ui-db: no derived table ${name}`);
    for (const d of def.deps ?? []) await this.need(d);
    const build = async () => {
      for (const sql of def.sql) await this.kb.con.run(sql);
    };
    await (def.oneThread ? this.oneThread(build) : build());
    this.built.add(name);
  }

  private async oneThread<T>(fn: () => Promise<T>): Promise<T> {
    const threads = Number((await this.query("SELECT current_setting('threads') AS t"))[0]?.t);
    await this.kb.con.run("SET threads = 1");
    try {
      return await fn();
    } finally {
      await this.kb.con.run(`SET threads = ${threads}`);
    }
  }

  /**
   * The answer of `compute` for the current KB state, computed once per state. `compute` has the connection to
   * itself (it must not call `read`: that would wait on itself).
   */
  read<T>(key: string, compute: (ctx: DbContext) => Promise<T>): Promise<T> {
    // A remembered answer while no look at the files is due: no need to queue behind a running computation.
    const fresh = (this.o.now ?? Date.now)() - this.checkedAt < (this.o.refreshMs ?? 2000);
    const early = fresh ? this.memo.get(key) : undefined;
    if (early) return early as Promise<T>;
    return this.exclusive(async () => {
      await this.refresh();
      const hit = this.memo.get(key);
      if (hit) return hit as Promise<T>;
      const p = compute({ q: (sql, params) => this.query(sql, params), need: (t) => this.need(t), kb: this.kb, oneThread: (fn) => this.oneThread(fn) });
      if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(key, p);
      // A failure is not remembered: the next request tries again.
      p.catch(() => this.memo.get(key) === p && this.memo.delete(key));
      return p;
    });
  }

  /**
   * Run background work (the search index) alone on the connection, between views: one step at a time, so a
   * view waits for one step at most; it builds cache files, so it runs with the build memory.
   */
  task<T>(fn: () => Promise<T>): Promise<T> {
    return this.exclusive(() => this.building_(fn));
  }

  private async limit(m: string | null): Promise<void> {
    if (m) await this.kb.con.run(`SET memory_limit = '${m.replace(/'/g, "")}'`);
  }

  private async building_<T>(fn: () => Promise<T>): Promise<T> {
    await this.limit(this.serving && this.building);
    try {
      return await fn();
    } finally {
      await this.limit(this.serving);
    }
  }

  private async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    const r = await this.kb.con.runAndReadAll(sql, params as never);
    return r.getRowObjectsJS().map((o) => plain(o) as Row);
  }

  close(): void {
    this.kb.close();
  }
}
