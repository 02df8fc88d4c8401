// The signals decision table as SQL over `file_iters`: the same conditions as analytics/signals.ts.
import type { Config } from "../core/config";
import { ConfigError } from "../core/errors";
import { CONDITIONS } from "../analytics/signals";
import { lit } from "./fingerprint-sql";
import { findingsOf } from "./findings-sql";

type SignalsConfig = Config["signals"];
const num = (x: number) => `CAST(${Number(x)} AS DOUBLE)`;

/** SQL for each condition name; columns are those of the signals view's inner select. */
function conditionSql(c: SignalsConfig): Record<string, string> {
  const flat = `abs(delta) < ${num(c.scoreDelta)}`;
  return {
    fewer_than_two_scored: "n < 2",
    score_up_criticals_not_up: `delta >= ${num(c.scoreDelta)} AND criticals_last <= criticals_prev`,
    score_down_criticals_not_down: `delta <= -${num(c.scoreDelta)} AND criticals_last >= criticals_prev`,
    flat_targeted_recurring: `${flat} AND targeted AND criticals_last > 0 AND jaccard >= ${num(c.jaccard)}`,
    flat_turned_over: `${flat} AND jaccard < ${num(c.jaccard)}`,
    flat_confident_stable: `${flat} AND coalesce(confidence, 0) >= ${num(c.plateauConfidence)} AND jaccard >= ${num(c.jaccard)}`,
    always: "true",
  };
}

/** CREATE VIEW signals: one row per file with the evidence columns and the first matching rule. */
export function signalsViewSql(c: SignalsConfig, opts: { name?: string; maxIter?: number } = {}): string {
  const upTo = opts.maxIter === undefined ? "" : ` AND iter <= ${Math.trunc(opts.maxIter)}`;
  const conds = conditionSql(c);
  const b = Math.trunc(c.lineBucket);
  for (const name of Object.keys(CONDITIONS)) if (!conds[name]) throw new Error(`signals-sql: no SQL for condition ${name}`);
  const arms = c.order.map((r) => {
    const sql = conds[r.when];
    if (!sql) throw new ConfigError(`signals.order: unknown condition '${r.when}' (known: ${Object.keys(conds).join(", ")})`);
    // Like classify(): every condition but the first needs two scored iterations.
    const guarded = r.when === "fewer_than_two_scored" ? sql : `n >= 2 AND (${sql})`;
    return { when: `WHEN ${guarded}`, signal: lit(r.signal), rule: lit(r.when) };
  });
  const caseOf = (k: "signal" | "rule", dflt: string) => `CASE ${arms.map((a) => `${a.when} THEN ${a[k]}`).join(" ")} ELSE ${lit(dflt)} END`;
  // One grouped pass over file_scores (chunks folded per (iter, file)) gives each file its scored history and its
  // last two scored iterations (max_by ..., 2: newest first); only those two are fingerprinted, since that is all
  // the table compares. MATERIALIZED keeps DuckDB from recomputing CTEs. list_sort of structs orders by their
  // first field (iter) and is several times cheaper than list(... ORDER BY iter).
  return `CREATE OR REPLACE VIEW ${opts.name ?? "signals"} AS
WITH per_file AS MATERIALIZED (
  SELECT file, coalesce(list_sort(list({'iter': iter, 'score': round(score, 6)}) FILTER (WHERE score IS NOT NULL)), []) AS h,
    max_by({'iter': iter, 'score': round(score, 6), 'criticals': criticals, 'targeted': targeted, 'confidence': confidence}, iter, 2)
      FILTER (WHERE score IS NOT NULL) AS top
  FROM file_scores WHERE true${upTo} GROUP BY file
), ev0 AS MATERIALIZED (
  SELECT file, h, len(h) AS n, top[1] AS l, CASE WHEN len(h) >= 2 THEN top[2] END AS p FROM per_file
), pairs AS (
  SELECT file, l.iter AS iter FROM ev0 WHERE n >= 2 UNION ALL SELECT file, p.iter AS iter FROM ev0 WHERE n >= 2
), last2 AS MATERIALIZED (
  SELECT r.iter, r.run_id, r.file, r.chunk, r.model, r.provider, r.file_sha256, r.prompt_sha256, r.gradient_tier, r.critical_failures
  FROM reviews r SEMI JOIN pairs k ON k.iter = r.iter AND k.file = r.file
), f2 AS MATERIALIZED (
  -- One occurrence per (title key, line), as distinctFindings() in analytics/finding-match.ts.
  SELECT DISTINCT iter, file, title_key AS k, CASE WHEN line >= 1 THEN line END AS line, fingerprint FROM (${findingsOf("last2")})
), cnt AS (
  SELECT iter, file, count(*) AS c FROM f2 GROUP BY ALL
), cand AS (
  -- Candidate pairs: same key, both without a line or at most lineBucket lines apart (matchFindings()).
  -- d, k, pl, ll lead the struct so list_sort orders pairs as the TypeScript sort does; the struct is also
  -- the accumulator's type (list_reduce wants one type), its up/ul/fp lists holding one id each.
  SELECT ev0.file, {'d': coalesce(abs(a.line - b.line), 0), 'k': a.k, 'pl': coalesce(a.line, 0), 'll': coalesce(b.line, 0),
    'up': [a.k || '@' || coalesce(a.line, 0)], 'ul': [b.k || '@' || coalesce(b.line, 0)], 'fp': [b.fingerprint]} AS x
  FROM ev0 JOIN f2 a ON a.file = ev0.file AND a.iter = ev0.p.iter JOIN f2 b ON b.file = ev0.file AND b.iter = ev0.l.iter AND b.k = a.k
  WHERE ev0.n >= 2 AND ((a.line IS NULL AND b.line IS NULL) OR abs(a.line - b.line) <= ${b})
), matched AS (
  -- Greedy one to one, nearest first.
  SELECT file, list_reduce(list_sort(list(x)), (acc, e) -> CASE
      WHEN list_contains(acc.up, e.up[1]) OR list_contains(acc.ul, e.ul[1]) THEN acc
      ELSE {'d': acc.d, 'k': acc.k, 'pl': acc.pl, 'll': acc.ll, 'up': list_concat(acc.up, e.up), 'ul': list_concat(acc.ul, e.ul), 'fp': list_concat(acc.fp, e.fp)} END,
    {'d': 0, 'k': '', 'pl': 0, 'll': 0, 'up': []::VARCHAR[], 'ul': []::VARCHAR[], 'fp': []::VARCHAR[]}) AS m
  FROM cand GROUP BY file
), ev AS (
  SELECT ev0.file, h AS history, n,
    p.iter AS prev_iter, l.iter AS last_iter, p.score AS score_prev, l.score AS score_last,
    round(l.score - p.score, 6) AS delta, p.criticals AS criticals_prev, l.criticals AS criticals_last,
    coalesce(cp.c, 0) AS np, coalesce(cl.c, 0) AS nl, coalesce(len(mt.m.up), 0) AS nm, coalesce(mt.m.fp, []) AS mfp,
    coalesce(l.targeted, false) AS targeted, round(l.confidence, 6) AS confidence
  FROM ev0
  LEFT JOIN cnt cl ON cl.file = ev0.file AND cl.iter = ev0.l.iter
  LEFT JOIN cnt cp ON cp.file = ev0.file AND cp.iter = ev0.p.iter
  LEFT JOIN matched mt ON mt.file = ev0.file
), ev2 AS (
  SELECT * EXCLUDE (np, nl, nm, mfp),
    CASE WHEN n < 2 THEN NULL
         WHEN np + nl = 0 THEN 1.0
         ELSE round(nm / (np + nl - nm), 6) END AS jaccard,
    CASE WHEN n < 2 THEN [] ELSE list_sort(list_distinct(mfp)) END AS recurring
  FROM ev
)
SELECT file, ${caseOf("signal", "MIXED")} AS signal, ${caseOf("rule", "none")} AS rule,
  history, prev_iter, last_iter, score_prev, score_last, delta, criticals_prev, criticals_last, jaccard, recurring, targeted, confidence
FROM ev2`;
}
