// The run summary: computed from this run's rows (pure), printed as JSON or as readable text.
import type { ReviewRow } from "../kb/schemas/review-row";
import type { ModelStats } from "../kb/schemas/run-row";
import type { Skipped } from "../walk/walk-repo";
import type { RunContext } from "./make-row";
import type { PlannedFile } from "./plan";
import { describeConcurrency, type ConcurrencyPlan } from "../ladder/concurrency";
import { injectionTally, type InjectionTally } from "./injection-tally";

export interface SweepSummary {
  run_id: string;
  iter: number;
  /** The night id shared by the shards of one night, or null. */
  night: string | null;
  /** Shard K of N with its file count out of every walked file, or null when unsharded. */
  shard: { index: number; count: number; files: number; of: number } | null;
  repo: string;
  commit: string | null;
  /** git: tracked files via git; fs: not a git repository, walked the file system honouring .gitignore. */
  walk_mode: "git" | "fs";
  ladder: string;
  ladder_note: string | null;
  prompt: { name: string; sha256: string };
  policy_version: string;
  /** The config file that set the policy of this run. */
  config: string | null;
  files_planned: number;
  reviewed: number;
  cached: number;
  failed: number;
  skipped: number;
  resumed_chunks: number;
  mean_score: number | null;
  verdicts: Record<"pass" | "concerns" | "fail", number>;
  tiers: Record<"auto" | "dry_run" | "sim" | "block", number>;
  models: ModelStats[];
  requests: number;
  tokens: { prompt: number; completion: number };
  redactions: number;
  unverified_findings: number;
  critical_failures: number;
  skipped_files: Skipped[];
  split_files: { path: string; chunks: number; by: string }[];
  failed_files: { path: string; error: string }[];
  targeted_by_fixwave: string[];
  observer: { sent: number; failed: number } | null;
  sarif: string | null;
  wall_ms: number;
  interrupted: boolean;
  /** Files and requests in flight, and which setting (flag, config, per-provider cap) decided each. */
  concurrency: ConcurrencyPlan | null;
  /** Prompt-injection findings of this iteration, and answers overruled for obeying them. */
  prompt_injection: InjectionTally;
}

/** Per-file rollup: a file is reviewed when every chunk was accepted; its score is the chunks' mean. */
export function fileRollup(rows: readonly ReviewRow[]): Map<string, { score: number | null; failed: boolean; cached: boolean; rows: ReviewRow[] }> {
  const byFile = new Map<string, ReviewRow[]>();
  for (const r of rows) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const out = new Map<string, { score: number | null; failed: boolean; cached: boolean; rows: ReviewRow[] }>();
  for (const [file, rs] of byFile) {
    const failed = rs.some((r) => r.status === "failed");
    const scores = rs.filter((r) => r.score !== null).map((r) => r.score!);
    out.set(file, { score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, failed, cached: rs.every((r) => r.cached), rows: rs });
  }
  return out;
}

/**
 * Per-model figures of this run. Tokens and requests are each attempt's own; a cached reuse counts
 * as `cached`, never as an accept or a first-attempt accept. JSON rate = JSON answers over every
 * answer the model gave (accepted JSON + accepted markdown + answers that did not parse).
 */
export function modelStats(rows: readonly ReviewRow[]): ModelStats[] {
  const stats = new Map<string, ModelStats>();
  const get = (provider: string, model: string): ModelStats => {
    const k = `${provider}\0${model}`;
    const found = stats.get(k);
    if (found) return found;
    const s: ModelStats = { provider, model, accepted: 0, cached: 0, first_attempt_accepts: 0, json_answers: 0, markdown_answers: 0, json_rate: null, parse_failures: 0, requests: 0, tokens: { prompt: 0, completion: 0 } };
    stats.set(k, s);
    return s;
  };
  for (const r of rows) {
    if (r.cached) {
      if (r.model && r.provider) get(r.provider, r.model).cached++;
      continue;
    }
    for (const a of r.attempts) {
      const s = get(a.provider, a.model);
      s.requests += a.tries;
      s.tokens.prompt += a.tokens?.prompt ?? 0;
      s.tokens.completion += a.tokens?.completion ?? 0;
      if (a.outcome === "parse_failure") s.parse_failures++;
    }
    if (r.status === "accepted" && r.model && r.provider) {
      const s = get(r.provider, r.model);
      s.accepted++;
      if (r.accepted_on_attempt === 1) s.first_attempt_accepts++;
      if (r.output_format === "json") s.json_answers++;
      if (r.output_format === "markdown") s.markdown_answers++;
    }
  }
  for (const s of stats.values()) {
    const answered = s.json_answers + s.markdown_answers + s.parse_failures;
    s.json_rate = answered ? s.json_answers / answered : null;
  }
  return [...stats.values()];
}

/** The first of `order` (worst first) that occurs in `values`, or null. */
export function worstOf<K extends string>(order: readonly K[], values: readonly (K | null)[]): K | null {
  return order.find((k) => values.includes(k)) ?? null;
}

export function tally<K extends string>(keys: readonly K[], values: readonly (K | null)[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v !== null && v in out) out[v]++;
  return out;
}

/**
 * Every skipped file by name, grouped by reason; a long group (and all not-source files) is shown
 * by its first few names and a count, never dropped: --json lists them all.
 */
export function skippedLines(skipped: readonly Skipped[], perReason = 8): string[] {
  const by = new Map<string, Skipped[]>();
  for (const f of skipped) by.set(f.reason, [...(by.get(f.reason) ?? []), f]);
  const out: string[] = [];
  for (const [reason, files] of by) {
    if (reason === "not-source") { out.push(`  skipped: ${files.length} file(s) that are not source code (listed with --json)`); continue; }
    const shown = files.length > perReason ? files.slice(0, 5) : files;
    for (const f of shown) out.push(`  skipped: ${f.path} (${reason}${f.detail ? `: ${f.detail}` : ""})`);
    if (shown.length < files.length) out.push(`  skipped: ${files.length - shown.length} more ${reason} file(s) (listed with --json)`);
  }
  return out;
}

const fmt = (n: number | null, d = 2) => (n === null ? "n/a" : n.toFixed(d));

export function renderSummary(s: SweepSummary): string {
  const lines: string[] = [];
  lines.push(`iter ${s.iter} (${s.prompt.name} prompt, ladder ${s.ladder}) on ${s.repo}${s.commit ? ` @ ${s.commit.slice(0, 10)}` : ""}`);
  if (s.config) lines.push(`  config: ${s.config} (policy ${s.policy_version})`);
  if (s.ladder_note) lines.push(`  ${s.ladder_note}`);
  if (s.walk_mode === "fs") lines.push("  not a git repository: walked the file system, honouring .gitignore");
  if (s.shard || s.night) lines.push(`  ${s.shard ? `shard ${s.shard.index}/${s.shard.count}: ${s.shard.files} of ${s.shard.of} files` : "unsharded"}${s.night ? ` · night ${s.night}` : ""}`);
  lines.push(`  files: ${s.files_planned} planned · ${s.reviewed} reviewed (${s.cached} cached) · ${s.failed} failed · ${s.skipped} skipped${s.resumed_chunks ? ` · ${s.resumed_chunks} chunks already done (resumed)` : ""}`);
  lines.push(`  mean score: ${s.mean_score === null ? "n/a" : fmt(s.mean_score) + "/10"} · critical failures ${s.critical_failures} (${s.unverified_findings} findings unverified)`);
  lines.push(`  verdicts: ${s.verdicts.pass} pass · ${s.verdicts.concerns} concerns · ${s.verdicts.fail} fail`);
  lines.push(`  permission gradient: ${s.tiers.auto} auto · ${s.tiers.dry_run} dry_run · ${s.tiers.sim} sim · ${s.tiers.block} block`);
  for (const m of s.models) {
    lines.push(`  ${m.model} (${m.provider}): ${m.accepted} accepted${m.cached ? ` (+${m.cached} cached)` : ""}, ${m.first_attempt_accepts} first-attempt, JSON ${m.json_rate === null ? "n/a" : Math.round(m.json_rate * 100) + "%"}, ${m.parse_failures} parse failures, ${m.requests} requests, ${m.tokens.prompt + m.tokens.completion} tokens`);
  }
  if (s.redactions) lines.push(`  redacted ${s.redactions} secret value(s) before prompts left the machine`);
  if (s.targeted_by_fixwave.length) lines.push(`  fix-wave targets verified: ${s.targeted_by_fixwave.length} file(s)`);
  for (const f of s.split_files) lines.push(`  split: ${f.path} into ${f.chunks} chunks (by ${f.by})`);
  lines.push(...skippedLines(s.skipped_files));
  for (const f of s.failed_files) lines.push(`  FAILED: ${f.path}: ${f.error}`);
  const pi = s.prompt_injection;
  if (pi.findings) lines.push(`  PROMPT INJECTION: ${pi.findings} finding(s) in ${pi.files.join(", ")}; ${pi.overruled_answers} answer(s) overruled for obeying it (${pi.suspected_chunks} chunk(s))`);
  if (s.concurrency) lines.push(`  concurrency: ${describeConcurrency(s.concurrency)}`);
  if (s.observer) lines.push(`  observer: ${s.observer.sent} events sent, ${s.observer.failed} failed`);
  if (s.sarif) lines.push(`  SARIF: ${s.sarif}`);
  lines.push(`  wall time ${(s.wall_ms / 1000).toFixed(1)} s · ${s.requests} requests · ${s.tokens.prompt + s.tokens.completion} tokens${s.interrupted ? " · INTERRUPTED (rerun with --iter " + s.iter + " to resume)" : ""}`);
  return lines.join("\n") + "\n";
}

export interface IterationFacts {
  run: RunContext;
  ladder: { name: string; note: string | null };
  skipped: Skipped[];
  walkMode: "git" | "fs";
  shard: SweepSummary["shard"];
  planned: readonly PlannedFile[];
  /** Every row of this iteration, resumed runs included. */
  iterRows: readonly ReviewRow[];
  /** The rows this run wrote. */
  runRows: readonly ReviewRow[];
  targeted: string[];
  resumed: number;
  observer: { sent: number; failed: number } | null;
  wallMs: number;
  interrupted: boolean;
  configPath: string | null;
  concurrency?: ConcurrencyPlan;
}

/** The summary of an iteration: file rollups over every row of it, request and token figures over this run's. */
export function summarizeIteration(f: IterationFacts): SweepSummary {
  const { run, planned, iterRows, runRows } = f;
  const choice = f.ladder;
  const files = fileRollup(iterRows);
  const perFile = [...files.values()];
  const reviewed = perFile.filter((f) => !f.failed);
  const scores = reviewed.map((f) => f.score).filter((s): s is number => s !== null);
  // A file's verdict and tier are its worst chunk's: a block in chunk 3 must show.
  const worst = perFile.map((f) => ({
    verdict: worstOf(["fail", "concerns", "pass"] as const, f.rows.map((r) => r.verdict)),
    tier: worstOf(["block", "sim", "dry_run", "auto"] as const, f.rows.map((r) => r.gradient_tier)),
  }));
  return {
    run_id: run.run_id, iter: run.iter, night: run.night, shard: f.shard, repo: run.repo, commit: run.commit, walk_mode: f.walkMode, ladder: choice.name, ladder_note: choice.note,
    prompt: run.prompt, policy_version: run.policy_version, config: f.configPath,
    files_planned: planned.length,
    reviewed: reviewed.length,
    cached: reviewed.filter((f) => f.cached).length,
    failed: perFile.length - reviewed.length,
    skipped: f.skipped.length,
    resumed_chunks: f.resumed,
    mean_score: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
    verdicts: tally(["pass", "concerns", "fail"] as const, worst.map((w) => w.verdict)),
    tiers: tally(["auto", "dry_run", "sim", "block"] as const, worst.map((w) => w.tier)),
    models: modelStats(runRows),
    requests: runRows.reduce((a, r) => a + r.attempts.reduce((b, x) => b + x.tries, 0), 0),
    tokens: runRows.reduce((a, r) => ({ prompt: a.prompt + r.tokens.prompt, completion: a.completion + r.tokens.completion }), { prompt: 0, completion: 0 }),
    redactions: runRows.reduce((a, r) => a + r.redactions, 0),
    unverified_findings: iterRows.reduce((a, r) => a + r.unverified_count, 0),
    critical_failures: iterRows.reduce((a, r) => a + r.critical_failures_count, 0),
    skipped_files: f.skipped,
    split_files: planned.filter((p) => p.chunks.length > 1).map((p) => ({ path: p.file.path, chunks: p.chunks.length, by: p.chunks.some((c) => c.by === "lines") ? "line windows" : "top-level declarations" })),
    failed_files: perFile.filter((f) => f.failed).map((f) => ({ path: f.rows[0]!.file, error: f.rows.find((r) => r.status === "failed")!.error ?? "failed" })),
    targeted_by_fixwave: f.targeted,
    observer: f.observer,
    sarif: null,
    wall_ms: f.wallMs,
    interrupted: f.interrupted,
    concurrency: f.concurrency ?? null,
    prompt_injection: injectionTally(iterRows),
  };
}
