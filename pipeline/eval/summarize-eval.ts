// Per reviewer: recall per class, false alarms and the confusion table (class planted → class reported).
import type { MutantResult, Reviewer } from "./score-mutants";

export interface ClassRecall { class: string; planted: number; reviewed: number; caught: number; recall: number | null }
export interface ReviewerSummary {
  reviewer: Reviewer;
  label: string;
  by_class: ClassRecall[];
  total: ClassRecall;
  findings: number;
  false_alarms: number;
  /** planted class → reported class ("nothing" when no verified finding was near) → mutants. */
  confusion: Record<string, Record<string, number>>;
}

export const reviewerLabel = (r: Reviewer) => (r.kind === "floor" ? "floor" : r.kind === "ladder" ? "(no model answered)" : r.model ?? "?");

function recall(cls: string, rs: readonly MutantResult[]): ClassRecall {
  const reviewed = rs.filter((r) => r.outcome !== "unreviewed");
  const caught = reviewed.filter((r) => r.outcome === "caught").length;
  return { class: cls, planted: rs.length, reviewed: reviewed.length, caught, recall: reviewed.length ? caught / reviewed.length : null };
}

/** Reviewers in order: the floor first, then models by how many mutants they reviewed. */
export function summarizeEval(results: readonly MutantResult[]): ReviewerSummary[] {
  const groups = new Map<string, MutantResult[]>();
  for (const r of results) {
    const k = `${r.reviewer.kind}\0${r.reviewer.provider ?? ""}\0${r.reviewer.model ?? ""}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out = [...groups.values()].map((rs): ReviewerSummary => {
    const classes = [...new Set(rs.map((r) => r.mutant.class))].sort();
    const confusion: Record<string, Record<string, number>> = {};
    for (const r of rs) {
      if (r.outcome === "unreviewed") continue;
      const row = (confusion[r.mutant.class] ??= {});
      for (const c of r.reported.length ? r.reported : ["nothing"]) row[c] = (row[c] ?? 0) + 1;
    }
    return {
      reviewer: rs[0]!.reviewer, label: reviewerLabel(rs[0]!.reviewer),
      by_class: classes.map((c) => recall(c, rs.filter((r) => r.mutant.class === c))),
      total: recall("total", rs),
      findings: rs.reduce((s, r) => s + r.findings, 0),
      false_alarms: rs.reduce((s, r) => s + r.false_alarms, 0),
      confusion,
    };
  });
  // One model name served by two providers: two columns, told apart by provider.
  const shared = new Set(out.filter((s) => out.some((o) => o !== s && o.label === s.label)).map((s) => s.label));
  for (const s of out) if (shared.has(s.label)) s.label = `${s.label} (${s.reviewer.provider})`;
  const rank = (s: ReviewerSummary) => (s.reviewer.kind === "floor" ? 0 : s.reviewer.kind === "model" ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || b.total.reviewed - a.total.reviewed || (a.label < b.label ? -1 : 1));
}
