// Explicit migrations from older row schema versions to the current ones (review v5, run v2).
import { z } from "zod";
import { ReviewRowV4, ReviewRowV5, REVIEW_SCHEMA_VERSION, type ReviewRow } from "./schemas/review-row";
import { RUN_SCHEMA_VERSION, RunRow, RunRowV1 } from "./schemas/run-row";

const ItemV3 = z.object({ title: z.string(), line: z.number().int().positive().optional(), evidence: z.string().optional() });

/** v3 rows (before the evidence check, static evidence and redaction) as they were written. */
export const ReviewRowV3 = z.object({
  schema_version: z.literal(3),
  run_id: z.string(),
  iter: z.number().int().min(1),
  repo: z.string(),
  commit: z.string().nullable().optional(),
  file: z.string(),
  chunk: z.number().int().min(1).default(1),
  chunks: z.number().int().min(1).default(1),
  file_sha256: z.string(),
  prompt_name: z.string(),
  prompt_sha256: z.string(),
  policy_version: z.string(),
  status: z.enum(["accepted", "failed"]),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  rung: z.number().int().nullable(),
  attempts: z.number().int().min(0),
  accepted_on_attempt: z.number().int().nullable(),
  verdict: z.enum(["pass", "concerns", "fail"]).nullable(),
  score: z.number().nullable(),
  confidence: z.number().nullable(),
  critical_failures: z.array(ItemV3),
  verified_components: z.array(ItemV3),
  missing_components: z.array(ItemV3),
  output_format: z.enum(["json", "markdown"]).nullable(),
  gradient_tier: z.enum(["auto", "dry_run", "sim", "block"]),
  latency_ms: z.number(),
  tokens_prompt: z.number().int().default(0),
  tokens_completion: z.number().int().default(0),
  cached: z.boolean().default(false),
  targeted_by_fixwave: z.boolean().default(false),
  error: z.string().nullable().optional(),
  created_at: z.string(),
});
export type ReviewRowV3 = z.infer<typeof ReviewRowV3>;

// v3 never checked findings against the file: they are carried as unverified, saying why, so an
// auditor never reads an unchecked finding as a checked one.
const V3_REASON = "v3 row: not checked against the file (the evidence check came with v4)";
const lift = (items: z.infer<typeof ItemV3>[]) => items.map((i) => ({ ...i, verified: false, unverified_reason: V3_REASON }));

export function migrateV3toV4(r: ReviewRowV3): ReviewRowV4 {
  return {
    schema_version: 4,
    run_id: r.run_id,
    iter: r.iter,
    repo: r.repo,
    commit: r.commit ?? null,
    file: r.file,
    chunk: r.chunk,
    chunks: r.chunks,
    file_sha256: r.file_sha256,
    prompt: { name: r.prompt_name, sha256: r.prompt_sha256 },
    policy_version: r.policy_version,
    status: r.status,
    provider: r.provider,
    model: r.model,
    rung: r.rung,
    // v3 kept only a count of attempts; the per-attempt detail did not exist.
    attempts: [],
    accepted_on_attempt: r.accepted_on_attempt,
    verdict: r.verdict,
    score: r.score,
    confidence: r.confidence,
    critical_failures: lift(r.critical_failures),
    verified_components: lift(r.verified_components),
    missing_components: lift(r.missing_components),
    critical_failures_count: r.critical_failures.length,
    verified_components_count: r.verified_components.length,
    missing_components_count: r.missing_components.length,
    unverified_count: r.critical_failures.length + r.verified_components.length + r.missing_components.length,
    summary: null,
    output_format: r.output_format,
    gradient_tier: r.gradient_tier,
    static_findings: [],
    latency_ms: r.latency_ms,
    tokens: { prompt: r.tokens_prompt, completion: r.tokens_completion },
    cached: r.cached,
    cached_from: null,
    targeted_by_fixwave: r.targeted_by_fixwave,
    fixwave: null,
    redactions: 0,
    raw_answer: null,
    error: r.error ?? null,
    created_at: r.created_at,
  };
}

export type MigrateResult = { ok: true; row: ReviewRow } | { ok: false; error: string };

/** v4 rows were written before shards and nights: neither is known, so both are null. */
export function migrateV4toV5(r: ReviewRowV4): ReviewRow {
  const { schema_version: _v, run_id, iter, ...rest } = r;
  return { schema_version: REVIEW_SCHEMA_VERSION, run_id, iter, night: null, shard: null, ...rest };
}

/** Review row versions this scrum reads (older ones migrate); a newer one was written by a newer scrum. */
export const REVIEW_VERSIONS_READ = [3, 4, REVIEW_SCHEMA_VERSION] as const;
/** Run row versions this scrum reads. */
export const RUN_VERSIONS_READ = [1, RUN_SCHEMA_VERSION] as const;

/** Bring any known version up to v5; unknown versions and invalid rows are reported, not thrown. */
export function migrateReviewRow(raw: unknown): MigrateResult {
  const version = (raw as { schema_version?: unknown } | null)?.schema_version;
  if (version === REVIEW_SCHEMA_VERSION) {
    const r = ReviewRowV5.safeParse(raw);
    return r.success ? { ok: true, row: r.data } : { ok: false, error: firstIssue(r.error) };
  }
  if (version === 4) {
    const r = ReviewRowV4.safeParse(raw);
    return r.success ? { ok: true, row: migrateV4toV5(r.data) } : { ok: false, error: firstIssue(r.error) };
  }
  if (version === 3) {
    const r = ReviewRowV3.safeParse(raw);
    return r.success ? { ok: true, row: migrateV4toV5(migrateV3toV4(r.data)) } : { ok: false, error: firstIssue(r.error) };
  }
  return { ok: false, error: `unknown schema_version ${JSON.stringify(version)}` };
}

/** A run row of any known version as v2 (v1: no night, no shard), or null when invalid. */
export function migrateRunRow(raw: unknown): RunRow | null {
  const v2 = RunRow.safeParse(raw);
  if (v2.success) return v2.data;
  const v1 = RunRowV1.safeParse(raw);
  if (!v1.success) return null;
  const { schema_version: _v, run_id, phase, iter, ...rest } = v1.data;
  return { schema_version: RUN_SCHEMA_VERSION, run_id, phase, iter, night: null, shard: null, ...rest };
}

function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join(".") || "(row)"}: ${i.message}` : "invalid row";
}
