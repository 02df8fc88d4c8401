// KB row of data/_kb/scrum_runs.jsonl: one row when a sweep starts and one when it ends.
import { z } from "zod";
import { NightId, ShardRef } from "./night";

export const RUN_SCHEMA_VERSION = 2 as const;

export const ModelStats = z.object({
  provider: z.string(),
  model: z.string(),
  accepted: z.number().int().min(0).describe("chunks this model's answer was accepted for in this run (cached reuses excluded)"),
  cached: z.number().int().min(0).default(0).describe("chunks that reused an earlier review by this model, with no call"),
  first_attempt_accepts: z.number().int().min(0),
  json_answers: z.number().int().min(0),
  markdown_answers: z.number().int().min(0),
  json_rate: z.number().min(0).max(1).nullable(),
  parse_failures: z.number().int().min(0),
  requests: z.number().int().min(0),
  tokens: z.object({ prompt: z.number().int().min(0), completion: z.number().int().min(0) }),
});
export type ModelStats = z.infer<typeof ModelStats>;

/** v1: before shards and nights (read and migrated by readRuns). */
export const RunRowV1 = z.object({
  schema_version: z.literal(1),
  run_id: z.string(),
  phase: z.enum(["start", "end"]),
  iter: z.number().int().min(1),
  repo: z.string(),
  commit: z.string().nullable(),
  ladder: z.string(),
  prompt: z.object({ name: z.string(), sha256: z.string() }),
  policy_version: z.string(),
  files_planned: z.number().int().min(0),
  reviewed: z.number().int().min(0).optional(),
  cached: z.number().int().min(0).optional(),
  failed: z.number().int().min(0).optional(),
  skipped: z.number().int().min(0).optional(),
  mean_score: z.number().nullable().optional(),
  models: z.array(ModelStats).optional(),
  wall_ms: z.number().min(0).optional(),
  interrupted: z.boolean().optional(),
  created_at: z.string(),
});

const { schema_version: _v1, run_id, phase, iter, ...afterIter } = RunRowV1.shape;

/** v2 (current): v1 plus the night and shard of the sweep, right after `iter` (the writer's key order). */
export const RunRow = z.object({
  schema_version: z.literal(RUN_SCHEMA_VERSION),
  run_id,
  phase,
  iter,
  night: NightId.nullable(),
  shard: ShardRef.nullable(),
  ...afterIter,
});
export type RunRow = z.infer<typeof RunRow>;
