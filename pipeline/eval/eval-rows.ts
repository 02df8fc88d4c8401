// A mutation eval's outcome as scrum_evals.jsonl rows: one per (mutant, reviewer), one per mutant not planted.
import { EVAL_SCHEMA_VERSION, type EvalRow } from "../kb/schemas/eval-row";
import type { MutationEvalResult } from "./run-mutation-eval";

export function evalRows(r: MutationEvalResult, meta: Pick<EvalRow, "policy_version" | "prompt" | "created_at">): EvalRow[] {
  const common = { schema_version: EVAL_SCHEMA_VERSION, eval_id: r.eval_id, repo: r.repo, commit: r.commit, ladder: r.ladder, seed: r.seed, tolerance: r.tolerance, ...meta };
  const planted = r.results.map((x): EvalRow => ({
    ...common, mutant: x.mutant.id, class: x.mutant.class, operator: x.mutant.operator, language: x.mutant.language, file: x.mutant.file, line: x.mutant.line,
    reviewer: x.reviewer.kind, provider: x.reviewer.provider, model: x.reviewer.model, outcome: x.outcome, detail: null,
    hit: x.hit ? { line: x.hit.line, class: x.hit.class, label: x.hit.label.slice(0, 200) } : null,
    reported: x.reported, findings: x.findings, false_alarms: x.false_alarms,
  }));
  const skipped = r.not_planted.map((n): EvalRow => ({
    ...common, mutant: null, class: n.class, operator: n.operator, language: null, file: n.file, line: n.line,
    reviewer: null, provider: null, model: null, outcome: n.reason, detail: n.detail, hit: null, reported: [], findings: 0, false_alarms: 0,
  }));
  return [...planted, ...skipped];
}
