// Which iteration a sweep writes: --iter N, else the iteration its night already has, else resume an
// interrupted last run, else last + 1.
import type { RunRow } from "../kb/schemas/run-row";

export interface IterationPick {
  iter: number;
  resuming: boolean;
  /** The night already had rows in this iteration (another shard, or an earlier try of this job). */
  byNight: boolean;
}

/**
 * Shards of one night agree without talking to each other: each pulls the same KB, so last + 1 is the
 * same number; a shard that runs after another shard (or an earlier try) of its night already landed
 * finds its night and joins that iteration. A named night never resumes another night's iteration.
 */
export function pickIteration(
  rows: readonly { iter: number; night?: unknown }[],
  runs: readonly Pick<RunRow, "iter" | "phase" | "interrupted" | "night">[],
  explicit?: number,
  night?: string | null,
): IterationPick {
  const lastRow = rows.reduce((m, r) => Math.max(m, r.iter), 0);
  const lastRun = runs.reduce((m, r) => Math.max(m, r.iter), 0);
  const last = Math.max(lastRow, lastRun);
  if (explicit !== undefined) return { iter: explicit, resuming: rows.some((r) => r.iter === explicit), byNight: false };
  if (night) {
    const mine = [...rows, ...runs].reduce((m, r) => (r.night === night ? Math.max(m, r.iter) : m), 0);
    return mine ? { iter: mine, resuming: rows.some((r) => r.iter === mine), byNight: true } : { iter: last + 1, resuming: false, byNight: false };
  }
  // Interrupted means a recorded start without a clean end; a KB with rows but no run records (copied,
  // or migrated from v3) has nothing to resume.
  const started = runs.some((r) => r.phase === "start" && r.iter === last);
  const ended = runs.some((r) => r.phase === "end" && r.iter === last && !r.interrupted);
  const interrupted = last > 0 && started && !ended;
  return interrupted ? { iter: last, resuming: true, byNight: false } : { iter: last + 1, resuming: false, byNight: false };
}
