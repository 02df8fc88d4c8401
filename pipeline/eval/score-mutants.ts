// Pure scoring of a mutation eval: per mutant and reviewer (the floor, the model that answered), was the
// planted defect caught, what else did the reviewer report on that file that the baseline did not have.
import type { ReviewRow } from "../kb/schemas/review-row";
import { FindingClass } from "../kb/schemas/static-finding";
import type { Mutant } from "./mutant";

export interface Reviewer { kind: "floor" | "model" | "ladder"; provider: string | null; model: string | null }
export interface Finding { file: string; line: number; end_line: number; class: FindingClass | null; verified: boolean; label: string }
export type Outcome = "caught" | "missed" | "unreviewed";

export interface MutantResult {
  mutant: Mutant;
  reviewer: Reviewer;
  outcome: Outcome;
  hit: Finding | null;
  /** Classes of the verified findings near the mutant ("unclassified" for a model's unlabelled one). */
  reported: string[];
  /** The reviewer's findings on the mutated file, and those that match no mutant and were not in the baseline. */
  findings: number;
  false_alarms: number;
}

export const FLOOR: Reviewer = { kind: "floor", provider: "static", model: "static-floor" };
const CLASS_PREFIX = /^\[([a-z-]+)\]\s/;

function floorFindings(rows: readonly ReviewRow[]): Finding[] {
  return rows.flatMap((r) => r.static_findings.map((f) => ({ file: f.file, line: f.line, end_line: f.end_line, class: f.class, verified: true, label: f.rule_id })));
}

function modelFindings(rows: readonly ReviewRow[]): Finding[] {
  return rows.flatMap((r) => r.critical_failures.filter((c) => c.line).map((c) => {
    const m = CLASS_PREFIX.exec(c.title);
    const cls = m && FindingClass.safeParse(m[1]).success ? (m[1] as FindingClass) : null;
    return { file: r.file, line: c.line!, end_line: c.line!, class: cls, verified: c.verified, label: c.title };
  }));
}

/** The rows a reviewer answered: the floor's findings ride on every row; a model's only on rows it accepted. */
function findingsOf(reviewer: Reviewer, rows: readonly ReviewRow[]): Finding[] {
  if (reviewer.kind === "floor") return floorFindings(rows);
  return modelFindings(rows.filter((r) => r.status === "accepted" && r.provider !== "static" && r.provider === reviewer.provider && r.model === reviewer.model));
}

/** What the baseline ladder reported on each chunk: the findings of whichever rung answered it. */
function answered(rows: readonly ReviewRow[]): Finding[] {
  return rows.filter((r) => r.status === "accepted").flatMap((r) => (r.provider === "static" ? floorFindings([r]) : modelFindings([r])));
}

const near = (f: Finding, file: string, from: number, to: number, tol: number) => f.file === file && f.line - tol <= to && f.end_line + tol >= from;

/** Whether f sits on the mutant's change or on one of its related sites, within the tolerance. */
function onMutant(f: Finding, m: Mutant, tol: number): boolean {
  return near(f, m.file, m.line, m.end_line, tol) || m.related.some((r) => near(f, r.file, r.line, r.line, tol));
}

/** A baseline line as it reads in the mutated file. */
const shifted = (line: number, m: Mutant) => (line > m.line ? Math.max(m.line, line + m.line_delta) : line);

/** The reviewer(s) judged for a mutant: always the floor; the model that answered the mutant's chunk, if any. */
export function reviewersOf(m: Mutant, rows: readonly ReviewRow[], ladderHasModels: boolean): Reviewer[] {
  const chunk = rows.find((r) => r.file === m.file && (!r.chunk_lines || (r.chunk_lines.start <= m.line && m.line <= r.chunk_lines.end)));
  const out: Reviewer[] = [FLOOR];
  if (chunk?.status === "accepted" && chunk.provider !== "static") out.push({ kind: "model", provider: chunk.provider, model: chunk.model });
  else if (ladderHasModels) out.push({ kind: "ladder", provider: null, model: null });
  return out;
}

/**
 * One result per mutant and reviewer. Caught: a verified finding of the mutant's class (or of no class,
 * a model that does not label) within ±tolerance lines of the change or a related site. A false alarm:
 * a finding on the mutated file near no mutant and with no baseline finding of the same class within
 * ±tolerance (baseline lines shifted past the change). The floor's baseline is its own findings; a
 * model's is what the baseline sweep reported on each chunk, from whichever rung answered it (the same
 * model where it did): a finding the ladder already made before the mutant is not noise the mutant caused.
 */
export function scoreMutants(mutants: readonly Mutant[], mutated: readonly ReviewRow[], baseline: readonly ReviewRow[], opts: { tolerance: number; ladderHasModels: boolean }): MutantResult[] {
  const tol = opts.tolerance;
  const out: MutantResult[] = [];
  for (const m of mutants) {
    const fileRows = mutated.filter((r) => r.file === m.file);
    const relatedRows = mutated.filter((r) => m.related.some((x) => x.file === r.file));
    const baseRows = baseline.filter((r) => r.file === m.file);
    for (const reviewer of reviewersOf(m, fileRows, opts.ladderHasModels)) {
      if (reviewer.kind === "ladder" || fileRows.length === 0) {
        out.push({ mutant: m, reviewer, outcome: "unreviewed", hit: null, reported: [], findings: 0, false_alarms: 0 });
        continue;
      }
      const mine = findingsOf(reviewer, [...fileRows, ...relatedRows]);
      const nearby = mine.filter((f) => f.verified && onMutant(f, m, tol));
      const hit = nearby.find((f) => f.class === m.class) ?? nearby.find((f) => f.class === null) ?? null;
      const onFile = mine.filter((f) => f.file === m.file);
      const base = (reviewer.kind === "floor" ? floorFindings(baseRows) : answered(baseRows))
        .map((b) => ({ ...b, line: shifted(b.line, m), end_line: shifted(b.end_line, m) }));
      const alarms = onFile.filter((f) => !onMutant(f, m, tol) && !base.some((b) => (b.class === f.class || b.class === null || f.class === null) && Math.abs(b.line - f.line) <= tol));
      out.push({
        mutant: m, reviewer, outcome: hit ? "caught" : "missed", hit,
        reported: [...new Set(nearby.map((f) => f.class ?? "unclassified"))].sort(),
        findings: onFile.length, false_alarms: alarms.length,
      });
    }
  }
  return out;
}
