// KB row of data/_kb/model_trust.jsonl: one row per file-accept.
import { z } from "zod";
import { Tokens } from "./review-row";

export const TRUST_SCHEMA_VERSION = 1 as const;

export const TrustRow = z.object({
  schema_version: z.literal(TRUST_SCHEMA_VERSION),
  run_id: z.string(),
  iter: z.number().int().min(1),
  file: z.string(),
  chunk: z.number().int().min(1),
  file_sha256: z.string(),
  provider: z.string(),
  model: z.string(),
  rung: z.number().int().min(0),
  accepted_on_attempt: z.number().int().min(1),
  output_format: z.enum(["json", "markdown"]),
  latency_ms: z.number().min(0),
  tokens: Tokens,
  parse_failures: z.number().int().min(0).describe("parse failures on this file before the accept, all models"),
  findings: z.number().int().min(0),
  unverified_findings: z.number().int().min(0).describe("findings whose line or evidence did not check out"),
  cached: z.boolean(),
  created_at: z.string(),
});
export type TrustRow = z.infer<typeof TrustRow>;

/** One failed try of a model on a file (parse failure, low confidence, error, overruled), so trust counts misses too. */
export const MissRow = z.object({
  schema_version: z.literal(TRUST_SCHEMA_VERSION),
  kind: z.literal("miss"),
  run_id: z.string(),
  iter: z.number().int().min(1),
  file: z.string(),
  provider: z.string(),
  model: z.string(),
  rung: z.number().int().min(0),
  outcome: z.enum(["parse_failure", "low_confidence", "error", "circuit_open", "overruled"]).describe("overruled: the model's answer obeyed prompt-injection text in the file"),
  detail: z.string().optional(),
  created_at: z.string(),
});
export type MissRow = z.infer<typeof MissRow>;
