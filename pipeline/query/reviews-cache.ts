// Columnar copy of scrum_reviews.jsonl (parquet under <kb>/.cache), rebuilt whenever the JSONL changes.
// The JSONL stays the source of truth: the cache is keyed by its size and mtime and can be deleted at will.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { LEXICON_VERSION } from "../analytics/fingerprint-lexicon";
import { kbPaths } from "../kb/paths";
import { REVIEW_COLUMNS, REVIEW_FILTER, REVIEW_SELECT, emptyRelation, readNdjson } from "./columns";

/** Bump when REVIEW_SELECT changes shape, so old caches are rebuilt. */
export const CACHE_FORMAT = 1;

export interface ReviewsSource {
  /** A relation (sub-select or table function) with the `reviews` view's columns. */
  sql: string;
  cache: "none" | "hit" | "rebuilt" | "unwritable";
}

const q = (p: string) => `'${p.replace(/'/g, "''")}'`;

function keyOf(path: string): string {
  const st = statSync(path);
  return JSON.stringify({ format: CACHE_FORMAT, lexicon: LEXICON_VERSION, size: st.size, mtimeMs: st.mtimeMs });
}

/** Where the `reviews` view reads from; builds or refreshes the cache when allowed. */
export async function reviewsSource(con: DuckDBConnection, kbDir: string, opts: { cache?: boolean } = {}): Promise<ReviewsSource> {
  const path = kbPaths(kbDir).reviews;
  if (!existsSync(path)) return { sql: `(SELECT ${REVIEW_SELECT} FROM ${emptyRelation(REVIEW_COLUMNS)})`, cache: "none" };
  const direct = `(SELECT ${REVIEW_SELECT} FROM ${readNdjson(path, REVIEW_COLUMNS)} WHERE ${REVIEW_FILTER})`;
  if (opts.cache === false) return { sql: direct, cache: "none" };

  const dir = join(kbDir, ".cache");
  const parquet = join(dir, "reviews.parquet");
  const meta = join(dir, "reviews.key.json");
  // Taken before reading, so rows appended during the rebuild make the next run rebuild again.
  const key = keyOf(path);
  if (existsSync(parquet) && existsSync(meta) && readFileSync(meta, "utf8") === key) {
    return { sql: `read_parquet(${q(parquet)})`, cache: "hit" };
  }
  const tmp = join(dir, `reviews.${process.pid}.${Date.now()}.tmp.parquet`);
  try {
    mkdirSync(dir, { recursive: true });
    await con.run(`COPY ${direct} TO ${q(tmp)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`);
    renameSync(tmp, parquet);
    writeFileSync(meta, key);
    return { sql: `read_parquet(${q(parquet)})`, cache: "rebuilt" };
  } catch {
    // A read-only KB or a full disk: answer from the JSONL directly, just slower.
    rmSync(tmp, { force: true });
    return { sql: direct, cache: "unwritable" };
  }
}
