// The control plane's one DuckDB over the KB (the same views and incremental cache as `scrum query`): reads are
// serialised on its connection, the KB files are looked at again at most every refreshMs, and each answer is
// memoised for the KB state it was computed from, so nothing is recomputed between two appends.
import type { Config } from "../core/config";
import { kbPaths } from "../kb/paths";
import { lit } from "../query/fingerprint-sql";
import { openKb, plain, type KbDb } from "../query/open-kb";
import { trustViewSql } from "../query/views";
import { fileStamp, savedState, type SavedAnswers } from "./saved-answers";

export interface UiDbOptions {
  kbDir: string;
  signals: Config["signals"];
  /** Look at the KB files at most this often (ms); a running sweep appends many times a second. */
  refreshMs?: number;
  /** DuckDB settings (memory_limit, threads, temp_directory). */
  settings?: Record<string, string>;
  /** Derived tables views may `need`. */
  tables?: TableDefs;
  /** Keep the derived tables and the answers read with `save` on disk for the KB state (saved-answers.ts). */
  saved?: { store: SavedAnswers; policy: unknown };
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
    db.useSavedState();
    db.checkedAt = (o.now ?? Date.now)();
    return db;
  }

  private filesStamp(): string {
    const p = kbPaths(this.o.kbDir);
    return [p.reviews, p.trust, p.runs].map(fileStamp).join("|");
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
    this.useSavedState();
    // The pinned copy belongs to the previous state (and goes when this state saves): back to the JSONL.
    if (this.trustPinned) await this.kb.con.run(trustViewSql(this.o.kbDir));
    this.trustPinned = false;
    this.memo.clear();
    this.built.clear();
  }

  private useSavedState(): void {
    this.o.saved?.store.use(savedState(this.o.kbDir, this.o.saved.policy));
  }

  private trustPinned = false;

  /**
   * Point the `trust` view at a parquet copy of model_trust.jsonl kept with the saved answers. The answers worth
   * saving scan the trust rows six times; over the JSONL each scan parses every line again and holds DuckDB
   * memory outside its limit, which set the server's peak. One copy per KB state, made on one thread.
   */
  private async pinTrust(): Promise<void> {
    const store = this.o.saved?.store;
    if (this.trustPinned || !store) return;
    this.trustPinned = true;
    try {
      const kept = store.table("kb_trust") ?? (await this.saveParquet(store, "kb_trust", "SELECT * FROM trust"));
      if (kept) await this.kb.con.run(`CREATE OR REPLACE VIEW trust AS SELECT * FROM read_parquet(${lit(kept)})`);
    } catch {
      this.trustPinned = false; // the JSONL view stays; the answer is computed over it
    }
  }

  /**
   * Write `select` as the store's parquet file `name` for the current state; its path, or null when the store
   * cannot be written. One thread and small row groups: the copy must not raise the server's peak memory.
   */
  private async saveParquet(store: SavedAnswers, name: string, select: string): Promise<string | null> {
    const target = store.tableTarget(name);
    if (!target) return null;
    await this.oneThread(() => this.kb.con.run(`COPY (${select}) TO ${lit(target.path)} (FORMAT parquet, ROW_GROUP_SIZE 8192)`));
    target.commit();
    return store.table(name);
  }

  private async need(name: string): Promise<void> {
    if (this.built.has(name)) return;
    const def = this.o.tables?.[name];
    if (!def) throw new Error(`ui-db: no derived table ${name}`);
    const store = this.o.saved?.store;
    const kept = store?.table(name);
    if (kept) {
      await this.kb.con.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM read_parquet(${lit(kept)})`);
      this.built.add(name);
      return;
    }
    for (const d of def.deps ?? []) await this.need(d);
    const build = async () => {
      for (const sql of def.sql) await this.kb.con.run(sql);
    };
    await (def.oneThread ? this.oneThread(build) : build());
    this.built.add(name);
    if (!store) return;
    try {
      await this.saveParquet(store, name, `SELECT * FROM ${name}`);
    } catch { /* not kept: the next start builds it again */ }
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
  read<T>(key: string, compute: (ctx: DbContext) => Promise<T>, opts: { save?: boolean } = {}): Promise<T> {
    // A remembered answer while no look at the files is due: no need to queue behind a running computation.
    const fresh = (this.o.now ?? Date.now)() - this.checkedAt < (this.o.refreshMs ?? 2000);
    const early = fresh ? this.memo.get(key) : undefined;
    if (early) return early as Promise<T>;
    return this.exclusive(async () => {
      await this.refresh();
      const hit = this.memo.get(key);
      if (hit) return hit as Promise<T>;
      const store = opts.save ? this.o.saved?.store : undefined;
      const kept = store?.answer<T>(key);
      if (store && kept === undefined) await this.pinTrust();
      const ctx: DbContext = { q: (sql, params) => this.query(sql, params), need: (t) => this.need(t), kb: this.kb, oneThread: (fn) => this.oneThread(fn) };
      // An answer that does not fit the serving limit (an aggregate that cannot spill, on a KB bigger or wider
      // than the limit was sized for) is computed again once with the build memory, rather than failing the view.
      const p = kept !== undefined ? Promise.resolve(kept) : compute(ctx).catch((e: unknown) => {
        if (!/Out of Memory/i.test(String((e as Error)?.message ?? e)) || !this.serving) throw e;
        return this.building_(() => compute(ctx));
      });
      if (store && kept === undefined) void p.then((v) => { try { store.save(key, v); } catch { /* not kept: computed again next start */ } }, () => undefined);
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
