// KB rows → eval findings: the static rung's own findings, or a model's critical failures.
import type { ReviewRow } from "../kb/schemas/review-row";
import { FindingClass } from "../kb/schemas/static-finding";
import type { EvalFinding } from "./score-eval";

const CLASS_PREFIX = /^\[([a-z-]+)\]\s/;

/**
 * Rows answered by the static rung contribute their static_findings at warning or above; info-level notes
 * (a smoke test whose only check is a throw) say what a test is, not that it is a defect, and count only
 * with `notes: true`; leads (a swallowed error with no evidence that it matters) count with `notes` or `leads`. Rows answered by a model contribute their critical_failures, classed when the title
 * carries a `[class]` prefix. Rows that failed contribute nothing. Duplicates across chunks collapse.
 */
export function rowFindings(rows: ReviewRow[], opts: { notes?: boolean; leads?: boolean } = {}): EvalFinding[] {
  const out = new Map<string, EvalFinding>();
  for (const r of rows) {
    if (r.status !== "accepted") continue;
    if (r.provider === "static") {
      for (const f of r.static_findings) if (opts.notes || f.severity !== "info" || (opts.leads && f.lead)) out.set(`${f.file}:${f.line}:${f.class}`, { file: f.file, line: f.line, end_line: f.end_line, class: f.class, label: f.rule_id });
      continue;
    }
    for (const c of r.critical_failures) {
      if (!c.line) continue;
      const m = CLASS_PREFIX.exec(c.title);
      const cls = m && FindingClass.safeParse(m[1]).success ? (m[1] as FindingClass) : null;
      out.set(`${r.file}:${c.line}:${cls ?? c.title}`, { file: r.file, line: c.line, class: cls, label: c.title });
    }
  }
  return [...out.values()];
}
