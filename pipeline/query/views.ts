// The SQL views over a KB: reviews, findings, trust, runs, file_scores, file_iters and signals.
import { existsSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Config } from "../core/config";
import { kbPaths } from "../kb/paths";
import { RUN_COLUMNS, RUN_SELECT, TRUST_COLUMNS, TRUST_SELECT } from "./columns";
import { checkedRows } from "./json-lines";
import { auditsChecked, auditsViewSql } from "./audits-view";
import { ACCEPT_VALID, MISS_VALID, RUN_VALID } from "./row-checks";
import { findingsOf } from "./findings-sql";
import { signalsViewSql } from "./signals-sql";
import { evalsViewSql } from "./evals-sql";

const TIERS = "['auto', 'dry_run', 'sim', 'block']";

/** The checked lines of model_trust.jsonl, scrum_runs.jsonl or scrum_audits.jsonl (`scrum_skip` says which were left out). */
export function smallChecked(kbDir: string, which: "trust" | "runs" | "audits"): string {
  if (which === "audits") return auditsChecked(kbDir);
  const path = kbPaths(kbDir)[which];
  const file = existsSync(path) ? path : null;
  return which === "trust"
    ? checkedRows(file, TRUST_COLUMNS, TRUST_SELECT, `(${MISS_VALID} OR ${ACCEPT_VALID})`)
    : checkedRows(file, RUN_COLUMNS, RUN_SELECT, RUN_VALID);
}

const small = (kbDir: string, which: "trust" | "runs") => `SELECT * EXCLUDE (scrum_skip) FROM ${smallChecked(kbDir, which)} WHERE scrum_skip IS NULL`;

/** The `trust` view's statement over model_trust.jsonl (a reader that pinned it elsewhere puts it back with this). */
export const trustViewSql = (kbDir: string) => `CREATE OR REPLACE VIEW trust AS ${small(kbDir, "trust")}`;

const FOLDED = `avg(score) AS score, avg(confidence) AS confidence,
    CAST(sum(critical_failures_count) AS INTEGER) AS criticals, bool_or(targeted_by_fixwave) AS targeted,
    ${TIERS}[max(list_position(${TIERS}, gradient_tier))] AS tier,
    CAST(sum(verified_components_count) AS INTEGER) AS verified_components,
    CAST(count(*) AS INTEGER) AS chunks, CAST(count(*) FILTER (WHERE status = 'failed') AS INTEGER) AS failed_chunks,
    list_sort(list_distinct(list(model) FILTER (WHERE model IS NOT NULL))) AS models, min(file_sha256) AS file_sha256`;

/** The same columns for a (iter, file) that has exactly one row. */
const SINGLE = `score, confidence, CAST(critical_failures_count AS INTEGER) AS criticals, targeted_by_fixwave AS targeted,
    gradient_tier AS tier, CAST(verified_components_count AS INTEGER) AS verified_components,
    1 AS chunks, CAST(status = 'failed' AS INTEGER) AS failed_chunks,
    CASE WHEN model IS NULL THEN []::VARCHAR[] ELSE [model] END AS models, file_sha256`;

/**
 * Per (iter, file): chunk rows folded like analytics/file-iter.ts, without fingerprints (cheap). When the cache
 * knows every one-chunk row is alone in its (iter, file) (`singleRows`), those rows pass through unfolded.
 */
export function fileScoresSql(singleRows: boolean): string {
  const grouped = (where: string) => `SELECT iter, file, ${FOLDED} FROM reviews${where} GROUP BY iter, file`;
  if (!singleRows) return grouped("");
  return `SELECT iter, file, ${SINGLE} FROM reviews WHERE chunks = 1 UNION ALL ${grouped(" WHERE chunks <> 1")}`;
}

/** Views named in docs/QUERIES.md; `reviewsSql` is the relation chosen by reviews-cache.ts. */
export async function createViews(con: DuckDBConnection, kbDir: string, reviewsSql: string, signals: Config["signals"], opts: { singleRows?: boolean } = {}): Promise<void> {
  const stmts = [
    `CREATE OR REPLACE VIEW reviews AS SELECT * FROM ${reviewsSql}`,
    `CREATE OR REPLACE VIEW findings AS ${findingsOf("reviews")}`,
    trustViewSql(kbDir),
    `CREATE OR REPLACE VIEW runs AS ${small(kbDir, "runs")}`,
    `CREATE OR REPLACE VIEW evals AS ${evalsViewSql(kbDir)}`,
    `CREATE OR REPLACE VIEW file_scores AS ${fileScoresSql(opts.singleRows ?? false)}`,
    `CREATE OR REPLACE VIEW file_iters AS
      SELECT s.*, coalesce(f.fingerprints, []) AS fingerprints FROM file_scores s
      LEFT JOIN (SELECT iter, file, list_sort(list_distinct(list(fingerprint))) AS fingerprints FROM findings GROUP BY iter, file) f
        ON f.iter = s.iter AND f.file = s.file`,
    signalsViewSql(signals),
    auditsViewSql(kbDir),
  ];
  for (const s of stmts) await con.run(s);
}
