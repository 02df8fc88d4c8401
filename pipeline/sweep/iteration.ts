// Which iteration a sweep writes: --iter N, else resume an interrupted last run, else last + 1.
import type { ReviewRow } from "../kb/schemas/review-row";
import type { RunRow } from "../kb/schemas/run-row";

export function pickIteration(rows: readonly ReviewRow[], runs: readonly RunRow[], explicit?: number): { iter: number; resuming: boolean } {
  const lastRow = rows.reduce((m, r) => Math.max(m, r.iter), 0);
  const lastRun = runs.reduce((m, r) => Math.max(m, r.iter), 0);
  const last = Math.max(lastRow, lastRun);
  const ended = new Set(runs.filter((r) => r.phase === "end" && !r.interrupted).map((r) => r.iter));
  const interrupted = last > 0 && !ended.has(last);
  if (explicit !== undefined) return { iter: explicit, resuming: rows.some((r) => r.iter === explicit) };
  return interrupted ? { iter: last, resuming: true } : { iter: last + 1, resuming: false };
}
