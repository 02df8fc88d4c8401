// Sweep phase 4, finish: the iteration's summary, the run's end row, then the SARIF file.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Io } from "../cli/command";
import { InputError } from "../core/errors";
import { appendJsonl } from "../kb/jsonl";
import type { ReviewRow } from "../kb/schemas/review-row";
import type { RunRow } from "../kb/schemas/run-row";
import type { ConcurrencyPlan } from "../ladder/concurrency";
import type { RunContext } from "./make-row";
import type { SweepPlan } from "./plan-sweep";
import { toSarif } from "./sarif";
import { summarizeIteration, type SweepSummary } from "./summary";

export interface FinishInput {
  plan: SweepPlan;
  run: RunContext;
  /** The start row's fields, repeated on the end row. */
  runBase: Omit<RunRow, "phase" | "created_at">;
  /** Rows this iteration already had (resumed) and rows this run wrote. */
  iterDone: ReviewRow[];
  written: ReviewRow[];
  resumed: number;
  observer: { sent: number; failed: number } | null;
  startedAt: number;
  configPath: string | null;
  sarif: string | undefined;
  now: () => number;
  /** Files and requests in flight, and which setting decided each. */
  concurrency: ConcurrencyPlan;
}

export async function finishSweep(f: FinishInput, io: Io): Promise<SweepSummary> {
  const { plan } = f;
  // The iteration's rows, resumed ones included, make the summary and the SARIF (no second KB read:
  // the lock guarantees nobody else wrote this iteration meanwhile).
  const iterRows = [...f.iterDone, ...f.written];
  const summary = summarizeIteration({
    run: f.run, ladder: plan.choice, skipped: plan.walk.skipped, walkMode: plan.walk.mode, shard: plan.shard, planned: plan.planned, iterRows,
    runRows: f.written, targeted: plan.targeted, resumed: f.resumed, observer: f.observer,
    wallMs: performance.now() - f.startedAt, interrupted: Boolean(io.signal?.aborted), configPath: f.configPath, concurrency: f.concurrency,
  });
  const sarifPath = f.sarif ? resolve(io.cwd, f.sarif) : null;
  if (sarifPath) summary.sarif = sarifPath;
  appendJsonl(plan.paths.runs, [{
    ...f.runBase, phase: "end", reviewed: summary.reviewed, cached: summary.cached, failed: summary.failed, skipped: summary.skipped,
    mean_score: summary.mean_score, models: summary.models, wall_ms: Math.round(summary.wall_ms), interrupted: summary.interrupted,
    created_at: new Date(f.now()).toISOString(),
  } satisfies RunRow]);
  // After the end row: a SARIF that cannot be written must not leave the run looking interrupted.
  if (sarifPath) {
    const pkg = await import("../../package.json");
    try {
      const sarif = toSarif(iterRows, { version: pkg.version, srcRoot: plan.walk.root, rules: plan.rules, repo: plan.walk.repo, commit: plan.walk.commit });
      writeFileSync(sarifPath, JSON.stringify(sarif, null, 2) + "\n");
    } catch (e) {
      throw new InputError(`--sarif: cannot write ${sarifPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, "the KB rows of this run are complete");
    }
  }
  return summary;
}
