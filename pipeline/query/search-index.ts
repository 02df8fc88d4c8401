// A full-text index of the reviews cache, built per cache part (parts never change, so neither does their index:
// a nightly append indexes only its new part) in segments of whole iterations of about SEGMENT_ROWS rows, so
// building one never needs more memory than a segment's worth, and each segment reads only the row groups of
// its iterations (parts keep the JSONL's order, which nightly sweeps write iteration by iteration). Documents are critical findings, summaries, static rule hits and file
// paths; texts are tokenised once per distinct text (per segment) and keyed by hash.
//   search<F>-<part>-<seg>.docs.parquet   tid, ftid (hash of the path), kind, repo, iter, file, chunk, line, class, tier, model, verdict
//   search<F>-<part>-<seg>.terms.parquet  term, tid   (sorted by term: a lookup reads a row group or two)
//   search<F>-<part>-<seg>.texts.parquet  tid, text   (sorted by tid: a page of hits reads a few row groups)
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { TITLE_CLASSES } from "../analytics/fingerprint-lexicon";
import { lit } from "./fingerprint-sql";

/** Bump when the index layout or tokenisation changes: old index files are then ignored and replaced. */
export const SEARCH_FORMAT = 4;

/** Rows of a cache part per index segment. */
export const SEGMENT_ROWS = 100_000;

/** Lower-case, ASCII-fold, split on anything but letters and digits; tokens of one character are dropped. */
export const TOKENS = (expr: string) =>
  `list_filter(list_distinct(regexp_split_to_array(lower(strip_accents(${expr})), '[^a-z0-9]+')), w -> length(w) >= 2)`;

const CLASS_KEYS = `[${TITLE_CLASSES.map((c) => lit(c.key)).join(", ")}]`;
/** Orphaned index files are removed only this long after their part left the manifest (a reader may still use them). */
const GRACE_MS = 10 * 60_000;

export interface SearchFiles {
  docs: string;
  terms: string;
  texts: string;
}

/** The index files of segment `seg` of a cache part. */
export function searchFiles(part: string, seg: number): SearchFiles {
  const stem = `search${SEARCH_FORMAT}-${basename(part).replace(/\.parquet$/, "")}-${String(seg).padStart(4, "0")}`;
  const at = (kind: string) => join(dirname(part), `${stem}.${kind}.parquet`);
  return { docs: at("docs"), terms: at("terms"), texts: at("texts") };
}

/** A segment: the iterations [lo, hi] of a part. */
export type Segment = [number, number];

/** A part's segments: consecutive iterations grouped up to about SEGMENT_ROWS rows (one iteration may be more). */
export async function segmentsOf(con: DuckDBConnection, part: string): Promise<Segment[]> {
  const r = await con.runAndReadAll(`SELECT iter, count(*) FROM read_parquet(${lit(part)}) WHERE iter IS NOT NULL GROUP BY iter ORDER BY iter`);
  const out: Segment[] = [];
  let rows = 0;
  for (const [iter, n] of r.getRowsJS() as [number, bigint][]) {
    const it = Number(iter);
    if (!out.length || rows + Number(n) > SEGMENT_ROWS) {
      out.push([it, it]);
      rows = 0;
    }
    out[out.length - 1]![1] = it;
    rows += Number(n);
  }
  return out.length ? out : [[0, 0]];
}

/** All three files of a segment present (the terms file is written last). */
export const segmentBuilt = (f: SearchFiles) => existsSync(f.terms) && existsSync(f.docs) && existsSync(f.texts);

/** The rows of one segment of a part. */
const segmentRows = (part: string, [lo, hi]: Segment, cols: string) =>
  `(SELECT ${cols} FROM read_parquet(${lit(part)}) WHERE iter BETWEEN ${Math.trunc(lo)} AND ${Math.trunc(hi)})`;

/** Every document of a segment, with its text (one row per finding, summary, rule hit, and file). */
function docsOf(part: string, seg: Segment): string {
  const r = `(SELECT * FROM ${segmentRows(part, seg, "repo, iter, file, chunk, gradient_tier AS tier, model, verdict, summary, critical_failures, static_findings, scrum_skip")} WHERE scrum_skip IS NULL)`;
  return `(
    SELECT 'finding' AS kind, repo, iter, file, chunk, c.line AS line, c.title AS text, NULL::VARCHAR AS class, tier, model, verdict
      FROM (SELECT *, unnest(critical_failures) AS c FROM ${r})
    UNION ALL SELECT 'summary', repo, iter, file, chunk, NULL, summary, NULL, tier, model, verdict FROM ${r} WHERE coalesce(summary, '') <> ''
    UNION ALL SELECT 'rule', repo, iter, file, chunk, s.line, s.rule_id || ': ' || s.message, s.class, tier, model, verdict
      FROM (SELECT *, unnest(static_findings) AS s FROM ${r})
    UNION ALL SELECT 'file', arg_max(repo, iter), max(iter), file, NULL, NULL, file, NULL, arg_max(tier, iter), arg_max(model, iter), arg_max(verdict, iter) FROM ${r} GROUP BY file
  )`;
}

async function copyTo(con: DuckDBConnection, select: string, dest: string): Promise<void> {
  const tmp = `${dest}.${process.pid}.tmp`;
  try {
    await con.run(`COPY (${select}) TO ${lit(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 61440)`);
    renameSync(tmp, dest);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Index one segment of a cache part (needs the fingerprint macros on `con`). Findings get the title's class from
 * the fingerprint lexicon ('other' when none matches); rule hits their rule's class.
 */
export async function indexSegment(con: DuckDBConnection, part: string, seg: Segment, at: number): Promise<void> {
  const f = searchFiles(part, at);
  const docs = docsOf(part, seg);
  const keys = `(SELECT title, CASE WHEN list_contains(${CLASS_KEYS}, scrum_title_key(title)) THEN scrum_title_key(title) ELSE 'other' END AS class
    FROM (SELECT DISTINCT c.title AS title FROM (SELECT unnest(critical_failures) AS c FROM ${segmentRows(part, seg, "critical_failures")})))`;
  await copyTo(con, `SELECT hash(d.text) AS tid, hash(d.file) AS ftid, d.kind, d.repo, d.iter, d.file, d.chunk, d.line,
      CASE WHEN d.kind = 'finding' THEN k.class ELSE d.class END AS class, d.tier, d.model, d.verdict
    FROM ${docs} d LEFT JOIN ${keys} k ON d.kind = 'finding' AND k.title = d.text ORDER BY d.iter, d.file`, f.docs);
  await copyTo(con, `SELECT DISTINCT hash(text) AS tid, text FROM ${docs} ORDER BY tid`, f.texts);
  await copyTo(con, `SELECT term, tid FROM (SELECT tid, unnest(${TOKENS("text")}) AS term FROM read_parquet(${lit(f.texts)})) ORDER BY term, tid`, f.terms);
}

/** Index every segment of a part that has none yet. */
export async function indexPart(con: DuckDBConnection, part: string): Promise<void> {
  const segs = await segmentsOf(con, part);
  for (const [i, seg] of segs.entries()) if (!segmentBuilt(searchFiles(part, i))) await indexSegment(con, part, seg, i);
}

/** Remove index files of parts that are gone (compacted or rebuilt), once they are old enough. */
export function removeStaleIndexes(dir: string, parts: string[]): void {
  if (!existsSync(dir)) return;
  const keep = new Set(parts.map((p) => `search${SEARCH_FORMAT}-${basename(p).replace(/\.parquet$/, "")}-`));
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!/^search\d+-.*\.parquet(\..*\.tmp)?$/.test(name) || [...keep].some((k) => name.startsWith(k) && !name.endsWith(".tmp"))) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > GRACE_MS || !name.startsWith(`search${SEARCH_FORMAT}-`)) rmSync(join(dir, name), { force: true });
    } catch { /* removed meanwhile */ }
  }
}
