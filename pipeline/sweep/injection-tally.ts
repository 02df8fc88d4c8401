// The iteration's prompt-injection figures for the summary: floor findings by file, answers overruled.
import type { ReviewRow } from "../kb/schemas/review-row";

export interface InjectionTally {
  findings: number;
  files: string[];
  /** Model answers not accepted because they obeyed injected text (each an `overruled` attempt). */
  overruled_answers: number;
  /** Chunks whose row says injection_suspected. */
  suspected_chunks: number;
}

export function injectionTally(rows: readonly ReviewRow[]): InjectionTally {
  const files = new Set<string>();
  let findings = 0, overruled = 0, suspected = 0;
  for (const r of rows) {
    const n = r.static_findings.filter((f) => f.class === "prompt-injection").length;
    if (n) { findings += n; files.add(r.file); }
    overruled += r.attempts.filter((a) => a.outcome === "overruled").length;
    if (r.injection_suspected) suspected++;
  }
  return { findings, files: [...files].sort(), overruled_answers: overruled, suspected_chunks: suspected };
}
