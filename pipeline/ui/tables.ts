// Derived tables the views read, built from the KB views once per KB state (ui-db.ts `need`): a row per file
// (50,000 for a big repository) and a row per iteration, so each view aggregates thousands of rows, not millions.
import type { TableDefs } from "./ui-db";

const TIERS = "['auto', 'dry_run', 'sim', 'block']";

/** The map's and the trajectory's per-file facts: the trajectory signal and its evidence. */
const UI_SIGNALS = `CREATE OR REPLACE TEMP TABLE ui_signals AS
  SELECT file, signal, rule, history, prev_iter, last_iter, score_prev, score_last, delta, criticals_last, jaccard,
    CAST(len(recurring) AS INTEGER) AS recurring, targeted FROM signals`;

/**
 * Each file's latest iteration: found on two narrow columns, then only those rows are folded (chunks → file),
 * with the model that accepted most of its chunks. `parent` is its directory ('' at the root). No signals here:
 * they cost most of a first MAP, so the map draws from this table and adds signals when ui_signals is ready.
 */
const UI_FILES = `CREATE OR REPLACE TEMP TABLE ui_files AS
  WITH latest AS (SELECT file, max(iter) AS iter FROM reviews GROUP BY file),
  cur AS (
    SELECT r.file, max(r.iter) AS iter, avg(r.score) AS score, CAST(sum(r.critical_failures_count) AS INTEGER) AS criticals,
      ${TIERS}[max(list_position(${TIERS}, r.gradient_tier))] AS tier,
      mode(r.model) FILTER (WHERE r.status = 'accepted') AS model,
      CAST(count(*) AS INTEGER) AS chunks, CAST(count(*) FILTER (WHERE r.status = 'failed') AS INTEGER) AS failed
    FROM reviews r SEMI JOIN latest l ON l.file = r.file AND l.iter = r.iter GROUP BY r.file
  )
  SELECT cur.*, coalesce(regexp_extract(cur.file, '^(.*)/', 1), '') AS parent FROM cur`;

/** Per iteration: files, score distribution, criticals and tiers (TRAJECTORY's charts). */
const UI_ITERS = `CREATE OR REPLACE TEMP TABLE ui_iters AS
  SELECT iter, CAST(count(*) AS INTEGER) AS files, CAST(count(score) AS INTEGER) AS scored, avg(score) AS mean,
    quantile_cont(score, 0.25) AS q1, median(score) AS med, quantile_cont(score, 0.75) AS q3,
    CAST(sum(criticals) AS INTEGER) AS criticals, CAST(sum(failed_chunks) AS INTEGER) AS failed_chunks,
    CAST(count(*) FILTER (WHERE tier = 'auto') AS INTEGER) AS auto, CAST(count(*) FILTER (WHERE tier = 'dry_run') AS INTEGER) AS dry_run,
    CAST(count(*) FILTER (WHERE tier = 'sim') AS INTEGER) AS sim, CAST(count(*) FILTER (WHERE tier = 'block') AS INTEGER) AS block
  FROM file_scores GROUP BY iter ORDER BY iter`;

/** The values the KB and SEARCH filters offer. */
const UI_OPTIONS = `CREATE OR REPLACE TEMP TABLE ui_options AS
  SELECT list_sort(list(DISTINCT iter)) AS iter, list_sort(list(DISTINCT model) FILTER (WHERE model IS NOT NULL)) AS model,
    list_sort(list(DISTINCT status)) AS status, list_sort(list(DISTINCT verdict) FILTER (WHERE verdict IS NOT NULL)) AS verdict,
    list_sort(list(DISTINCT gradient_tier)) AS tier
  FROM reviews`;

export const UI_TABLES: TableDefs = {
  // The signals view's per-file lists cannot spill: one thread keeps a million rows within the serving limit.
  ui_signals: { sql: [UI_SIGNALS], oneThread: true },
  ui_files: { sql: [UI_FILES] },
  ui_iters: { sql: [UI_ITERS] },
  ui_options: { sql: [UI_OPTIONS] },
};
