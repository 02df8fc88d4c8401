// The sweep: plan (walk, floor, chunks) → resume → review each file through cache or ladder → finish
// (summary, end row, SARIF). Each phase is a named step in its own module; this file wires them.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Io } from "../cli/command";
import type { Config } from "../core/config";
import type { ShardRef } from "../kb/schemas/night";
import { InputError } from "../core/errors";
import { appendJsonl } from "../kb/jsonl";
import { lockKb } from "../kb/lock";
import { migrateReviewRow } from "../kb/migrate";
import { validateReviews } from "../kb/read-kb";
import { RUN_SCHEMA_VERSION, type RunRow } from "../kb/schemas/run-row";
import { CircuitBoard } from "../ladder/circuit";
import { planConcurrency, type ConcurrencyPlan } from "../ladder/concurrency";
import { Limiter, mapPool } from "../ladder/limiter";
import { realDeps, type RetryDeps } from "../ladder/retry";
import type { LadderDeps, LadderRung } from "../ladder/run-ladder";
import { createProvider } from "../providers/factory";
import { latestCacheable, ReviewCache } from "./cache";
import { finishSweep } from "./finish-sweep";
import type { RunContext } from "./make-row";
import { ObserverClient } from "./observer-client";
import { dryRunPlan, planSweep, type DryRunPlan, type SweepPlan } from "./plan-sweep";
import { progress } from "./progress";
import { resumeIteration } from "./resume";
import { fileReviewer } from "./review-file";
import type { SweepSummary } from "./summary";
import { sensitiveMatcher } from "./tier";

export type { DryRunPlan };

export interface SweepOptions {
  repo: string;
  kbDir: string;
  config: Config;
  /** Shown in the summary so a reader knows which policy file ran. */
  configPath?: string;
  ladder?: string;
  prompt?: string;
  iter?: number;
  /** Review only this shard's files (the floor still scans every file). */
  shard?: ShardRef | null;
  /** The night id shared by the shards of one night. */
  night?: string | null;
  since?: string;
  files?: string[];
  proposal?: string;
  concurrency?: number;
  fresh?: boolean;
  dryRun?: boolean;
  sarif?: string;
  quiet?: boolean;
  /** Injected for tests: sleep/jitter of retries, the clock. */
  retryDeps?: RetryDeps;
  now?: () => number;
}

export type SweepOutcome = { kind: "summary"; summary: SweepSummary } | { kind: "plan"; plan: DryRunPlan };

export async function runSweep(opts: SweepOptions, io: Io): Promise<SweepOutcome> {
  const kbDir = resolve(io.cwd, opts.kbDir);
  if (existsSync(kbDir) && !statSync(kbDir).isDirectory()) throw new InputError(`--kb must be a directory: ${opts.kbDir} is a file`);
  if (opts.sarif && !existsSync(dirname(resolve(io.cwd, opts.sarif)))) throw new InputError(`--sarif: directory not found: ${dirname(resolve(io.cwd, opts.sarif))}`);
  // One writer per KB: two sweeps appending to the same iteration would duplicate rows.
  const release = opts.dryRun ? () => {} : lockKb(kbDir);
  try {
    return await sweepLocked(opts, io);
  } finally {
    release();
  }
}

async function sweepLocked(opts: SweepOptions, io: Io): Promise<SweepOutcome> {
  const startedAt = performance.now();
  const now = opts.now ?? Date.now;
  const plan = await planSweep(opts, io);
  if (opts.dryRun) return { kind: "plan", plan: dryRunPlan(plan) };

  const { run, runBase } = startRun(plan, opts.config, now);
  const { iterDone, done } = resumeIteration(plan, io);
  const observerUrl = opts.config.observer.url ?? io.env.SCRUM_OBSERVER_URL;
  const observer = observerUrl ? new ObserverClient(observerUrl, opts.config.observer.timeoutMs, io.env[opts.config.observer.apiKeyEnv] || undefined) : null;
  const bar = progress(plan.planned.length, { tty: io.isTTY, quiet: Boolean(opts.quiet), write: io.err });
  const concurrency = planConcurrency(opts.concurrency, opts.config.concurrency, plan.choice.rungs.map((r) => r.provider));
  const reviewer = fileReviewer({
    run, config: opts.config, prompts: plan.prompts, proposal: plan.proposal, findings: plan.findings,
    ladder: plan.choice.rungs.map((rung, index): LadderRung => ({ index, rung, provider: rung.provider === "static" ? null : createProvider(rung, io.env) })),
    ladderDeps: ladderDeps(opts, io, concurrency),
    models: plan.choice.rungs.filter((r) => r.provider !== "static").map((r) => r.model),
    cache: reviewCache(plan, !opts.fresh, io),
    done, sensitive: sensitiveMatcher(opts.config.tiers), paths: plan.paths, bar, observer, io, now,
  });

  const written = (await mapPool(plan.planned, concurrency.files, (p) => reviewer.review(p))).flat();
  bar.done();
  await observer?.flush();
  const summary = await finishSweep({
    plan, run, runBase, iterDone, written, resumed: reviewer.resumed,
    observer: observer ? { sent: observer.sent, failed: observer.failed } : null,
    startedAt, configPath: opts.configPath ?? null, sarif: opts.sarif, now, concurrency,
  }, io);
  return { kind: "summary", summary };
}

/** The run's identity (every row carries it) and its start row. */
function startRun(plan: SweepPlan, config: Config, now: () => number): { run: RunContext; runBase: Omit<RunRow, "phase" | "created_at"> } {
  const { walk, iter, prompts, choice } = plan;
  const run: RunContext = {
    run_id: `${new Date(now()).toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${crypto.randomUUID().slice(0, 8)}`,
    iter, night: plan.night, shard: plan.shard ? { index: plan.shard.index, count: plan.shard.count } : null,
    repo: walk.repo, commit: walk.commit,
    prompt: { name: prompts.name, sha256: prompts.sha256 },
    policy_version: config.policy_version, proposal: plan.proposal, tiers: config.tiers,
  };
  const runBase = { schema_version: RUN_SCHEMA_VERSION, run_id: run.run_id, iter, night: run.night, shard: run.shard, repo: walk.repo, commit: walk.commit, ladder: choice.name, prompt: run.prompt, policy_version: config.policy_version, files_planned: plan.planned.length };
  appendJsonl(plan.paths.runs, [{ ...runBase, phase: "start", created_at: new Date(now()).toISOString() } satisfies RunRow]);
  return { run, runBase };
}

function ladderDeps(opts: SweepOptions, io: Io, concurrency: ConcurrencyPlan): LadderDeps {
  const { config } = opts;
  return {
    circuits: new CircuitBoard(config.retry.circuitAfter),
    limiters: new Map(concurrency.providers.map((p) => [p.provider, new Limiter(p.limit)])),
    retry: { baseMs: config.retry.baseMs, maxMs: config.retry.maxMs },
    retryDeps: opts.retryDeps ?? realDeps,
    minConfidence: config.accept.minConfidence,
    signal: io.signal,
    now: () => performance.now(),
  };
}

/** Earlier reviews of this repository keyed for reuse (empty with --fresh). */
function reviewCache(plan: SweepPlan, reuse: boolean, io: Io): ReviewCache {
  if (!reuse) return new ReviewCache([]);
  const migrate = (raw: unknown) => { const m = migrateReviewRow(raw); return m.ok ? m.row : null; };
  return new ReviewCache(validateReviews(latestCacheable(plan.repoRaw, migrate), plan.paths.reviews, (m) => io.err(m + "\n")));
}
