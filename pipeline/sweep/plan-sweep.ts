// Sweep phase 1, plan: everything decided before any model call (prompts, walk, ladder, iteration,
// fix-wave doc, static floor, shard, chunks). A dry run stops here.
import { join, resolve } from "node:path";
import type { Io } from "../cli/command";
import { INSTALL_ROOT } from "../cli/load-config";
import { InputError } from "../core/errors";
import { readJsonl } from "../kb/jsonl";
import { kbPaths, type KbPaths } from "../kb/paths";
import { readRuns } from "../kb/read-kb";
import type { ShardRef } from "../kb/schemas/night";
import type { StaticFinding } from "../kb/schemas/static-finding";
import { selectShard } from "../nightly/shard";
import { loadPrompts, type PromptSet } from "../prompt/load-prompts";
import { loadFloor } from "../rules/floor";
import { applyLeadPolicy, applySmokeNotePolicy } from "../rules/lead-policy";
import type { RuleSpec } from "../rules/rule-spec";
import { walkRepo, type Skipped, type WalkResult } from "../walk/walk-repo";
import { chooseLadder, type LadderChoice } from "./choose-ladder";
import { promoteFlaggedTexts } from "./flagged-texts";
import { readProposal, type Proposal } from "./fixwave-input";
import { pickIteration } from "./iteration";
import { planFiles, planTotals, type PlannedFile, type PlanTotals } from "./plan";
import type { SweepOptions } from "./run-sweep";

export interface SweepPlan {
  prompts: PromptSet;
  walk: WalkResult;
  choice: LadderChoice;
  paths: KbPaths;
  /** This repository's raw review rows (unvalidated): resume and cache pick from them. */
  repoRaw: { repo?: unknown; iter: number; night?: unknown; file?: unknown }[];
  iter: number;
  /** The night this sweep belongs to (shared by its shards), or null. */
  night: string | null;
  /** This sweep's shard with its file count out of every walked file, or null when unsharded. */
  shard: (ShardRef & { files: number; of: number }) | null;
  proposal: Proposal | null;
  findings: Map<string, StaticFinding[]>;
  /** The floor's rule files (SARIF names, descriptions and help). */
  rules: RuleSpec[];
  planned: PlannedFile[];
  totals: PlanTotals;
  targeted: string[];
}

export interface DryRunPlan {
  repo: string;
  walk_mode: "git" | "fs";
  iter: number;
  night: string | null;
  shard: (ShardRef & { files: number; of: number }) | null;
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

export async function planSweep(opts: SweepOptions, io: Io): Promise<SweepPlan> {
  const { config } = opts;
  const prompts = loadPrompts(resolve(INSTALL_ROOT, config.prompt.dir), opts.prompt ?? config.prompt.default);
  let walk = await walkRepo(opts.repo, io.cwd, { policy: config.walk, since: opts.since, files: opts.files });
  const choice = await chooseLadder(config, opts.ladder, io.env);

  const paths = kbPaths(resolve(io.cwd, opts.kbDir));
  const warn = (m: string) => io.err(m + "\n");
  // Raw rows first: only the rows this sweep needs (its iteration, the newest review per cache key)
  // go through schema validation, so a long KB stays cheap to re-sweep.
  const repoRaw = (readJsonl(paths.reviews, warn) as { repo?: unknown; iter?: unknown }[])
    .filter((r): r is SweepPlan["repoRaw"][number] => r?.repo === walk.repo && typeof r.iter === "number");
  const night = opts.night ?? null;
  const { iter, resuming, byNight } = pickIteration(repoRaw, readRuns(paths.dir, warn).filter((r) => r.repo === walk.repo), opts.iter, night);
  if (byNight && !opts.quiet) io.err(`scrum: night ${night} already has iteration ${iter}; joining it\n`);
  else if (resuming && !opts.quiet && opts.iter === undefined) io.err(`scrum: iteration ${iter} was interrupted; resuming it (pass --iter to choose another)\n`);

  const proposalPath = opts.proposal ? resolve(io.cwd, opts.proposal) : join(walk.root, config.prompt.proposal);
  const proposal = readProposal(proposalPath);
  if (opts.proposal && !proposal) throw new InputError(`--proposal file not found: ${opts.proposal}`);

  const floor = loadFloor(resolve(INSTALL_ROOT, config.static.rulesDir));
  const findings = applySmokeNotePolicy(applyLeadPolicy(await floor.scanAsync(walk.files.map((f) => ({ path: f.path, content: f.content })), {
    workers: config.static.workers, texts: walk.texts.map((f) => ({ path: f.path, content: f.content })),
    onRuleFailure: (m) => warn(`scrum: warning: floor: ${m}`),
  }), floor.rules, config.static.leads), config.static.smokeNotes);
  // A text file (Markdown, YAML, ...) the floor flags is reviewed like source, so its finding gets a row.
  walk = promoteFlaggedTexts(walk, findings);
  // The floor saw every file (cross-file checks); this shard plans and reviews only its own.
  const mine = opts.shard ? selectShard(walk.files, opts.shard) : walk.files;
  const shard = opts.shard ? { ...opts.shard, files: mine.length, of: walk.files.length } : null;
  const planned = planFiles(mine, config.prompt.budgetTokens);
  const totals = planTotals(planned, choice.rungs);
  const targeted = proposal ? mine.map((f) => f.path).filter((p) => proposal.files.includes(p)) : [];
  return { prompts, walk, choice, paths, repoRaw, iter, night, shard, proposal, findings, rules: floor.rules, planned, totals, targeted };
}

/** What `--dry-run` prints: the plan with its estimated tokens and cost, no KB write. */
export function dryRunPlan(p: SweepPlan): DryRunPlan {
  return {
    repo: p.walk.repo, walk_mode: p.walk.mode, iter: p.iter, night: p.night, shard: p.shard, ladder: p.choice.name, ladder_note: p.choice.note,
    rungs: p.choice.rungs.map((r) => ({ provider: r.provider, model: r.model })),
    prompt: { name: p.prompts.name, sha256: p.prompts.sha256 },
    files: p.planned.map((f) => ({ path: f.file.path, chunks: f.chunks.length, lines: f.lines.length, by: f.chunks[0]!.by })),
    chunks: p.totals.chunks, estimated_prompt_tokens: p.totals.promptTokens, estimated_cost_usd: p.totals.costUsd,
    skipped_files: p.walk.skipped, targeted_by_fixwave: p.targeted,
  };
}
