// One analysis cycle: failures → analyses.jsonl every cycle, successes → playbooks.jsonl every N cycles.
import { join } from "node:path";
import type { z } from "zod";
import { RedactionConfig, type Config, type Rung } from "../core/config";
import { appendJsonl, readJsonl } from "../kb/jsonl";
import { AnalysisAnswer, analysisPrompt, analysisRows, groupFailures, type InsightMeta } from "./analyzer";
import type { CompleteFn, CompleteRequest } from "./complete-fn";
import { offlineOnly } from "./complete-fn";
import { redactSecrets } from "../prompt/redact";
import type { OpRow } from "./event";
import { AnalysisRow, PlaybookRow } from "./insight-rows";
import { parseModelJson } from "./model-json";
import { PlaybookAnswer, consolidateSuccesses, playbookPrompt, playbookRows } from "./playbook";
import { loadPrompt } from "./prompt-file";

export interface InsightDeps {
  dataDir: string;
  /** The ops the cycle looks at (the ring). */
  snapshot: () => OpRow[];
  rungs: Rung[];
  complete?: CompleteFn;
  env: Record<string, string | undefined>;
  /** The observer's prompt directory (default prompts/observer under the install root; config prompt.dir + /observer). */
  promptsDir?: string;
  /** Config `redaction`: remote rungs get redacted prompts by default, loopback ones when `local` is set. */
  redaction?: Config["redaction"];
  now: () => Date;
  warn: (msg: string) => void;
  playbookEvery: number;
  minSuccesses: number;
  signal?: AbortSignal;
}

export interface CycleReport {
  cycle: number;
  analyses: number;
  playbooks: number;
  mode: "model" | "offline";
  reasons: string[];
}

export const insightPaths = (dataDir: string) => ({ analyses: join(dataDir, "analyses.jsonl"), playbooks: join(dataDir, "playbooks.jsonl") });

/** The last fingerprint written per key, so a cycle over unchanged data writes nothing. */
function lastWritten<T extends { key: string; cycle: number }>(path: string, schema: z.ZodType<T>, fp: (r: T) => string, warn: (m: string) => void) {
  const seen = new Map<string, string>();
  const latest = new Map<string, T>();
  let cycle = 0;
  for (const raw of readJsonl(path, warn)) {
    const r = schema.safeParse(raw);
    if (!r.success) continue;
    seen.set(r.data.key, fp(r.data));
    latest.set(r.data.key, r.data);
    cycle = Math.max(cycle, r.data.cycle);
  }
  return { seen, latest, cycle };
}

const analysisFp = (r: { count: number; last_seen: string; endpoint_calls: number }) => `${r.count}|${r.last_seen}|${r.endpoint_calls}`;
const playbookFp = (r: { successes: number; failures: number; corrections: string[] }) => `${r.successes}|${r.failures}|${r.corrections.length}`;

export class InsightCycle {
  private cycle: number;
  private analysisSeen: Map<string, string>;
  private playbookSeen: Map<string, string>;
  private latestAnalyses: Map<string, AnalysisRow>;
  private latestPlaybooks: Map<string, PlaybookRow>;
  private readonly paths;

  constructor(private deps: InsightDeps) {
    this.paths = insightPaths(deps.dataDir);
    const a = lastWritten(this.paths.analyses, AnalysisRow, analysisFp, deps.warn);
    const p = lastWritten(this.paths.playbooks, PlaybookRow, playbookFp, deps.warn);
    this.cycle = Math.max(a.cycle, p.cycle);
    this.analysisSeen = a.seen;
    this.playbookSeen = p.seen;
    this.latestAnalyses = a.latest;
    this.latestPlaybooks = p.latest;
  }

  /** The newest row per group, for /stats. */
  latest(limit = 20): { analyses: AnalysisRow[]; playbooks: PlaybookRow[] } {
    const newest = <T extends { created_at: string }>(m: Map<string, T>) => [...m.values()].sort((x, y) => y.created_at.localeCompare(x.created_at)).slice(0, limit);
    return { analyses: newest(this.latestAnalyses), playbooks: newest(this.latestPlaybooks) };
  }

  /**
   * The request per rung locality. Errors, samples and corrections are operators' free text and may hold
   * keys; the plain request (used when a complete function ignores `prepare`) is the most redacted one.
   */
  private requests(prompt: string, user: string) {
    const redaction = this.deps.redaction ?? RedactionConfig.parse({});
    const base: CompleteRequest = { system: loadPrompt(prompt, this.deps.promptsDir).text, user, json: true, signal: this.deps.signal };
    let redacted: Promise<CompleteRequest> | null = null;
    const redactedReq = () => (redacted ??= redactSecrets(user, `observer/${prompt}.json`, redaction).then((r) => ({ ...base, user: r.text })));
    const prepare = (local: boolean) => ((local ? redaction.local : redaction.remote) ? redactedReq() : Promise.resolve(base));
    const plain = redaction.local || redaction.remote ? redactedReq() : Promise.resolve(base);
    return { plain, prepare };
  }

  private async ask<T extends z.ZodType>(prompt: string, user: string, schema: T, reasons: string[]) {
    const { complete, rungs } = this.deps;
    if (!complete || offlineOnly(rungs)) return null;
    const { plain, prepare } = this.requests(prompt, user);
    const r = await complete(rungs, await plain, this.deps.env, { prepare });
    if (!r.ok) {
      reasons.push(...r.reasons);
      return null;
    }
    const parsed = parseModelJson(r.text, schema);
    if (!parsed.ok) {
      reasons.push(`${r.provider}/${r.model}: ${parsed.reason}`);
      return null;
    }
    return { value: parsed.value as z.infer<T>, provider: r.provider, model: r.model };
  }

  async run(): Promise<CycleReport> {
    const cycle = ++this.cycle;
    const ops = this.deps.snapshot();
    const reasons: string[] = [];
    const createdAt = this.deps.now().toISOString();
    let mode: "model" | "offline" = "offline";

    const failures = groupFailures(ops).filter((g) => this.analysisSeen.get(g.key) !== analysisFp(g));
    let analyses: AnalysisRow[] = [];
    if (failures.length) {
      const answer = await this.ask("analyze-failures", analysisPrompt(failures), AnalysisAnswer, reasons);
      const meta: InsightMeta = { cycle, createdAt, mode: answer ? "model" : "offline", provider: answer?.provider ?? null, model: answer?.model ?? null };
      if (answer) mode = "model";
      analyses = analysisRows(failures, answer?.value ?? null, meta);
      appendJsonl(this.paths.analyses, analyses);
      for (const r of analyses) {
        this.analysisSeen.set(r.key, analysisFp(r));
        this.latestAnalyses.set(r.key, r);
      }
    }

    let playbooks: PlaybookRow[] = [];
    if (cycle % this.deps.playbookEvery === 0) {
      const groups = consolidateSuccesses(ops, this.deps.minSuccesses).filter((g) => this.playbookSeen.get(g.key) !== playbookFp(g));
      if (groups.length) {
        const answer = await this.ask("consolidate-playbook", playbookPrompt(groups), PlaybookAnswer, reasons);
        const meta: InsightMeta = { cycle, createdAt, mode: answer ? "model" : "offline", provider: answer?.provider ?? null, model: answer?.model ?? null };
        if (answer) mode = "model";
        playbooks = playbookRows(groups, answer?.value ?? null, meta);
        appendJsonl(this.paths.playbooks, playbooks);
        for (const r of playbooks) {
          this.playbookSeen.set(r.key, playbookFp(r));
          this.latestPlaybooks.set(r.key, r);
        }
      }
    }
    return { cycle, analyses: analyses.length, playbooks: playbooks.length, mode, reasons };
  }
}
