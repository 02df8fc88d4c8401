// Which night and which shard wrote a row: shards of one night share the night id and the iteration.
import { z } from "zod";

/** A night's id: from `--night`, SCRUM_NIGHT or the CI run (GitHub run id, GitLab pipeline id). */
export const NightId = z.string().min(1).max(200).describe("the night (CI run) that wrote this row; null for a sweep outside a named night");

/** Shard K of N (1-based), or null for an unsharded sweep. */
export const ShardRef = z
  .object({ index: z.number().int().min(1), count: z.number().int().min(1) })
  .refine((s) => s.index <= s.count, { message: "shard index must be ≤ count" })
  .describe("shard K of N (1-based) that reviewed this file; null when the sweep was not sharded");
export type ShardRef = z.infer<typeof ShardRef>;
