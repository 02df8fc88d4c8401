// Which iteration a sweep writes: --iter N, else resume an interrupted last run, else last + 1.
import type { ReviewRow } from "../kb/schemas/review-row";
import type { RunRow } from "../kb/schemas/run-row";

export function pickIteration(rows: readonly Pick<ReviewRow, "iter">[], runs: readonly RunRow[], explicit?: number): { iter: number; resuming: boolean } {
  const lastRow = rows.reduce((m, r) => Math.max(m, r.iter), 0);
  const lastRun = runs.reduce((m, r) => Math.max(m, r.iter), 0);
  const last = Math.max(lastRow, lastRun);
  // Interrupted means a recorded start without a clean end; a KB with rows but no run records (copied,
  // or migrated from v3) has nothing to resume.
  const started = runs.some((r) => r.phase === "start" && r.iter === last);
  const ended = runs.some((r) => r.phase === "end" && r.iter === last && !r.interrupted);
  const interrupted = last > 0 && started && !ended;
  if (explicit !== undefined) return { iter: explicit, resuming: rows.some((r) => r.iter === explicit) };
  return interrupted ? { iter: last, resuming: true } : { iter: last + 1, resuming: false };
}
