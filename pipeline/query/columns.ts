// Explicit column lists (no schema sniffing), the row checks that mirror the zod schemas, and the normalised
// SELECTs behind the views. v3 review rows are read too: their flat prompt/tokens fields are coalesced into
// the v4 shape. Lines are read as text first (json-lines.ts), so a torn line can never swallow the next one.
import { MISS_VALID } from "./row-checks";

const ITEM = "STRUCT(title VARCHAR, line BIGINT, evidence VARCHAR, verified BOOLEAN)[]";

export const REVIEW_COLUMNS: Record<string, string> = {
  schema_version: "INTEGER", run_id: "VARCHAR", iter: "INTEGER", night: "VARCHAR", shard: "STRUCT(index INTEGER, count INTEGER)",
  repo: "VARCHAR", commit: "VARCHAR", file: "VARCHAR", chunk: "INTEGER", chunks: "INTEGER", file_sha256: "VARCHAR", prompt: "STRUCT(name VARCHAR, sha256 VARCHAR)",
  prompt_name: "VARCHAR", prompt_sha256: "VARCHAR", policy_version: "VARCHAR", status: "VARCHAR", provider: "VARCHAR",
  model: "VARCHAR", rung: "INTEGER", attempts: "JSON", accepted_on_attempt: "INTEGER", verdict: "VARCHAR",
  score: "JSON", confidence: "JSON", critical_failures: ITEM, verified_components: ITEM, missing_components: ITEM,
  critical_failures_count: "INTEGER", verified_components_count: "INTEGER", missing_components_count: "INTEGER",
  unverified_count: "INTEGER", summary: "VARCHAR", output_format: "VARCHAR", gradient_tier: "VARCHAR",
  static_findings: "STRUCT(class VARCHAR, rule_id VARCHAR, severity VARCHAR, line BIGINT, message VARCHAR, model_verdict VARCHAR)[]",
  latency_ms: "DOUBLE", tokens: "STRUCT(prompt BIGINT, completion BIGINT)", tokens_prompt: "BIGINT", tokens_completion: "BIGINT",
  cached: "BOOLEAN", targeted_by_fixwave: "BOOLEAN", fixwave: "STRUCT(path VARCHAR, sha256 VARCHAR, files VARCHAR[])",
  redactions: "INTEGER", error: "VARCHAR", created_at: "VARCHAR",
  injection_suspected: "BOOLEAN", overruled_rungs: "INTEGER[]",
};

const items = (col: string) =>
  `list_transform(coalesce(${col}, []), c -> struct_pack(title := c.title, line := c.line, evidence := c.evidence, verified := coalesce(c.verified, true)))`;

/**
 * Row-level review columns. `attempts` stays JSON text (v3 stored a count there; parsing every row's
 * attempts would double the cache build); title keys are computed per distinct title in views.ts.
 */
export const REVIEW_SELECT = `
  schema_version, run_id, iter, night, shard.index AS shard_index, shard.count AS shard_count, repo, commit, file, coalesce(chunk, 1) AS chunk, coalesce(chunks, 1) AS chunks, file_sha256,
  coalesce(prompt.name, prompt_name) AS prompt_name, coalesce(prompt.sha256, prompt_sha256) AS prompt_sha256,
  policy_version, status, provider, model, rung,
  CASE WHEN json_type(attempts) = 'ARRAY' THEN attempts ELSE '[]'::JSON END AS attempts,
  accepted_on_attempt, verdict, TRY_CAST(score AS DOUBLE) AS score, TRY_CAST(confidence AS DOUBLE) AS confidence,
  ${items("critical_failures")} AS critical_failures,
  ${items("verified_components")} AS verified_components,
  ${items("missing_components")} AS missing_components,
  coalesce(critical_failures_count, len(critical_failures)) AS critical_failures_count,
  coalesce(verified_components_count, len(verified_components)) AS verified_components_count,
  coalesce(missing_components_count, len(missing_components)) AS missing_components_count,
  coalesce(unverified_count, 0) AS unverified_count, summary, output_format, gradient_tier,
  coalesce(static_findings, []) AS static_findings, latency_ms,
  coalesce(tokens.prompt, tokens_prompt, 0) AS tokens_prompt, coalesce(tokens.completion, tokens_completion, 0) AS tokens_completion,
  coalesce(cached, false) AS cached, coalesce(targeted_by_fixwave, false) AS targeted_by_fixwave, fixwave.path AS fixwave_path,
  coalesce(redactions, 0) AS redactions, error, created_at,
  injection_suspected, coalesce(overruled_rungs, []) AS overruled_rungs`;


export const TRUST_COLUMNS: Record<string, string> = {
  schema_version: "INTEGER", kind: "VARCHAR", run_id: "VARCHAR", iter: "INTEGER", file: "VARCHAR", chunk: "INTEGER",
  file_sha256: "VARCHAR", provider: "VARCHAR", model: "VARCHAR", rung: "INTEGER", accepted_on_attempt: "INTEGER",
  output_format: "VARCHAR", latency_ms: "DOUBLE", tokens: "STRUCT(prompt BIGINT, completion BIGINT)",
  parse_failures: "INTEGER", findings: "INTEGER", unverified_findings: "INTEGER", cached: "BOOLEAN",
  outcome: "VARCHAR", detail: "VARCHAR", created_at: "VARCHAR",
};

export const TRUST_SELECT = `
  CASE WHEN ${MISS_VALID} THEN 'miss' ELSE 'accept' END AS kind, run_id, iter, file, chunk, file_sha256, provider, model, rung, accepted_on_attempt,
  output_format, latency_ms, tokens.prompt AS tokens_prompt, tokens.completion AS tokens_completion, parse_failures,
  findings, unverified_findings, cached, outcome, detail, created_at`;

export const RUN_COLUMNS: Record<string, string> = {
  schema_version: "INTEGER", run_id: "VARCHAR", phase: "VARCHAR", iter: "INTEGER", night: "VARCHAR", shard: "STRUCT(index INTEGER, count INTEGER)",
  repo: "VARCHAR", commit: "VARCHAR",
  ladder: "VARCHAR", prompt: "STRUCT(name VARCHAR, sha256 VARCHAR)", policy_version: "VARCHAR", files_planned: "INTEGER",
  reviewed: "INTEGER", cached: "INTEGER", failed: "INTEGER", skipped: "INTEGER", mean_score: "DOUBLE",
  models: "STRUCT(provider VARCHAR, model VARCHAR, accepted INTEGER, first_attempt_accepts INTEGER, json_answers INTEGER, markdown_answers INTEGER, json_rate DOUBLE, parse_failures INTEGER, requests INTEGER, tokens STRUCT(prompt BIGINT, completion BIGINT))[]",
  wall_ms: "DOUBLE", interrupted: "BOOLEAN", created_at: "VARCHAR",
};

export const RUN_SELECT = `
  run_id, phase, iter, night, shard.index AS shard_index, shard.count AS shard_count, repo, commit, ladder, prompt.name AS prompt_name, prompt.sha256 AS prompt_sha256, policy_version,
  files_planned, reviewed, cached, failed, skipped, mean_score, models, wall_ms, interrupted, created_at`;

