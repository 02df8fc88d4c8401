// One `scrum audit` run: targets (commits or a message) → claims → evidence (KB via DuckDB, git, rule pack)
// → outcomes → KB rows and observer events. Outputs and the exit code are the command's.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Io } from "../cli/command";
import { INSTALL_ROOT } from "../cli/load-config";
import type { Config } from "../core/config";
import { InputError, UsageError } from "../core/errors";
import { appendJsonl } from "../kb/jsonl";
import { kbPaths } from "../kb/paths";
import { openKb, type KbDb } from "../query/open-kb";
import { ObserverClient, type ObserverEvent } from "../sweep/observer-client";
import { loadAuditPrompt } from "./audit-prompt";
import { blockingCount, tallyLine, type AuditTarget, type TargetResult } from "./audit-result";
import { auditRows } from "./audit-rows";
import { CODE_POLICY } from "./code-policy";
import type { Source } from "./evidence";
import { extractClaims, type IdentifiedClaim } from "./extract-claims";
import { GitRepo } from "./git/git-repo";
import { ladderJudge } from "./judge";
import { KbFacts } from "./kb-facts";
import { runAudit, type Judge } from "./run-audit";
import { commitTargets, messageTarget } from "./targets";

export interface AuditOptions {
  repoDir: string;
  rev?: string;
  range?: string;
  /** Text given with --message (decoded), and how to name it. */
  message?: { text: string; label: string };
  kbDir: string;
  config: Config;
  ladder?: string;
  record: boolean;
  now?: () => Date;
}

export interface AuditSession {
  results: TargetResult[];
  /** The repository's top level (SARIF's %SRCROOT%), or null outside git. */
  srcRoot: string | null;
  recorded: number;
  /** Ctrl-C stopped the run: `results` holds the messages audited before it (and only those are recorded). */
  interrupted: { audited: number; of: number } | null;
}

const KB_KINDS = new Set(["score_movement", "aggregate"]);

async function kbSource(kbDir: string, config: Config): Promise<{ source: Source<KbFacts>; db: KbDb | null }> {
  if (!existsSync(kbDir) || !statSync(kbDir).isDirectory()) return { source: { ok: false, reason: `no KB at ${kbDir} (run scrum sweep first, or name one with --kb)` }, db: null };
  const db = await openKb(kbDir, config.signals);
  return { source: { ok: true, value: new KbFacts(db, config.signals) }, db };
}

function judgeFor(opts: AuditOptions, io: Io): Judge | undefined {
  if (opts.ladder === undefined) return undefined;
  const rungs = opts.config.ladders[opts.ladder];
  if (!rungs) throw new UsageError(`--ladder: no ladder '${opts.ladder}' in the config (have: ${Object.keys(opts.config.ladders).join(", ")})`);
  const prompt = loadAuditPrompt(resolve(INSTALL_ROOT, opts.config.prompt.dir));
  return ladderJudge({ ladder: { name: opts.ladder, rungs }, prompt, redaction: opts.config.redaction, diffLines: opts.config.audit.diffLines, env: io.env, signal: io.signal });
}

async function targetsOf(opts: AuditOptions, repo: GitRepo | null): Promise<AuditTarget[]> {
  if (opts.message) return [await messageTarget(repo, opts.message.text, opts.message.label, { rev: opts.rev, range: opts.range, why: `not a git repository: ${opts.repoDir}` })];
  if (!repo) throw new InputError(`not a git repository: ${opts.repoDir}`, "audit a text without git with --message FILE");
  return commitTargets(repo, { rev: opts.rev, range: opts.range });
}

/** The observer's event for one audited message: success when nothing blocks, the first blocking claim as the error. */
function auditEvent(r: TargetResult, at: Date, ms: number): ObserverEvent {
  const { target } = r;
  const first = r.claims.find((c) => c.blocks);
  const rev = target.rev && !target.rev.startsWith(target.label) ? ` (${target.rev.slice(0, 8)})` : "";
  return {
    source: "audit", timestamp: at.toISOString(), endpoint: "scrum/audit", input_summary: `${target.source} ${target.label}${rev}: ${r.claims.length} claim(s)`,
    success: blockingCount(r) === 0, duration_ms: Math.round(ms), output_summary: tallyLine(r.claims),
    error: first ? `claim ${first.outcome.status.replace("_", " ")}: ${first.claim.text} (${first.outcome.evidence})` : null,
  };
}

/** Append every outcome as a KB row in one write; a KB that cannot be written is a warning, never a changed verdict. */
function record(opts: AuditOptions, results: TargetResult[], repo: string, at: Date, io: Io): number {
  const ctx = {
    auditId: `${at.toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${crypto.randomUUID().slice(0, 8)}`,
    repo, policyVersion: opts.config.policy_version, strict: opts.config.audit.strict, createdAt: at.toISOString(),
  };
  const rows = results.flatMap((r) => auditRows(r, ctx));
  const path = kbPaths(opts.kbDir).audits;
  try {
    appendJsonl(path, rows);
    return rows.length;
  } catch (e) {
    io.err(`scrum: warning: could not record the audit in ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (--no-record skips it)\n`);
    return 0;
  }
}

export async function runAuditSession(opts: AuditOptions, io: Io): Promise<AuditSession> {
  const now = opts.now ?? (() => new Date());
  const repo = await GitRepo.open(opts.repoDir);
  let db: KbDb | null = null;
  try {
    const judge = judgeFor(opts, io);
    const targets = await targetsOf(opts, repo);
    for (const t of targets) if (t.warning) io.err(`scrum: warning: ${t.warning}\n`);
    const signals = [...new Set([...opts.config.signals.order.map((o) => o.signal), "MIXED"])];
    const claimed: { target: AuditTarget; claims: IdentifiedClaim[] }[] = targets.map((target) => ({ target, claims: extractClaims(target.message, { signals }) }));
    const kinds = new Set(claimed.flatMap((c) => c.claims.map((x) => x.claim.kind)));
    // Open the KB (a DuckDB view over possibly a million rows) only when a claim needs it.
    let kb: Source<KbFacts> = { ok: false, reason: "no claim needs the KB" };
    if ([...kinds].some((k) => KB_KINDS.has(k)) || (judge && kinds.has("fact"))) ({ source: kb, db } = await kbSource(opts.kbDir, opts.config));
    const code = CODE_POLICY;
    const policy = { blocking: opts.config.audit.blocking, strict: opts.config.audit.strict };
    const url = opts.config.observer.url ?? io.env.SCRUM_OBSERVER_URL;
    const observer = url ? new ObserverClient(url, opts.config.observer.timeoutMs, io.env[opts.config.observer.apiKeyEnv] || undefined) : null;

    const results: TargetResult[] = [];
    for (const { target, claims } of claimed) {
      if (io.signal?.aborted) break;
      const t0 = performance.now();
      const r: TargetResult = { target, claims: await runAudit(claims, { kb, git: target.git, code }, policy, judge) };
      results.push(r);
      observer?.post(auditEvent(r, now(), performance.now() - t0));
    }
    await observer?.flush();
    const recorded = opts.record ? record(opts, results, repo?.name ?? "", now(), io) : 0;
    const interrupted = results.length < claimed.length ? { audited: results.length, of: claimed.length } : null;
    return { results, srcRoot: repo?.top ?? null, recorded, interrupted };
  } finally {
    db?.close();
    repo?.close();
  }
}
