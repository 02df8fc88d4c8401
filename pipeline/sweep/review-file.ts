// Sweep phase 3, review: one planned file's chunks through cache or ladder into KB rows, and the
// file's outcome to the progress bar and the observer.
import type { Io } from "../cli/command";
import type { Config } from "../core/config";
import { appendJsonl } from "../kb/jsonl";
import type { KbPaths } from "../kb/paths";
import type { ReviewRow } from "../kb/schemas/review-row";
import type { StaticFinding } from "../kb/schemas/static-finding";
import { obeyedInjection } from "../ladder/obeyed-injection";
import { runLadder, type ChunkJob, type LadderDeps, type LadderRung } from "../ladder/run-ladder";
import { buildPrompt, languageOf } from "../prompt/build-prompt";
import { newFence } from "../prompt/fence";
import type { PromptSet } from "../prompt/load-prompts";
import { neutraliseLines, neutraliseText } from "../prompt/neutralise";
import { redactSecrets } from "../prompt/redact";
import { findingsToReview } from "../rules/to-review";
import type { ReviewCache } from "./cache";
import type { Proposal } from "./fixwave-input";
import { cachedRow, reviewRow, trustRows, type RunContext } from "./make-row";
import type { ObserverClient } from "./observer-client";
import type { PlannedFile } from "./plan";
import type { Progress } from "./progress";

export interface FileReviewer {
  review(p: PlannedFile): Promise<ReviewRow[]>;
  /** Chunks skipped because this iteration already has their rows (a resumed run). */
  readonly resumed: number;
}

export interface ReviewDeps {
  run: RunContext;
  config: Config;
  prompts: PromptSet;
  proposal: Proposal | null;
  findings: Map<string, StaticFinding[]>;
  ladder: LadderRung[];
  ladderDeps: LadderDeps;
  /** Models of the ladder, in order: a cached row is reused only when one of them answered it. */
  models: string[];
  cache: ReviewCache;
  /** `file#chunk/chunks` keys this iteration already holds. */
  done: Set<string>;
  sensitive: (path: string) => boolean;
  paths: KbPaths;
  bar: Progress;
  observer: ObserverClient | null;
  io: Io;
  now: () => number;
}

/**
 * What a rung may see: the file and its fix-wave section, redacted once per file when policy says so, then
 * neutralised (text imitating the prompt's markers or the answer contract marked, hidden Unicode written out).
 */
function fileViews(p: PlannedFile, section: string | null, proposalPath: string | undefined, redaction: Config["redaction"]) {
  let plain: { lines: string[]; section: string | null; count: number } | null = null;
  let redacted: Promise<{ lines: string[]; section: string | null; count: number }> | null = null;
  const neutral = (lines: string[], doc: string | null, count: number) => ({ lines: neutraliseLines(lines).lines, section: doc === null ? null : neutraliseText(doc), count });
  return (local: boolean) => {
    if (!(local ? redaction.local : redaction.remote)) return Promise.resolve((plain ??= neutral(p.lines, section, 0)));
    redacted ??= (async () => {
      const file = await redactSecrets(p.file.content, p.file.path, redaction);
      const doc = section ? await redactSecrets(section, proposalPath!, redaction) : null;
      return neutral(file.text.split("\n"), doc?.text ?? null, file.count + (doc?.count ?? 0));
    })();
    return redacted;
  };
}

/** A chunk carrying prompt-injection text gets the overrule test: an answer that obeyed it climbs. */
function obeyedTest(findings: readonly StaticFinding[], policy: Config["static"]): ChunkJob["obeyed"] {
  if (!findings.some((f) => f.class === "prompt-injection")) return undefined;
  const chunk = { floorScore: findingsToReview([...findings], policy).score, claimIds: findings.map((_, i) => `S${i + 1}`) };
  return (answer, claims) => obeyedInjection(answer, claims, chunk);
}

export function fileReviewer(d: ReviewDeps): FileReviewer {
  const { run, config, prompts, io, now } = d;
  let resumed = 0;

  const reviewChunks = async (p: PlannedFile): Promise<ReviewRow[]> => {
    const fileFindings = d.findings.get(p.file.path) ?? [];
    const rows: ReviewRow[] = [];
    const viewFor = fileViews(p, d.proposal?.sections.get(p.file.path) ?? null, d.proposal?.path, config.redaction);
    for (const [i, chunk] of p.chunks.entries()) {
      if (io.signal?.aborted) break;
      const n = i + 1;
      if (d.done.has(`${p.file.path}#${n}/${p.chunks.length}`)) { resumed++; continue; }
      const chunkFindings: StaticFinding[] = fileFindings.filter((f) => f.line >= chunk.start && f.line <= chunk.end);
      const ctx = {
        file: p.file.path, file_sha256: p.sha256, lines: p.lines, chunk: n, chunks: p.chunks.length,
        chunkLines: { start: chunk.start, end: chunk.end }, staticFindings: chunkFindings,
        sensitive: d.sensitive(p.file.path), created_at: "",
      };
      const hit = d.cache.find({ fileSha: p.sha256, chunk: n, chunks: p.chunks.length, promptSha: prompts.sha256, policyVersion: config.policy_version, claims: chunkFindings }, d.models);
      let row: ReviewRow;
      if (hit) {
        row = cachedRow(run, hit, { ...ctx, created_at: new Date(now()).toISOString() });
      } else {
        const res = await runLadder(d.ladder, {
          prompt: async (local) => {
            const view = await viewFor(local);
            const pr = buildPrompt({ prompts, file: p.file.path, language: languageOf(p.file.path), lines: view.lines, chunk, chunkIndex: n, chunks: p.chunks.length, staticFindings: chunkFindings, fixwaveSection: view.section, fence: newFence() });
            return { ...pr, redactions: view.count };
          },
          staticReview: () => findingsToReview(chunkFindings, config.static),
          obeyed: obeyedTest(chunkFindings, config.static),
        }, d.ladderDeps);
        // An interrupted chunk gets no row: the resumed run reviews it again.
        if (io.signal?.aborted && !res.accepted) break;
        // Check findings against the text the accepting model saw (redacted lines for a remote rung).
        const seen = res.accepted?.rung.provider ? (await viewFor(res.accepted.rung.provider.local)).lines : p.lines;
        row = reviewRow(run, { ...ctx, lines: seen, created_at: new Date(now()).toISOString() }, res);
      }
      appendJsonl(d.paths.reviews, [row]);
      appendJsonl(d.paths.trust, trustRows(row));
      rows.push(row);
    }
    return rows;
  };

  const report = (p: PlannedFile, rows: ReviewRow[], fileStart: number) => {
    const failed = rows.find((r) => r.status === "failed");
    const scores = rows.filter((r) => r.score !== null).map((r) => r.score!);
    const score = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    d.bar.tick(p.file.path, failed ? "FAILED" : `${rows[0]!.model}${rows.every((r) => r.cached) ? " (cached)" : ""} ${score?.toFixed(1) ?? ""}`);
    d.observer?.post({
      source: "scrum", timestamp: new Date(now()).toISOString(), endpoint: `scrum/sweep/${rows[0]!.provider ?? "none"}`,
      input_summary: `${p.file.path} iter ${run.iter} (${p.chunks.length} chunk${p.chunks.length > 1 ? "s" : ""})`,
      success: !failed, duration_ms: Math.round(performance.now() - fileStart),
      output_summary: failed ? "failed" : `${rows[0]!.verdict} ${score?.toFixed(1)}/10, ${rows.reduce((a, r) => a + r.critical_failures_count, 0)} critical`,
      error: failed?.error ?? null, file: p.file.path, iter: run.iter, score, model: rows[0]!.model,
    });
  };

  return {
    async review(p) {
      const fileStart = performance.now();
      const rows = await reviewChunks(p);
      if (rows.length) report(p, rows, fileStart);
      return rows;
    },
    get resumed() { return resumed; },
  };
}
