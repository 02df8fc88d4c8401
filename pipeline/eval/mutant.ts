// A planted mutant (the ground truth of one change) and the outcome of each mutant the eval asked for.
import { z } from "zod";
import { FindingClass } from "../kb/schemas/static-finding";

export const MutantSchema = z.object({
  id: z.string(),
  class: FindingClass,
  operator: z.string(),
  language: z.string(),
  file: z.string(),
  /** Lines of the change in the mutated file (1-based, inclusive). */
  line: z.number().int().min(1),
  end_line: z.number().int().min(1),
  /** Lines after the change moved by this much (negative: lines were removed). */
  line_delta: z.number().int(),
  before: z.string(),
  after: z.string(),
  symbol: z.string().nullable(),
  /** Where else the defect shows: a guard's definition in another file, once nothing mounts it. */
  related: z.array(z.object({ file: z.string(), line: z.number().int().min(1) })),
});
export type Mutant = z.infer<typeof MutantSchema>;

/**
 * Why an asked-for mutant was not planted: no site of its class in the repository (or not enough in
 * distinct files), its change touched another mutant's file through a cross-file finding, or it did
 * not fit --max-requests. Each is reported, never dropped.
 */
export const NotPlantedSchema = z.object({
  class: FindingClass,
  reason: z.enum(["no_site", "overlap", "over_budget"]),
  detail: z.string(),
  operator: z.string().nullable(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
});
export type NotPlanted = z.infer<typeof NotPlantedSchema>;
