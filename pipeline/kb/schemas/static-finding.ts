// A finding of the deterministic floor, and how a model answered it when handed as evidence.
import { z } from "zod";

export const Severity = z.enum(["info", "warning", "error"]);
export type Severity = z.infer<typeof Severity>;

export const FindingClass = z.enum([
  "unwired-auth",
  "ignored-parameter",
  "swallowed-error",
  "stub",
  "assertion-free-test",
  "hardcoded-secret",
  "insecure-compare",
  "tls-disabled",
  "hardcoded-path",
  "prompt-injection",
]);
export type FindingClass = z.infer<typeof FindingClass>;

export const StaticFinding = z.object({
  class: FindingClass,
  rule_id: z.string().min(1),
  severity: Severity,
  file: z.string().min(1),
  line: z.number().int().positive(),
  end_line: z.number().int().positive(),
  column: z.number().int().positive().optional(),
  end_column: z.number().int().positive().optional(),
  snippet: z.string(),
  message: z.string(),
  /** Where the code lives (pipeline/rules/place.ts): findings outside shipped code get a lower tier. Absent on rows before it existed. */
  place: z.enum(["shipped", "test", "example", "bench"]).optional(),
  /** A lead, not a defect claim (pipeline/rules/checks/claim-evidence.ts): info-level, for a model to verify. Absent = a claim. */
  lead: z.literal(true).optional(),
});
export type StaticFinding = z.infer<typeof StaticFinding>;

/** A static finding as stored on a model's row: the model may confirm or reject it, never drop it. */
export const EvidenceVerdict = StaticFinding.extend({
  model_verdict: z.enum(["confirmed", "rejected", "unanswered"]),
  model_reason: z.string().optional(),
});
export type EvidenceVerdict = z.infer<typeof EvidenceVerdict>;
