// SQL predicates that accept exactly the rows the zod schemas accept (kb/schemas, kb/migrate.ts), so the
// DuckDB views count what readReviews/readTrust/readRuns count. They run on the raw parsed columns.
// Known gap: a nullable key that is absent (zod: required) reads as NULL here and is accepted; checking key
// presence costs a second parse of every line (+50% on a full cache build), and the sweep always writes them.

export const inList = (col: string, values: readonly string[]) => `${col} IN (${values.map((v) => `'${v}'`).join(", ")})`;
const nullOr = (col: string, cond: string) => `(${col} IS NULL OR ${cond})`;
const nonNeg = (...cols: string[]) => cols.map((c) => `${c} >= 0`).join(" AND ");
const notNull = (...cols: string[]) => cols.map((c) => `${c} IS NOT NULL`).join(" AND ");

/** A JSON-typed number (or null) within [lo, hi]: a string or a boolean is not a score. */
const numIn = (col: string, lo?: number, hi?: number) => {
  const range = lo === undefined ? "" : ` AND TRY_CAST(${col} AS DOUBLE) BETWEEN ${lo} AND ${hi}`;
  return `(${col} IS NULL OR (json_type(${col}) IN ('DOUBLE', 'UBIGINT', 'BIGINT')${range}))`;
};

/** Every element of an item list is an object with the fields CheckedItem (v4) or ItemV3 requires. */
const items = (col: string, v4: boolean) => {
  const title = v4 ? "length(c.title) >= 1" : "c.title IS NOT NULL";
  const verified = v4 ? " AND c.verified IS NOT NULL" : "";
  return `(${col} IS NOT NULL AND coalesce(list_bool_and(list_transform(${col}, c -> coalesce(${title} AND (c.line IS NULL OR c.line >= 1)${verified}, false))), true))`;
};

const VERDICT = nullOr("verdict", inList("verdict", ["pass", "concerns", "fail"]));
const STATUS = inList("status", ["accepted", "failed"]);
const FORMAT = nullOr("output_format", inList("output_format", ["json", "markdown"]));
const TIER = inList("gradient_tier", ["auto", "dry_run", "sim", "block"]);

/** ReviewRowV4 and ReviewRowV5 (v5 adds the nullable night and shard; a present shard is 1 ≤ index ≤ count). */
const REVIEW_V4 = [
  "schema_version IN (4, 5)", nullOr("shard", "shard.index >= 1 AND shard.index <= shard.count"), "length(run_id) >= 1", "iter >= 1", "repo IS NOT NULL", "length(file) >= 1", "chunk >= 1", "chunks >= 1",
  "length(file_sha256) = 64", "prompt.name IS NOT NULL", "length(prompt.sha256) = 64", "policy_version IS NOT NULL", STATUS,
  nullOr("rung", "rung >= 0"), "json_type(attempts) = 'ARRAY'", nullOr("accepted_on_attempt", "accepted_on_attempt >= 1"), VERDICT,
  numIn("score", 0, 10), numIn("confidence", 0, 1),
  items("critical_failures", true), items("verified_components", true), items("missing_components", true),
  nonNeg("critical_failures_count", "verified_components_count", "missing_components_count", "unverified_count"),
  FORMAT, TIER, "static_findings IS NOT NULL", "latency_ms >= 0", nonNeg("tokens.prompt", "tokens.completion"),
  notNull("cached", "targeted_by_fixwave", "created_at"), "redactions >= 0",
].join(" AND ");

/** ReviewRowV3 (kb/migrate.ts): flat prompt and tokens, attempts as a count, no ranges on score/confidence. */
const REVIEW_V3 = [
  "schema_version = 3", notNull("run_id", "repo", "file", "file_sha256", "prompt_name", "prompt_sha256", "policy_version", "created_at"),
  "iter >= 1", nullOr("chunk", "chunk >= 1"), nullOr("chunks", "chunks >= 1"), STATUS,
  "json_type(attempts) IN ('UBIGINT', 'BIGINT') AND TRY_CAST(attempts AS BIGINT) >= 0", VERDICT, numIn("score"), numIn("confidence"),
  items("critical_failures", false), items("verified_components", false), items("missing_components", false),
  FORMAT, TIER, "latency_ms IS NOT NULL",
].join(" AND ");

/** A review row either schema version accepts. */
export const REVIEW_VALID = `((${REVIEW_V4}) OR (${REVIEW_V3}))`;

const TRUST_COMMON = `schema_version = 1 AND ${notNull("run_id", "file", "provider", "model", "created_at")} AND iter >= 1 AND rung >= 0`;

/** MissRow. */
export const MISS_VALID = `(${TRUST_COMMON} AND kind = 'miss' AND ${inList("outcome", ["parse_failure", "low_confidence", "error", "circuit_open", "overruled"])})`;

/** TrustRow (an accept); readTrust tries MissRow first, then this. */
export const ACCEPT_VALID = `(${TRUST_COMMON} AND chunk >= 1 AND file_sha256 IS NOT NULL AND accepted_on_attempt >= 1 AND ${inList("output_format", ["json", "markdown"])}
  AND latency_ms >= 0 AND ${nonNeg("tokens.prompt", "tokens.completion", "parse_failures", "findings", "unverified_findings")} AND cached IS NOT NULL)`;

/** RunRow (v1, and v2 with night and shard). */
export const RUN_VALID = `(schema_version IN (1, 2) AND ${notNull("run_id", "repo", "ladder", "prompt.name", "prompt.sha256", "policy_version", "created_at")}
  AND ${inList("phase", ["start", "end"])} AND iter >= 1 AND files_planned >= 0
  AND ${["reviewed", "cached", "failed", "skipped", "wall_ms"].map((c) => nullOr(c, `${c} >= 0`)).join(" AND ")})`;
