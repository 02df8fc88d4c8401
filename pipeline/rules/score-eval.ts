// Pure eval scoring: match reported findings to ground truth; recall, false positives, precision.
import type { FindingClass } from "../kb/schemas/static-finding";
import type { GroundTruthEntry } from "./ground-truth";
import { languageOf } from "./languages";

/** A reported defect: a static finding (with class) or a model's critical failure (class maybe unknown). */
export interface EvalFinding {
  file: string;
  line: number;
  end_line?: number;
  class: FindingClass | null;
  label?: string;
}

export interface Score { expected: number; found: number; missed: number; reported: number; true_positives: number; false_positives: number; recall: number; precision: number }
export interface EvalReport {
  tolerance: number;
  /** The headline: a finding counts only when it names the defect's class. */
  total: Score;
  /** The second figure: any finding near the line counts, whatever its class. */
  location_only: Score;
  by_class: Record<string, Score>;
  by_language: Record<string, Score>;
  missed: GroundTruthEntry[];
  false_positives: EvalFinding[];
}

/**
 * A finding matches a defect when the file is the same, the classes agree (a finding without a
 * class, e.g. a model's, matches any class; `byClass: false` is the location-only reading), and the
 * defect's line (or span: `end_line`) meets the finding's [line, end_line] widened by `tolerance` lines on each side. A finding matching any defect is a
 * true positive (two rules naming one defect are not a false positive); a defect is found when
 * any finding matches it.
 */
export function matches(f: EvalFinding, g: GroundTruthEntry, tolerance: number, byClass = true): boolean {
  if (f.file !== g.file) return false;
  if (byClass && f.class && f.class !== g.class) return false;
  // A defect that spans lines (an ignored parameter's function signature, run-eval.ts) is found anywhere in it.
  return (g.end_line ?? g.line) >= f.line - tolerance && g.line <= (f.end_line ?? f.line) + tolerance;
}

function score(expected: number, found: number, reported: number, tp: number): Score {
  return {
    expected, found, missed: expected - found, reported, true_positives: tp, false_positives: reported - tp,
    recall: expected ? found / expected : 1,
    precision: reported ? tp / reported : 1,
  };
}

const langOf = (file: string) => languageOf(file) ?? "other";

export function scoreEval(groundTruth: GroundTruthEntry[], findings: EvalFinding[], tolerance = 2): EvalReport {
  const foundGt = groundTruth.map((g) => findings.some((f) => matches(f, g, tolerance)));
  const matchOf = findings.map((f) => groundTruth.find((g) => matches(f, g, tolerance)) ?? null);
  const group = (keyGt: (g: GroundTruthEntry) => string, keyF: (f: EvalFinding, m: GroundTruthEntry | null) => string) => {
    const keys = new Set([...groundTruth.map(keyGt), ...findings.map((f, i) => keyF(f, matchOf[i] ?? null))]);
    const out: Record<string, Score> = {};
    for (const k of [...keys].sort()) {
      const gts = groundTruth.map((g, i) => [g, foundGt[i]] as const).filter(([g]) => keyGt(g) === k);
      const fs = findings.map((f, i) => [f, matchOf[i]] as const).filter(([f, m]) => keyF(f, m ?? null) === k);
      out[k] = score(gts.length, gts.filter(([, ok]) => ok).length, fs.length, fs.filter(([, m]) => m).length);
    }
    return out;
  };
  const nearGt = groundTruth.filter((g) => findings.some((f) => matches(f, g, tolerance, false))).length;
  const nearF = findings.filter((f) => groundTruth.some((g) => matches(f, g, tolerance, false))).length;
  return {
    tolerance,
    total: score(groundTruth.length, foundGt.filter(Boolean).length, findings.length, matchOf.filter(Boolean).length),
    location_only: score(groundTruth.length, nearGt, findings.length, nearF),
    by_class: group((g) => g.class, (f, m) => f.class ?? m?.class ?? "unclassified"),
    by_language: group((g) => langOf(g.file), (f) => langOf(f.file)),
    missed: groundTruth.filter((_, i) => !foundGt[i]),
    false_positives: findings.filter((_, i) => !matchOf[i]),
  };
}
