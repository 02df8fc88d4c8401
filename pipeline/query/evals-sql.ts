// The `evals` view over scrum_evals.jsonl (checked like the other small KB files), and per-model
// accuracy from it for `scrum trust` (the SQL twin of analytics/trust.ts's accuracyOf).
import { existsSync } from "node:fs";
import { kbPaths } from "../kb/paths";
import { checkedRows } from "./json-lines";

export const EVAL_COLUMNS: Record<string, string> = {
  schema_version: "INTEGER", eval_id: "VARCHAR", created_at: "VARCHAR", repo: "VARCHAR", commit: "VARCHAR", ladder: "VARCHAR",
  seed: "VARCHAR", policy_version: "VARCHAR", prompt: "STRUCT(name VARCHAR, sha256 VARCHAR)", mutant: "VARCHAR", class: "VARCHAR",
  operator: "VARCHAR", language: "VARCHAR", file: "VARCHAR", line: "INTEGER", reviewer: "VARCHAR", provider: "VARCHAR", model: "VARCHAR",
  outcome: "VARCHAR", detail: "VARCHAR", hit: "STRUCT(line INTEGER, class VARCHAR, label VARCHAR)", reported: "VARCHAR[]",
  findings: "INTEGER", false_alarms: "INTEGER", tolerance: "INTEGER",
};

const OUTCOMES = "('caught', 'missed', 'unreviewed', 'no_site', 'overlap', 'over_budget')";
export const EVAL_VALID = `(schema_version = 1 AND eval_id IS NOT NULL AND repo IS NOT NULL AND class IS NOT NULL
  AND outcome IN ${OUTCOMES} AND (reviewer IS NULL OR reviewer IN ('floor', 'model', 'ladder'))
  AND findings >= 0 AND false_alarms >= 0 AND tolerance >= 0 AND reported IS NOT NULL)`;

export function evalsViewSql(kbDir: string): string {
  const path = kbPaths(kbDir).evals;
  return `SELECT * EXCLUDE (scrum_skip) FROM ${checkedRows(existsSync(path) ? path : null, EVAL_COLUMNS, Object.keys(EVAL_COLUMNS).join(", "), EVAL_VALID)} WHERE scrum_skip IS NULL`;
}

/** Per model (the floor is `static-floor`): mutants it reviewed and caught, its findings on mutated files and their false alarms. */
export const ACCURACY = `SELECT model, arg_max(provider, created_at) AS provider, count(DISTINCT eval_id) AS evals,
    count(*) FILTER (WHERE outcome IN ('caught', 'missed')) AS reviewed, count(*) FILTER (WHERE outcome = 'caught') AS caught,
    sum(findings) AS findings, sum(false_alarms) AS false_alarms
  FROM evals WHERE reviewer IN ('floor', 'model') AND model IS NOT NULL GROUP BY model`;
