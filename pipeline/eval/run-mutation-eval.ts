// `scrum eval --mutate`: plant known defects in a copy of the user's repository, sweep the copy with the
// ladder (unmutated files answered from the baseline's cached reviews), and count what each reviewer
// caught. Phases: plan (in memory) → copy + baseline sweep → plant → mutated sweep → score → record.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Io } from "../cli/command";
import { INSTALL_ROOT } from "../cli/load-config";
import type { Config } from "../core/config";
import { RuntimeError, UsageError } from "../core/errors";
import { appendJsonl } from "../kb/jsonl";
import { kbPaths } from "../kb/paths";
import { readReviews } from "../kb/read-kb";
import type { FindingClass } from "../kb/schemas/static-finding";
import { loadPrompts } from "../prompt/load-prompts";
import { loadFloor } from "../rules/floor";
import { chooseLadder } from "../sweep/choose-ladder";
import { runSweep } from "../sweep/run-sweep";
import { walkRepo } from "../walk/walk-repo";
import { cacheableRows, costModel } from "./estimate-cost";
import { evalRows } from "./eval-rows";
import { findSitesParallel } from "./find-sites-parallel";
import { loadMutations } from "./load-mutations";
import { copyPath, ensureEmptyDir, makeCopy, writeFiles } from "./make-copy";
import type { Mutant, NotPlanted } from "./mutant";
import { planMutants } from "./plan-mutants";
import { scoreMutants, type MutantResult } from "./score-mutants";
import { summarizeEval, type ReviewerSummary } from "./summarize-eval";
import type { RetryDeps } from "../ladder/retry";

export interface MutateOptions {
  repo: string;
  /** The user's KB: read for cached baseline reviews, appended with the eval's rows. */
  kbDir: string;
  config: Config;
  ladder?: string;
  perClass: number;
  classes: FindingClass[];
  seed: string;
  tolerance: number;
  keep?: string;
  maxRequests?: number;
  dryRun?: boolean;
  mutationsDir: string;
  retryDeps?: RetryDeps;
  now?: () => number;
}

export interface MutationEvalResult {
  eval_id: string;
  dry_run: boolean;
  repo: string;
  commit: string | null;
  ladder: string;
  ladder_note: string | null;
  seed: string;
  tolerance: number;
  files: number;
  sites: number;
  plant_ms: number;
  mutants: Mutant[];
  not_planted: NotPlanted[];
  affected: string[];
  plan: { baseline_requests: number; mutant_requests: number; chunks: number; prompt_tokens: number; cost_usd: number | null };
  requests: { baseline: number; mutated: number } | null;
  results: MutantResult[];
  reviewers: ReviewerSummary[];
  kept: { dir: string; copy: string; mutants: string; kb: string } | null;
}

/** HTTP requests the rows of one sweep made (cached rows made none). */
const requestsOf = (rows: { cached: boolean; attempts: { provider: string; tries: number }[] }[]) =>
  rows.filter((r) => !r.cached).reduce((s, r) => s + r.attempts.filter((a) => a.provider !== "static").reduce((t, a) => t + a.tries, 0), 0);

/** "no_site for 7 classes, over_budget 2": why an eval planted nothing, from the not-planted outcomes. */
function whyNone(notPlanted: readonly NotPlanted[]): string {
  const counts = new Map<string, number>();
  for (const n of notPlanted) counts.set(n.reason, (counts.get(n.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${reason} ×${n}`).join(", ") || "no class asked for";
}

export async function runMutationEval(opts: MutateOptions, io: Io): Promise<MutationEvalResult> {
  const now = opts.now ?? Date.now;
  const { config } = opts;
  const warn = (m: string) => io.err(m + "\n");
  const kbDir = resolve(io.cwd, opts.kbDir);
  const walk = await walkRepo(opts.repo, io.cwd, { policy: config.walk });
  const choice = await chooseLadder(config, opts.ladder, io.env);
  const prompts = loadPrompts(resolve(INSTALL_ROOT, config.prompt.dir), config.prompt.default);
  const floor = loadFloor(resolve(INSTALL_ROOT, config.static.rulesDir));
  const operators = loadMutations(opts.mutationsDir);
  const cached = cacheableRows(kbDir, walk.repo, warn);
  const base = await floor.scanAsync(walk.files.map((f) => ({ path: f.path, content: f.content })), { workers: config.static.workers, onRuleFailure: (m) => warn(`scrum: warning: floor: ${m}`) });
  const cost = costModel(walk.files, base, choice.rungs, config, prompts.sha256, cached, kbPaths(kbDir).reviews);
  if (opts.maxRequests !== undefined && cost.baselineRequests > opts.maxRequests) {
    throw new UsageError(`--max-requests ${opts.maxRequests}: the baseline alone needs ${cost.baselineRequests} model request(s) (files with no cached review)`, `run \`scrum sweep --ladder ${choice.name}\` first, so the eval reuses its reviews, or raise --max-requests`);
  }
  const started = performance.now();
  const sites = await findSitesParallel(walk.files, operators, opts.seed);
  const siteMs = performance.now() - started;
  const plan = planMutants({
    files: walk.files, sites, classes: opts.classes, perClass: opts.perClass, seed: opts.seed, floor, base,
    cost: cost.requests, budget: opts.maxRequests === undefined ? null : opts.maxRequests - cost.baselineRequests,
  });
  const touched = [...plan.mutated.keys(), ...plan.affected];
  const totals = cost.totals(touched);
  const eval_id = `${new Date(now()).toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${crypto.randomUUID().slice(0, 8)}`;
  const result: MutationEvalResult = {
    eval_id, dry_run: Boolean(opts.dryRun), repo: walk.repo, commit: walk.commit, ladder: choice.name, ladder_note: choice.note,
    seed: opts.seed, tolerance: opts.tolerance, files: walk.files.length, sites: plan.sites, plant_ms: Math.round(siteMs + plan.sampleMs),
    mutants: plan.mutants, not_planted: plan.notPlanted, affected: plan.affected,
    plan: { baseline_requests: cost.baselineRequests, mutant_requests: cost.requests(touched), chunks: totals.chunks, prompt_tokens: totals.promptTokens, cost_usd: totals.costUsd },
    requests: null, results: [], reviewers: [], kept: null,
  };
  if (opts.dryRun) return result;
  if (!plan.mutants.length) throw new RuntimeError("E_NO_MUTANTS", `no mutant could be planted: ${whyNone(plan.notPlanted)}`, "`--dry-run` lists each class and why; docs/EVAL.md says which sites each class needs");

  const work = opts.keep ? resolve(io.cwd, opts.keep) : mkdtempSync(join(tmpdir(), "scrum-mutate-"));
  if (opts.keep) ensureEmptyDir(work, "--keep");
  const copy = copyPath(work, walk);
  const evalKb = join(work, "kb");
  try {
    await makeCopy(walk, copy, new Map(walk.files.map((f) => [f.path, f.content])));
    appendJsonl(kbPaths(evalKb).reviews, cached);
    const ladder = config.ladders[choice.name] ? choice.name : undefined;
    const sweep = async () => {
      const out = await runSweep({ repo: copy, kbDir: evalKb, config, ladder, quiet: true, retryDeps: opts.retryDeps, now: opts.now }, { ...io, cwd: work });
      if (out.kind !== "summary") throw new RuntimeError("E_EVAL", "the sweep returned a plan instead of rows");
      if (out.summary.interrupted) throw new RuntimeError("E_INTERRUPTED", "the eval's sweep was interrupted; nothing was recorded", "rerun the same command");
      return out.summary.iter;
    };
    const baseIter = await sweep();
    writeFiles(copy, plan.mutated);
    const mutIter = await sweep();
    const rows = readReviews(evalKb, warn);
    const baseline = rows.filter((r) => r.iter === baseIter);
    const mutated = rows.filter((r) => r.iter === mutIter);
    result.requests = { baseline: requestsOf(baseline), mutated: requestsOf(mutated) };
    result.results = scoreMutants(plan.mutants, mutated, baseline, { tolerance: opts.tolerance, ladderHasModels: choice.rungs.some((r) => r.provider !== "static") });
    result.reviewers = summarizeEval(result.results);
    const mutantsJson = join(work, "mutants.json");
    writeFileSync(mutantsJson, JSON.stringify({ eval_id, repo: walk.repo, commit: walk.commit, seed: opts.seed, mutants: plan.mutants, not_planted: plan.notPlanted }, null, 2) + "\n");
    appendJsonl(kbPaths(kbDir).evals, evalRows(result, { policy_version: config.policy_version, prompt: { name: prompts.name, sha256: prompts.sha256 }, created_at: new Date(now()).toISOString() }));
    if (opts.keep) result.kept = { dir: work, copy, mutants: mutantsJson, kb: evalKb };
    return result;
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
}
