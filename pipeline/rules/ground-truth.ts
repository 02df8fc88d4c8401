// The eval corpus's ground truth: planted defects (file, line, class), validated with zod.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ConfigError, InputError } from "../core/errors";
import { FindingClass } from "../kb/schemas/static-finding";

export const GroundTruthEntry = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  class: FindingClass,
  note: z.string().optional(),
  /** Computed, never written: the last line of the defect's span (an ignored parameter's whole signature, run-eval.ts). */
  end_line: z.number().int().positive().optional(),
});
export type GroundTruthEntry = z.infer<typeof GroundTruthEntry>;

export const GroundTruth = z.object({
  version: z.literal(1),
  defects: z.array(GroundTruthEntry).min(1),
  decoys: z.array(z.object({ file: z.string(), line: z.number().int().positive(), looks_like: FindingClass, why: z.string() })).default([]),
});
export type GroundTruth = z.infer<typeof GroundTruth>;

export function loadGroundTruth(path: string): GroundTruth {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError(`ground truth not found: ${path}`, "a corpus needs a ground-truth.yaml (see docs/RULES.md)");
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const r = GroundTruth.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ConfigError(`${path}: ${i.path.join(".") || "(top level)"}: ${i.message}`);
  }
  return r.data;
}
