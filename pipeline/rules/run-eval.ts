// `scrum eval` shell: copy the corpus to a temp dir (or --keep DIR), sweep it into a KB beside the copy,
// score rows against ground truth.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Io } from "../cli/command";
import type { Config } from "../core/config";
import { InputError, RuntimeError } from "../core/errors";
import { ensureEmptyDir } from "../eval/make-copy";
import { readReviews } from "../kb/read-kb";
import { runSweep } from "../sweep/run-sweep";
import { type GroundTruthEntry, loadGroundTruth } from "./ground-truth";
import { rowFindings } from "./row-findings";
import { scoreEval, type EvalReport } from "./score-eval";

export interface EvalOptions {
  corpus: string;
  config: Config;
  ladder?: string;
  tolerance?: number;
  /** Leave the corpus copy and its KB in this directory (new or empty), not in a removed temp dir. */
  keep?: string;
  /** Score the floor's info-level notes as findings too (they are not, by default: a note is not a defect claim). */
  scoreNotes?: boolean;
  /** Score the floor's leads (claim-evidence.ts) as findings too, but not its other notes: what the models are handed. */
  scoreLeads?: boolean;
}
export interface EvalResult extends EvalReport {
  corpus: string;
  ladder: string;
  ladder_note: string | null;
  files: number;
  rows: number;
  kept: { dir: string; copy: string; kb: string } | null;
  /** Info-level floor notes left out of the score (0 with scoreNotes). */
  notes_not_scored: number;
}

/** Line tolerance: static findings carry a class and a precise region; model findings only a line. */
export const DEFAULT_TOLERANCE = { static: 2, model: 3 } as const;

/**
 * An ignored parameter is named, by the corpora's convention, at its function's first line; a finding names the
 * parameter itself, on its own line when the signature spans several (`fn submit(\n  &self,\n  idempotency_key: &str,`).
 * The defect spans the signature: from its first line to the line that closes its parameter list, at most twenty
 * lines. Other classes name one line.
 */
export function withSignatureSpan(g: GroundTruthEntry, corpus: string): GroundTruthEntry {
  if (g.class !== "ignored-parameter") return g;
  let lines: string[];
  try { lines = readFileSync(join(corpus, g.file), "utf8").split("\n"); } catch { return g; }
  // The signature ends where its parameter list closes: from the first `(` on the defect's line, the `)` that brings the
  // depth back to zero (string literals skipped). A one-line signature spans its one line.
  let depth = 0;
  let open = false;
  for (let i = g.line - 1; i < Math.min(lines.length, g.line + 19); i++) {
    const code = lines[i]!.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`/g, '""');
    for (const ch of code) {
      if (ch === "(") { depth++; open = true; }
      else if (ch === ")" && open && --depth === 0) return i + 1 > g.line ? { ...g, end_line: i + 1 } : g;
    }
  }
  return g;
}

export async function runEval(opts: EvalOptions, io: Io): Promise<EvalResult> {
  const corpus = resolve(io.cwd, opts.corpus);
  if (!existsSync(corpus)) throw new InputError(`corpus not found: ${opts.corpus}`);
  const truth = loadGroundTruth(join(corpus, "ground-truth.yaml"));
  const work = opts.keep ? resolve(io.cwd, opts.keep) : mkdtempSync(join(tmpdir(), "scrum-eval-"));
  if (opts.keep) ensureEmptyDir(work, "--keep");
  const repo = join(work, "corpus");
  const kbDir = join(work, "kb");
  try {
    // The corpus's own README and answer key describe the planted text; a README deeper in is part of the corpus.
    const key = new Set([join(corpus, "ground-truth.yaml"), join(corpus, "README.md")]);
    cpSync(corpus, repo, { recursive: true, filter: (src) => !key.has(resolve(src)) });
    // Scoring the notes asks for every note the floor makes, smoke-test notes included (`static.smokeNotes: note`).
    const config = opts.scoreNotes ? { ...opts.config, static: { ...opts.config.static, smokeNotes: "note" as const } } : opts.config;
    const out = await runSweep({ repo, kbDir, config, ladder: opts.ladder, fresh: true, quiet: true }, { ...io, cwd: work });
    if (out.kind !== "summary") throw new RuntimeError("E_EVAL", "the sweep returned a plan instead of rows");
    const rows = readReviews(kbDir, (m) => io.err(m + "\n")).filter((r) => r.iter === out.summary.iter);
    const staticOnly = rows.length > 0 && rows.every((r) => r.provider === "static" || r.status !== "accepted");
    const tolerance = opts.tolerance ?? (staticOnly ? DEFAULT_TOLERANCE.static : DEFAULT_TOLERANCE.model);
    const findings = rowFindings(rows, { notes: opts.scoreNotes, leads: opts.scoreLeads });
    const report = scoreEval(truth.defects.map((g) => withSignatureSpan(g, corpus)), findings, tolerance);
    return {
      corpus: opts.corpus, ladder: out.summary.ladder, ladder_note: out.summary.ladder_note,
      files: new Set(rows.map((r) => r.file)).size, rows: rows.length, ...report,
      kept: opts.keep ? { dir: work, copy: repo, kb: kbDir } : null,
      notes_not_scored: rowFindings(rows, { notes: true }).length - findings.length,
    };
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
}
