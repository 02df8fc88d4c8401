// Columnar copy of scrum_reviews.jsonl under <kb>/.cache: parquet parts plus a manifest of the bytes they
// cover. A grown JSONL costs one new part read from the new bytes only; a truncated or rewritten one is
// rebuilt from scratch (cache-plan.ts decides). The JSONL stays the source of truth: delete .cache at will.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { LEXICON_VERSION } from "../analytics/fingerprint-lexicon";
import { kbPaths } from "../kb/paths";
import { CACHE_FORMAT, CacheManifest, planCache, windowsFor, type CachePart, type JsonlNow } from "./cache-plan";
import { REVIEW_COLUMNS, REVIEW_SELECT } from "./columns";
import { lit } from "./fingerprint-sql";
import { checkedRows } from "./json-lines";
import { REVIEW_VALID } from "./row-checks";
import { indexPart, removeStaleIndexes } from "./search-index";

export { CACHE_FORMAT } from "./cache-plan";

export interface ReviewsSource {
  /** A relation (sub-select or table function) with the `reviews` view's columns. */
  sql: string;
  cache: "none" | "hit" | "appended" | "rebuilt" | "unwritable";
  /** Why the cache was rebuilt, when it was. */
  reason?: string;
  /** Lines left out (not JSON / not a valid row): from the manifest, or null when only a scan can tell. */
  skipped: Skipped | null;
  /** The parquet parts behind `sql` (absolute paths, oldest first), or null when it reads the JSONL. */
  parts: string[] | null;
  /** The manifest's `single_rows` (false when unknown). */
  singleRows: boolean;
}

export interface Skipped { json: number; row: number }

const VERSIONS = { format: CACHE_FORMAT, lexicon: LEXICON_VERSION };
const KEY = "repo, iter, file, chunk";
/** Parts no manifest lists are deleted only when this old: a concurrent reader may still be scanning them. */
const ORPHAN_GRACE_MS = 10 * 60_000;

/** The rows of `rel` with only the last row per (repo, iter, file, chunk); `order` columns rank rows oldest first. */
export function lastPerKey(rel: string, order: string[], extra: string[]): string {
  const newest = order.map((c) => `${c} DESC`).join(", ");
  return `(SELECT * EXCLUDE (${extra.join(", ")}) FROM ${rel} QUALIFY row_number() OVER (PARTITION BY ${KEY} ORDER BY ${newest}) = 1)`;
}

/** Every line of the JSONL (or none when null) as review columns plus `scrum_skip` (see json-lines.ts). */
export const checkedReviews = (path: string | null) => checkedRows(path, REVIEW_COLUMNS, REVIEW_SELECT, REVIEW_VALID);

/** The kept rows of a relation that has `scrum_skip`, without that column. */
const kept = (rel: string, extra = "") => `(SELECT * EXCLUDE (scrum_skip${extra}) FROM ${rel} WHERE scrum_skip IS NULL)`;

/**
 * Parts hold every line, bad ones flagged in `scrum_skip`, so the manifest can count them for free; when it
 * counts none, the filter is left out (a clean KB pays nothing for it).
 */
export function partsRelation(dir: string, m: CacheManifest): string {
  const list = `[${m.parts.map((p) => lit(join(dir, p.name))).join(", ")}]`;
  const clean = m.parts.every((p) => p.skipped_json + p.skipped_rows === 0);
  if (!m.duplicates) return clean ? `(SELECT * EXCLUDE (scrum_skip) FROM read_parquet(${list}))` : kept(`read_parquet(${list})`);
  // Part names sort in write order, and rows keep the JSONL's order inside a part.
  const rel = `(SELECT * EXCLUDE (scrum_skip) FROM read_parquet(${list}, filename = true, file_row_number = true) WHERE scrum_skip IS NULL)`;
  return lastPerKey(rel, ["filename", "file_row_number"], ["filename", "file_row_number"]);
}

/** Lines the manifest's parts left out. */
export function manifestSkipped(m: CacheManifest): Skipped {
  return m.parts.reduce((s, p) => ({ json: s.json + p.skipped_json, row: s.row + p.skipped_rows }), { json: 0, row: 0 });
}

/** The JSONL read directly, de-duplicated by line order (`dedupe: false` only for benchmark baselines). */
export function directRelation(path: string, dedupe = true): string {
  const plain = kept(checkedReviews(path));
  if (!dedupe) return plain;
  // row_number() OVER () streams in scan order, which DuckDB keeps (preserve_insertion_order).
  return lastPerKey(`(SELECT *, row_number() OVER () AS scrum_line FROM ${plain})`, ["scrum_line"], ["scrum_line"]);
}

function sha(buf: Buffer): string {
  return createHash("sha256").update(buf).digest("hex");
}

function readRange(fd: number, at: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = readSync(fd, buf, got, len - got, at + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

function readManifest(path: string): CacheManifest | null {
  try {
    const m = CacheManifest.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return m.success ? m.data : null;
  } catch {
    return null;
  }
}

function observe(jsonl: string, m: CacheManifest | null): JsonlNow {
  const st = statSync(jsonl);
  const now: JsonlNow = { size: st.size, mtimeMs: st.mtimeMs, windows: [], byteAtOffset: null };
  if (!m || st.size < m.offset) return now;
  const fd = openSync(jsonl, "r");
  try {
    now.windows = m.windows.map((w) => sha(readRange(fd, w.at, w.len)));
    if (st.size > m.offset) now.byteAtOffset = readRange(fd, m.offset, 1)[0] ?? null;
  } finally {
    closeSync(fd);
  }
  return now;
}

/** Copy JSONL bytes [from, to) to a file DuckDB can read, cut after the last newline; returns the end used. */
function copyTail(jsonl: string, from: number, to: number, dest: string): number {
  const src = openSync(jsonl, "r");
  const out = openSync(dest, "w");
  let end = from;
  try {
    for (let at = from; at < to; ) {
      const chunk = readRange(src, at, Math.min(8 << 20, to - at));
      if (chunk.length === 0) break;
      const nl = chunk.lastIndexOf(0x0a);
      writeSync(out, chunk);
      at += chunk.length;
      if (nl >= 0) end = at - chunk.length + nl + 1;
    }
  } finally {
    closeSync(src);
    closeSync(out);
  }
  return end;
}

async function writePart(con: DuckDBConnection, dir: string, relation: string, num: number, range: { from: number; to: number }, index = false): Promise<CachePart> {
  const name = `reviews-${String(num).padStart(6, "0")}-${process.pid}-${Date.now().toString(36)}.parquet`;
  const tmp = join(dir, `${name}.tmp`);
  try {
    const r = await con.runAndReadAll(`COPY (SELECT * FROM ${relation}) TO ${lit(tmp)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`);
    const bad = await con.runAndReadAll(`SELECT count(*) FILTER (WHERE scrum_skip = 'json'), count(*) FILTER (WHERE scrum_skip = 'row') FROM read_parquet(${lit(tmp)}) WHERE scrum_skip IS NOT NULL`);
    const [json, row] = (bad.getRowsJS()[0] ?? [0, 0]).map(Number);
    renameSync(tmp, join(dir, name));
    // A reader that searches (the UI) builds the part's search index with it; a failure leaves it for later.
    if (index) await indexPart(con, join(dir, name)).catch(() => undefined);
    return { name, ...range, rows: Number(r.getRowsJS()[0]?.[0] ?? 0) - json! - row!, skipped_json: json!, skipped_rows: row! };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Duplicate keys anywhere in the parts, and whether some chunks = 1 row shares its (iter, file) with another
 * row, in one pass. Hash collisions can only say "yes" wrongly, which costs speed, not correctness.
 */
async function partFacts(con: DuckDBConnection, dir: string, parts: CachePart[]): Promise<{ duplicates: boolean; single_rows: boolean }> {
  const list = `[${parts.map((p) => lit(join(dir, p.name))).join(", ")}]`;
  const fi = "hash(iter, file)";
  const r = await con.runAndReadAll(`SELECT count(*) <> count(DISTINCT hash(${KEY})),
      count(*) FILTER (WHERE chunks = 1) = count(DISTINCT ${fi}) FILTER (WHERE chunks = 1)
        AND count(DISTINCT ${fi}) = count(DISTINCT ${fi}) FILTER (WHERE chunks = 1) + count(DISTINCT ${fi}) FILTER (WHERE chunks <> 1)
    FROM read_parquet(${list}) WHERE scrum_skip IS NULL`);
  const [dup, single] = r.getRowsJS()[0] ?? [true, false];
  return { duplicates: Boolean(dup), single_rows: Boolean(single) };
}

/** A source over the manifest's parts. */
const cached = (dir: string, m: CacheManifest, cache: ReviewsSource["cache"], reason?: string): ReviewsSource => ({
  sql: partsRelation(dir, m), cache, ...(reason ? { reason } : {}), skipped: manifestSkipped(m),
  parts: m.parts.map((p) => join(dir, p.name)), singleRows: m.single_rows,
});

function windows(jsonl: string, offset: number) {
  const fd = openSync(jsonl, "r");
  try {
    return windowsFor(offset).map((w) => ({ ...w, sha256: sha(readRange(fd, w.at, w.len)) }));
  } finally {
    closeSync(fd);
  }
}

function removeStale(dir: string, keep: Set<string>): void {
  removeStaleIndexes(dir, [...keep].map((k) => join(dir, k)));
  const now = Date.now();
  for (const f of readdirSync(dir)) {
    const part = /^reviews-\d{6}-.*\.parquet(\.tmp)?$/.test(f) || f === "reviews.parquet" || f === "reviews.key.json";
    if (!part || keep.has(f)) continue;
    try {
      if (now - statSync(join(dir, f)).mtimeMs > ORPHAN_GRACE_MS || f.startsWith("reviews.")) rmSync(join(dir, f), { force: true });
    } catch { /* another process removed it first */ }
  }
}

function saveManifest(path: string, m: CacheManifest): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(m));
  renameSync(tmp, path);
}

/** Where the `reviews` view reads from; builds, extends or rebuilds the cache when allowed. */
export async function reviewsSource(con: DuckDBConnection, kbDir: string, opts: { cache?: boolean; dedupe?: boolean; searchIndex?: boolean } = {}): Promise<ReviewsSource> {
  const jsonl = kbPaths(kbDir).reviews;
  if (!existsSync(jsonl)) return { sql: kept(checkedReviews(null)), cache: "none", skipped: { json: 0, row: 0 }, parts: null, singleRows: false };
  const direct = directRelation(jsonl, opts.dedupe !== false);
  if (opts.cache === false) return { sql: direct, cache: "none", skipped: null, parts: null, singleRows: false };

  const dir = join(kbDir, ".cache");
  const manifestPath = join(dir, "reviews.manifest.json");
  const old = existsSync(manifestPath) ? readManifest(manifestPath) : null;
  const usable = old && old.parts.every((p) => existsSync(join(dir, p.name))) ? old : null;
  // Observed before reading, so bytes appended meanwhile are left for the next run.
  const now = observe(jsonl, usable);
  const plan = planCache(usable, now, VERSIONS);
  if (plan.kind === "hit") return cached(dir, usable!, "hit");
  try {
    mkdirSync(dir, { recursive: true });
    if (plan.kind === "touch") {
      const m = { ...usable!, size: now.size, mtimeMs: now.mtimeMs };
      saveManifest(manifestPath, m);
      return cached(dir, m, "hit");
    }
    if (plan.kind === "append") {
      const m = usable!;
      const tail = join(dir, `tail.${process.pid}.jsonl`);
      try {
        const end = copyTail(jsonl, plan.from, plan.to, tail);
        if (end === plan.from) {
          // Only part of a line so far: nothing to add until it is complete.
          saveManifest(manifestPath, { ...m, size: now.size, mtimeMs: now.mtimeMs });
          return cached(dir, m, "hit");
        }
        const part = await writePart(con, dir, checkedReviews(tail), m.next, { from: plan.from, to: end }, opts.searchIndex);
        let parts = [...m.parts, part];
        let next = m.next + 1;
        if (plan.compact) {
          const merged = await writePart(con, dir, `read_parquet([${parts.map((p) => lit(join(dir, p.name))).join(", ")}])`, next++, { from: 0, to: end }, opts.searchIndex);
          parts = [merged];
        }
        // Both facts only ever turn bad on an append: once both are, no scan is needed.
        const facts = m.duplicates && !m.single_rows ? { duplicates: true, single_rows: false } : await partFacts(con, dir, parts);
        const grown: CacheManifest = { ...m, size: now.size, mtimeMs: now.mtimeMs, offset: end, openEnd: false, windows: windows(jsonl, end), parts, ...facts, next };
        saveManifest(manifestPath, grown);
        if (plan.compact) removeStale(dir, new Set(parts.map((p) => p.name)));
        return cached(dir, grown, "appended");
      } finally {
        rmSync(tail, { force: true });
      }
    }
    const num = old?.next ?? 1;
    const part = await writePart(con, dir, checkedReviews(jsonl), num, { from: 0, to: now.size }, opts.searchIndex);
    const facts = await partFacts(con, dir, [part]);
    const end = statSync(jsonl);
    const built: CacheManifest = {
      ...VERSIONS, size: now.size, mtimeMs: now.mtimeMs, offset: now.size, openEnd: lastByte(jsonl, now.size) !== 0x0a,
      windows: windows(jsonl, now.size), parts: [part], ...facts, next: num + 1,
    };
    // Rows appended while DuckDB read the whole file may be in this part already: rebuild next time.
    if (end.size === now.size && end.mtimeMs === now.mtimeMs) saveManifest(manifestPath, built);
    else rmSync(manifestPath, { force: true });
    removeStale(dir, new Set([part.name]));
    return cached(dir, built, "rebuilt", plan.reason);
  } catch {
    // A read-only KB or a full disk: answer from the JSONL directly, just slower.
    return { sql: direct, cache: "unwritable", skipped: null, parts: null, singleRows: false };
  }
}

function lastByte(path: string, size: number): number | null {
  if (size === 0) return 0x0a;
  const fd = openSync(path, "r");
  try {
    return readRange(fd, size - 1, 1)[0] ?? null;
  } finally {
    closeSync(fd);
  }
}
