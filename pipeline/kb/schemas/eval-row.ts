// KB row of scrum_evals.jsonl, schema v1: one row per (mutation eval, mutant, reviewer), or one per
// asked-for mutant that was not planted (reviewer null), so recall, false alarms and the confusion table
// are GROUP BYs over this file.
import { z } from "zod";
import { FindingClass } from "./static-finding";

export const EVAL_SCHEMA_VERSION = 1 as const;

export const EvalRow = z.object({
  schema_version: z.literal(EVAL_SCHEMA_VERSION),
  eval_id: z.string().min(1),
  created_at: z.string(),
  repo: z.string(),
  commit: z.string().nullable(),
  ladder: z.string(),
  seed: z.string(),
  policy_version: z.string(),
  prompt: z.object({ name: z.string(), sha256: z.string() }),
  mutant: z.string().nullable().describe("mutant id (m01...); null when not planted"),
  class: FindingClass,
  operator: z.string().nullable(),
  language: z.string().nullable(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  reviewer: z.enum(["floor", "model", "ladder"]).nullable().describe("floor: the static rules; model: the model that answered the mutant's chunk; ladder: no model of the ladder answered it (every rung failed, or only the static rung did)"),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  outcome: z.enum(["caught", "missed", "unreviewed", "no_site", "overlap", "over_budget"]),
  detail: z.string().nullable(),
  hit: z.object({ line: z.number().int(), class: FindingClass.nullable(), label: z.string() }).nullable(),
  reported: z.array(z.string()).describe("classes of verified findings within the tolerance of the mutant (confusion table)"),
  findings: z.number().int().min(0).describe("the reviewer's findings on the mutated file"),
  false_alarms: z.number().int().min(0).describe("of those, near no mutant and absent from the baseline"),
  tolerance: z.number().int().min(0),
});
export type EvalRow = z.infer<typeof EvalRow>;
