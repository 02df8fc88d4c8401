// Rows the observer writes besides ops: failure analyses and playbook entries (zod is the only definition).
import { z } from "zod";

export const INSIGHT_SCHEMA_VERSION = 1 as const;

const Mode = z.enum(["model", "offline"]).describe("model: a ladder rung answered; offline: the deterministic analysis");
const Meta = {
  schema_version: z.literal(INSIGHT_SCHEMA_VERSION),
  created_at: z.string(),
  cycle: z.number().int().min(1),
  mode: Mode,
  provider: z.string().nullable(),
  model: z.string().nullable(),
  key: z.string().describe("stable id of the group, sha256 of its identity"),
};

/** A line of <data>/analyses.jsonl: one failure group (endpoint × normalised error) in the ring window. */
export const AnalysisRow = z.object({
  ...Meta,
  kind: z.literal("analysis"),
  endpoint: z.string(),
  error_pattern: z.string(),
  count: z.number().int().min(1),
  endpoint_calls: z.number().int().min(1),
  failure_rate: z.number().min(0).max(1).describe("this pattern's failures / all calls of the endpoint in the window"),
  sources: z.array(z.string()),
  first_seen: z.string(),
  last_seen: z.string(),
  example_error: z.string().nullable(),
  samples: z.array(z.string()).max(3).describe("input summaries of recent failures"),
  files: z.array(z.string()).max(5).describe("swept files among the failures (scrum source)"),
  cause: z.string().nullable(),
  suggestion: z.string().nullable(),
});
export type AnalysisRow = z.infer<typeof AnalysisRow>;

/** A line of <data>/playbooks.jsonl: repeated successes of one (endpoint, task class) consolidated. */
export const PlaybookRow = z.object({
  ...Meta,
  kind: z.literal("playbook"),
  endpoint: z.string(),
  task_class: z.string().describe("task_class, else event_kind, else (none)"),
  successes: z.number().int().min(1),
  failures: z.number().int().min(0),
  success_rate: z.number().min(0).max(1),
  median_duration_ms: z.number().min(0),
  p90_duration_ms: z.number().min(0),
  sources: z.array(z.string()),
  examples: z.array(z.object({ input_summary: z.string(), output_summary: z.string() })).max(3),
  corrections: z.array(z.string()).max(5).describe("overseer corrections on the same task class or signature"),
  guidance: z.string(),
});
export type PlaybookRow = z.infer<typeof PlaybookRow>;
