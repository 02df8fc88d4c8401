// KB row of data/_kb/scrum_reviews.jsonl, schema v5: one row per (iter, file, chunk).
import { z } from "zod";
import { CheckedItem, Verdict } from "./review-answer";
import { NightId, ShardRef } from "./night";
import { EvidenceVerdict } from "./static-finding";

export const REVIEW_SCHEMA_VERSION = 5 as const;

export const GradientTier = z.enum(["auto", "dry_run", "sim", "block"]);
export type GradientTier = z.infer<typeof GradientTier>;

export const Tokens = z.object({ prompt: z.number().int().min(0), completion: z.number().int().min(0) });

export const Attempt = z.object({
  rung: z.number().int().min(0),
  provider: z.string(),
  model: z.string(),
  outcome: z.enum(["accepted", "parse_failure", "low_confidence", "error", "circuit_open", "skipped", "overruled"]).describe("overruled: a parsed, confident answer that obeyed prompt-injection text in the chunk (not accepted)"),
  detail: z.string().optional(),
  latency_ms: z.number().min(0),
  tries: z.number().int().min(0).describe("HTTP tries including retries"),
  tokens: Tokens.optional().describe("this attempt's tokens (the row's tokens sum every attempt); absent on rows written before it was recorded"),
});
export type Attempt = z.infer<typeof Attempt>;

/** v4: what a sweep wrote before shards and nights (read and migrated by kb/migrate.ts). */
export const ReviewRowV4 = z.object({
  schema_version: z.literal(4),
  run_id: z.string().min(1),
  iter: z.number().int().min(1),
  repo: z.string(),
  commit: z.string().nullable(),
  file: z.string().min(1),
  chunk: z.number().int().min(1),
  chunks: z.number().int().min(1),
  chunk_lines: z.object({ start: z.number().int().min(1), end: z.number().int().min(1) }).optional(),
  file_sha256: z.string().length(64),
  prompt: z.object({ name: z.string(), sha256: z.string().length(64) }),
  policy_version: z.string(),
  status: z.enum(["accepted", "failed"]),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  rung: z.number().int().min(0).nullable(),
  attempts: z.array(Attempt),
  accepted_on_attempt: z.number().int().min(1).nullable(),
  verdict: Verdict.nullable(),
  score: z.number().min(0).max(10).nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  critical_failures: z.array(CheckedItem),
  verified_components: z.array(CheckedItem),
  missing_components: z.array(CheckedItem),
  critical_failures_count: z.number().int().min(0),
  verified_components_count: z.number().int().min(0),
  missing_components_count: z.number().int().min(0),
  unverified_count: z.number().int().min(0),
  summary: z.string().nullable(),
  output_format: z.enum(["json", "markdown"]).nullable(),
  gradient_tier: GradientTier,
  static_findings: z.array(EvidenceVerdict),
  latency_ms: z.number().min(0),
  tokens: Tokens,
  cached: z.boolean(),
  cached_from: z.string().nullable().optional().describe("run_id of the sweep whose review a cached row reuses"),
  targeted_by_fixwave: z.boolean(),
  fixwave: z.object({ path: z.string(), sha256: z.string(), files: z.array(z.string()) }).nullable(),
  redactions: z.number().int().min(0),
  raw_answer: z.string().nullable().describe("the accepted (or last) model text, kept for offline re-extraction"),
  injection_suspected: z.boolean().optional().describe("an answer on this chunk obeyed prompt-injection text in it and was overruled; absent on rows written before the check"),
  overruled_rungs: z.array(z.number().int().min(0)).optional().describe("the rungs whose answer was overruled for obeying prompt-injection text"),
  error: z.string().nullable(),
  created_at: z.string(),
});

const { schema_version: _v4, run_id, iter, ...afterIter } = ReviewRowV4.shape;

/**
 * v5 (current): v4 plus the night and shard that wrote the row, declared right after `iter` so parsed
 * rows serialise in the writer's key order (kb merge reads the identity fields from a line's head).
 */
export const ReviewRowV5 = z.object({
  schema_version: z.literal(REVIEW_SCHEMA_VERSION),
  run_id,
  iter,
  night: NightId.nullable(),
  shard: ShardRef.nullable(),
  ...afterIter,
});
export type ReviewRowV4 = z.infer<typeof ReviewRowV4>;
export type ReviewRow = z.infer<typeof ReviewRowV5>;
