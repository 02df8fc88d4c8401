// The sweep: walk → floor → plan → ladder per chunk → KB rows (append-only, resumable, cached).
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Io } from "../cli/command";
import { INSTALL_ROOT } from "../cli/load-config";
import type { Config } from "../core/config";
import { InputError } from "../core/errors";
import { appendJsonl, readJsonl } from "../kb/jsonl";
import { lockKb } from "../kb/lock";
import { kbPaths } from "../kb/paths";
import { migrateReviewRow } from "../kb/migrate";
import { readRuns, readTrust, validateReviews } from "../kb/read-kb";
import type { ReviewRow } from "../kb/schemas/review-row";
import { RUN_SCHEMA_VERSION, type RunRow } from "../kb/schemas/run-row";
import type { StaticFinding } from "../kb/schemas/static-finding";
import { CircuitBoard } from "../ladder/circuit";
import { Limiter, mapPool } from "../ladder/limiter";
import { realDeps, type RetryDeps } from "../ladder/retry";
import { runLadder, type LadderRung } from "../ladder/run-ladder";
import { buildPrompt, languageOf } from "../prompt/build-prompt";
import { loadPrompts } from "../prompt/load-prompts";
import { redactSecrets } from "../prompt/redact";
import { createProvider } from "../providers/factory";
import { loadFloor } from "../rules/floor";
import { findingsToReview } from "../rules/to-review";
import { walkRepo, type Skipped } from "../walk/walk-repo";
import { latestCacheable, ReviewCache } from "./cache";
import { chooseLadder } from "./choose-ladder";
import { readProposal } from "./fixwave-input";
import { cachedRow, reviewRow, trustRows, type RunContext } from "./make-row";
import { ObserverClient } from "./observer-client";
import { planFiles, planTotals, type PlannedFile } from "./plan";
import { progress } from "./progress";
import { toSarif } from "./sarif";
import { summarizeIteration, type SweepSummary } from "./summary";
import { sensitiveMatcher } from "./tier";
import { pickIteration } from "./iteration";

export interface SweepOptions {
  repo: string;
  kbDir: string;
  config: Config;
  /** Shown in the summary so a reader knows which policy file ran. */
  configPath?: string;
  ladder?: string;
  prompt?: string;
  iter?: number;
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

export interface DryRunPlan {
  repo: string;
  walk_mode: "git" | "fs";
  iter: number;
  ladder: string;
  ladder_note: string | null;
  rungs: { provider: string; model: string }[];
  prompt: { name: string; sha256: string };
  files: { path: string; chunks: number; lines: number; by: string }[];
  chunks: number;
  estimated_prompt_tokens: number;
  estimated_cost_usd: number | null;
  skipped_files: Skipped[];
  targeted_by_fixwave: string[];
}

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
  const t0 = performance.now();
  const now = opts.now ?? Date.now;
  const { config } = opts;
  const prompts = loadPrompts(resolve(INSTALL_ROOT, config.prompt.dir), opts.prompt ?? config.prompt.default);
  const walk = await walkRepo(opts.repo, io.cwd, { policy: config.walk, since: opts.since, files: opts.files });
  const choice = await chooseLadder(config, opts.ladder, io.env);

  const paths = kbPaths(resolve(io.cwd, opts.kbDir));
  const warn = (m: string) => io.err(m + "\n");
  // Raw rows first: only the rows this sweep needs (its iteration, the newest review per cache key)
  // go through schema validation, so a long KB stays cheap to re-sweep.
  const repoRaw = (readJsonl(paths.reviews, warn) as { repo?: unknown; iter?: unknown }[]).filter((r) => r?.repo === walk.repo && typeof r.iter === "number");
  const { iter, resuming } = pickIteration(repoRaw as { iter: number }[], readRuns(paths.dir, warn).filter((r) => r.repo === walk.repo), opts.iter);
  if (resuming && !opts.quiet && opts.iter === undefined) io.err(`scrum: iteration ${iter} was interrupted; resuming it (pass --iter to choose another)\n`);

  const proposalPath = opts.proposal ? resolve(io.cwd, opts.proposal) : join(walk.root, config.prompt.proposal);
  const proposal = readProposal(proposalPath);
  if (opts.proposal && !proposal) throw new InputError(`--proposal file not found: ${opts.proposal}`);

  const floor = loadFloor(resolve(INSTALL_ROOT, config.static.rulesDir));
  const findings = await floor.scanAsync(walk.files.map((f) => ({ path: f.path, content: f.content })), { workers: config.static.workers });
  const planned = planFiles(walk.files, config.prompt.budgetTokens);
  const totals = planTotals(planned, choice.rungs);
  const targeted = proposal ? walk.files.map((f) => f.path).filter((p) => proposal.files.includes(p)) : [];

  if (opts.dryRun) {
    return {
      kind: "plan",
      plan: {
        repo: walk.repo, walk_mode: walk.mode, iter, ladder: choice.name, ladder_note: choice.note,
        rungs: choice.rungs.map((r) => ({ provider: r.provider, model: r.model })),
        prompt: { name: prompts.name, sha256: prompts.sha256 },
        files: planned.map((p) => ({ path: p.file.path, chunks: p.chunks.length, lines: p.lines.length, by: p.chunks[0]!.by })),
        chunks: totals.chunks, estimated_prompt_tokens: totals.promptTokens, estimated_cost_usd: totals.costUsd,
        skipped_files: walk.skipped, targeted_by_fixwave: targeted,
      },
    };
  }

  const run: RunContext = {
    run_id: `${new Date(now()).toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${crypto.randomUUID().slice(0, 8)}`,
    iter, repo: walk.repo, commit: walk.commit,
    prompt: { name: prompts.name, sha256: prompts.sha256 },
    policy_version: config.policy_version, proposal, tiers: config.tiers,
  };
  const runBase = { schema_version: RUN_SCHEMA_VERSION, run_id: run.run_id, iter, repo: walk.repo, commit: walk.commit, ladder: choice.name, prompt: run.prompt, policy_version: config.policy_version, files_planned: planned.length };
  appendJsonl(paths.runs, [{ ...runBase, phase: "start", created_at: new Date(now()).toISOString() } satisfies RunRow]);

  const ladder: LadderRung[] = choice.rungs.map((rung, index) => ({ index, rung, provider: rung.provider === "static" ? null : createProvider(rung, io.env) }));
  const models = choice.rungs.filter((r) => r.provider !== "static").map((r) => r.model);
  const deps = {
    circuits: new CircuitBoard(config.retry.circuitAfter),
    limiters: new Map(Object.entries(config.concurrency.perProvider).map(([k, n]) => [k, new Limiter(n)])),
    retry: { baseMs: config.retry.baseMs, maxMs: config.retry.maxMs },
    retryDeps: opts.retryDeps ?? realDeps,
    minConfidence: config.accept.minConfidence,
    signal: io.signal,
    now: () => performance.now(),
  };
  const iterDone = validateReviews(repoRaw.filter((r) => r.iter === iter), paths.reviews, warn);
  const done = new Set(iterDone.map((r) => `${r.file}#${r.chunk}/${r.chunks}`));
  if (iterDone.length) restoreTrustRows(paths.dir, iterDone, warn);
  const migrate = (raw: unknown) => { const m = migrateReviewRow(raw); return m.ok ? m.row : null; };
  const cache = new ReviewCache(opts.fresh ? [] : validateReviews(latestCacheable(repoRaw, migrate), paths.reviews, warn));
  const sensitive = sensitiveMatcher(config.tiers);
  const url = config.observer.url ?? io.env.SCRUM_OBSERVER_URL;
  const observer = url ? new ObserverClient(url, config.observer.timeoutMs, io.env[config.observer.apiKeyEnv] || undefined) : null;
  const bar = progress(planned.length, { tty: io.isTTY, quiet: Boolean(opts.quiet), write: io.err });
  const redaction = config.redaction;
  let resumed = 0;

  const reviewFile = async (p: PlannedFile): Promise<ReviewRow[]> => {
    const fileFindings = findings.get(p.file.path) ?? [];
    const rows: ReviewRow[] = [];
    const fileStart = performance.now();
    // What a rung may see: the file and its fix-wave section, redacted once per file when policy says so.
    const section = proposal?.sections.get(p.file.path) ?? null;
    let redacted: Promise<{ lines: string[]; section: string | null; count: number }> | null = null;
    const viewFor = (local: boolean) => {
      if (!(local ? redaction.local : redaction.remote)) return Promise.resolve({ lines: p.lines, section, count: 0 });
      redacted ??= (async () => {
        const file = await redactSecrets(p.file.content, p.file.path, redaction);
        const doc = section ? await redactSecrets(section, proposal!.path, redaction) : null;
        return { lines: file.text.split("\n"), section: doc?.text ?? null, count: file.count + (doc?.count ?? 0) };
      })();
      return redacted;
    };
    for (const [i, chunk] of p.chunks.entries()) {
      if (io.signal?.aborted) break;
      const n = i + 1;
      if (done.has(`${p.file.path}#${n}/${p.chunks.length}`)) { resumed++; continue; }
      const chunkFindings: StaticFinding[] = fileFindings.filter((f) => f.line >= chunk.start && f.line <= chunk.end);
      const ctx = {
        file: p.file.path, file_sha256: p.sha256, lines: p.lines, chunk: n, chunks: p.chunks.length,
        chunkLines: { start: chunk.start, end: chunk.end }, staticFindings: chunkFindings,
        sensitive: sensitive(p.file.path), created_at: "",
      };
      const hit = cache.find({ fileSha: p.sha256, chunk: n, chunks: p.chunks.length, promptSha: prompts.sha256, policyVersion: config.policy_version, claims: chunkFindings }, models);
      let row: ReviewRow;
      let res = null;
      if (hit) {
        row = cachedRow(run, hit, { ...ctx, created_at: new Date(now()).toISOString() });
      } else {
        res = await runLadder(ladder, {
          prompt: async (local) => {
            const view = await viewFor(local);
            const pr = buildPrompt({ prompts, file: p.file.path, language: languageOf(p.file.path), lines: view.lines, chunk, chunkIndex: n, chunks: p.chunks.length, staticFindings: chunkFindings, fixwaveSection: view.section });
            return { ...pr, redactions: view.count };
          },
          staticReview: () => findingsToReview(chunkFindings, config.static),
        }, deps);
        // An interrupted chunk gets no row: the resumed run reviews it again.
        if (io.signal?.aborted && !res.accepted) break;
        // Check findings against the text the accepting model saw (redacted lines for a remote rung).
        const seen = res.accepted?.rung.provider ? (await viewFor(res.accepted.rung.provider.local)).lines : p.lines;
        row = reviewRow(run, { ...ctx, lines: seen, created_at: new Date(now()).toISOString() }, res);
      }
      appendJsonl(paths.reviews, [row]);
      appendJsonl(paths.trust, trustRows(row));
      rows.push(row);
    }
    if (rows.length) {
      const failed = rows.find((r) => r.status === "failed");
      const scores = rows.filter((r) => r.score !== null).map((r) => r.score!);
      const score = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
      bar.tick(p.file.path, failed ? "FAILED" : `${rows[0]!.model}${rows.every((r) => r.cached) ? " (cached)" : ""} ${score?.toFixed(1) ?? ""}`);
      observer?.post({
        source: "scrum", timestamp: new Date(now()).toISOString(), endpoint: `scrum/sweep/${rows[0]!.provider ?? "none"}`,
        input_summary: `${p.file.path} iter ${iter} (${p.chunks.length} chunk${p.chunks.length > 1 ? "s" : ""})`,
        success: !failed, duration_ms: Math.round(performance.now() - fileStart),
        output_summary: failed ? "failed" : `${rows[0]!.verdict} ${score?.toFixed(1)}/10, ${rows.reduce((a, r) => a + r.critical_failures_count, 0)} critical`,
        error: failed?.error ?? null, file: p.file.path, iter, score, model: rows[0]!.model,
      });
    }
    return rows;
  };

  const written = (await mapPool(planned, Math.max(1, opts.concurrency ?? config.concurrency.files), reviewFile)).flat();
  bar.done();
  await observer?.flush();

  // The iteration's rows, resumed ones included, make the summary and the SARIF (no second KB read:
  // the lock guarantees nobody else wrote this iteration meanwhile).
  const iterRows = [...iterDone, ...written];
  const runRows = written;
  const summary = summarizeIteration({
    run, ladder: choice, skipped: walk.skipped, walkMode: walk.mode, planned, iterRows, runRows, targeted, resumed,
    observer: observer ? { sent: observer.sent, failed: observer.failed } : null,
    wallMs: performance.now() - t0, interrupted: Boolean(io.signal?.aborted), configPath: opts.configPath ?? null,
  });
  const sarifPath = opts.sarif ? resolve(io.cwd, opts.sarif) : null;
  if (sarifPath) summary.sarif = sarifPath;
  appendJsonl(paths.runs, [{
    ...runBase, phase: "end", reviewed: summary.reviewed, cached: summary.cached, failed: summary.failed, skipped: summary.skipped,
    mean_score: summary.mean_score, models: summary.models, wall_ms: Math.round(summary.wall_ms), interrupted: summary.interrupted,
    created_at: new Date(now()).toISOString(),
  } satisfies RunRow]);
  // After the end row: a SARIF that cannot be written must not leave the run looking interrupted.
  if (sarifPath) {
    const pkg = await import("../../package.json");
    try {
      writeFileSync(sarifPath, JSON.stringify(toSarif(iterRows, { version: pkg.version, srcRoot: walk.root }), null, 2) + "\n");
    } catch (e) {
      throw new InputError(`--sarif: cannot write ${sarifPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, "the KB rows of this run are complete");
    }
  }
  return { kind: "summary", summary };
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
