// Sweep phase 2, resume: what this iteration already holds (an interrupted run's rows), and the
// trust rows a kill between two appends lost.
import type { Io } from "../cli/command";
import { appendJsonl } from "../kb/jsonl";
import { kbPaths } from "../kb/paths";
import { readTrust, validateReviews } from "../kb/read-kb";
import type { ReviewRow } from "../kb/schemas/review-row";
import { trustRows } from "./make-row";
import type { SweepPlan } from "./plan-sweep";

export interface ResumeState {
  iterDone: ReviewRow[];
  /** `file#chunk/chunks` keys already written in this iteration. */
  done: Set<string>;
}

export function resumeIteration(plan: SweepPlan, io: Io): ResumeState {
  const warn = (m: string) => io.err(m + "\n");
  // A shard joining its night's iteration owns only its own files' rows (other shards may have landed).
  const mine = plan.shard ? new Set(plan.planned.map((p) => p.file.path)) : null;
  const iterDone = validateReviews(plan.repoRaw.filter((r) => r.iter === plan.iter && (!mine || mine.has(r.file as string))), plan.paths.reviews, warn);
  if (iterDone.length) restoreTrustRows(plan.paths.dir, iterDone, warn);
  return { iterDone, done: new Set(iterDone.map((r) => `${r.file}#${r.chunk}/${r.chunks}`)) };
}

/**
 * A kill between a review row's append and its trust rows' append loses the trust rows, and resume
 * skips the chunk; rebuild them from the review row, which holds the same facts.
 */
function restoreTrustRows(kbDir: string, rows: readonly ReviewRow[], warn: (m: string) => void): void {
  const { accepts, misses } = readTrust(kbDir, warn);
  const have = new Set([...accepts.map((t) => `${t.run_id}|${t.file}|${t.chunk}`), ...misses.map((m) => `${m.run_id}|${m.file}|miss`)]);
  const lost = rows.filter((r) => {
    if (r.cached) return false;
    if (r.status === "accepted") return !have.has(`${r.run_id}|${r.file}|${r.chunk}`);
    return r.attempts.some((a) => a.outcome !== "accepted") && !have.has(`${r.run_id}|${r.file}|miss`);
  });
  appendJsonl(kbPaths(kbDir).trust, lost.flatMap(trustRows));
}
