// The review a model (or the static floor) must return: the exact JSON fields the prompt asks for.
import { z } from "zod";

export const Item = z.object({
  title: z.string().min(1),
  line: z.number().int().positive().optional(),
  evidence: z.string().optional(),
});
export type Item = z.infer<typeof Item>;

export const Verdict = z.enum(["pass", "concerns", "fail"]);
export type Verdict = z.infer<typeof Verdict>;

/** What the prompt asks a model for, field for field. */
export const ReviewAnswer = z.object({
  verdict: Verdict,
  score: z.number().min(0).max(10),
  confidence: z.number().min(0).max(1),
  critical_failures: z.array(Item),
  verified_components: z.array(Item),
  missing_components: z.array(Item),
  summary: z.string(),
});
export type ReviewAnswer = z.infer<typeof ReviewAnswer>;

/** An answer's finding after the evidence check against the reviewed file. */
export const CheckedItem = Item.extend({
  verified: z.boolean().describe("line exists and quoted evidence occurs near it"),
  unverified_reason: z.string().optional(),
});
export type CheckedItem = z.infer<typeof CheckedItem>;
