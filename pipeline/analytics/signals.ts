// Trajectory signal per file from its history, by the ordered decision table in config `signals.order`.
import type { Config } from "../core/config";
import { ConfigError } from "../core/errors";
import type { ReviewRow } from "../kb/schemas/review-row";
import { round6 } from "./compare";
import { fileIters, type FileIter } from "./file-iter";
import { distinctFindings, matchFindings } from "./finding-match";
import { latestRows } from "./latest-rows";

type SignalsConfig = Config["signals"];

/** The facts a condition may look at: the file's last two scored iterations. */
export interface SignalEvidence {
  /** Scored iterations, oldest first. */
  history: { iter: number; score: number }[];
  prev_iter: number | null;
  last_iter: number | null;
  score_prev: number | null;
  score_last: number | null;
  delta: number | null;
  criticals_prev: number | null;
  criticals_last: number | null;
  /** Jaccard of the critical findings, prev vs last, matched one to one by title key and nearest line (finding-match.ts; two empty sides: 1). */
  jaccard: number | null;
  /** Fingerprints (as of the last iteration) of the findings that recur. */
  recurring: string[];
  targeted: boolean;
  confidence: number | null;
}

export interface FileSignal extends SignalEvidence {
  file: string;
  signal: string;
  /** The `when` condition that matched. */
  rule: string;
}

type Cond = (e: SignalEvidence, c: SignalsConfig) => boolean;
// Deltas are rounded before comparing so that 4.0 - 3.0 counts as exactly 1.0.
const flat = (e: SignalEvidence, c: SignalsConfig) => Math.abs(e.delta!) < c.scoreDelta;

/** Conditions the YAML decision table may name. All but the first assume two scored iterations. */
export const CONDITIONS: Record<string, Cond> = {
  fewer_than_two_scored: (e) => e.history.length < 2,
  score_up_criticals_not_up: (e, c) => e.delta! >= c.scoreDelta && e.criticals_last! <= e.criticals_prev!,
  score_down_criticals_not_down: (e, c) => e.delta! <= -c.scoreDelta && e.criticals_last! >= e.criticals_prev!,
  // A targeted file with nothing left to fix is not looping, hence the non-empty latest set.
  flat_targeted_recurring: (e, c) => flat(e, c) && e.targeted && e.criticals_last! > 0 && e.jaccard! >= c.jaccard,
  flat_turned_over: (e, c) => flat(e, c) && e.jaccard! < c.jaccard,
  flat_confident_stable: (e, c) => flat(e, c) && (e.confidence ?? 0) >= c.plateauConfidence && e.jaccard! >= c.jaccard,
  always: () => true,
};

/** Fail early, as a config mistake (exit 2), when the table names an unknown condition. */
export function checkSignalOrder(cfg: SignalsConfig): void {
  for (const r of cfg.order) {
    if (!CONDITIONS[r.when]) throw new ConfigError(`signals.order: unknown condition '${r.when}' (known: ${Object.keys(CONDITIONS).join(", ")})`);
  }
}

/** Evidence from one file's records (any order); only the last two scored iterations are compared. */
export function evidenceOf(records: readonly FileIter[], lineBucket = 10): SignalEvidence {
  const scored = records.filter((r) => r.score !== null).sort((a, b) => a.iter - b.iter);
  const history = scored.map((r) => ({ iter: r.iter, score: round6(r.score!) }));
  const last = scored.at(-1);
  const prev = scored.at(-2);
  const base: SignalEvidence = {
    history, prev_iter: prev?.iter ?? null, last_iter: last?.iter ?? null,
    score_prev: prev ? round6(prev.score!) : null, score_last: last ? round6(last.score!) : null,
    delta: null, criticals_prev: prev?.criticals ?? null, criticals_last: last?.criticals ?? null,
    jaccard: null, recurring: [], targeted: last?.targeted ?? false,
    confidence: last?.confidence === null || last === undefined ? null : round6(last.confidence),
  };
  if (!prev || !last) return base;
  const m = matchFindings(distinctFindings(prev.findings), distinctFindings(last.findings), lineBucket);
  return {
    ...base,
    delta: round6(round6(last.score!) - round6(prev.score!)),
    jaccard: round6(m.jaccard),
    recurring: m.recurring,
  };
}

/** First matching rule wins; a table without a catch-all leaves unmatched files MIXED. */
export function classify(e: SignalEvidence, cfg: SignalsConfig): { signal: string; rule: string } {
  for (const r of cfg.order) {
    const cond = CONDITIONS[r.when];
    if (!cond) throw new ConfigError(`signals.order: unknown condition '${r.when}'`);
    if (r.when !== "fewer_than_two_scored" && e.history.length < 2) continue;
    if (cond(e, cfg)) return { signal: r.signal, rule: r.when };
  }
  return { signal: "MIXED", rule: "none" };
}

/** Signals from per-file records, sorted by file. */
export function signalsFrom(records: readonly FileIter[], cfg: SignalsConfig): FileSignal[] {
  checkSignalOrder(cfg);
  const byFile = new Map<string, FileIter[]>();
  for (const r of records) {
    const g = byFile.get(r.file);
    if (g) g.push(r);
    else byFile.set(r.file, [r]);
  }
  return [...byFile.keys()].sort().map((file) => {
    const e = evidenceOf(byFile.get(file)!, cfg.lineBucket);
    return { file, ...classify(e, cfg), ...e };
  });
}

/** One signal per file from its whole history in the rows (the last row per chunk counts). */
export function computeSignals(rows: ReviewRow[], cfg: SignalsConfig): FileSignal[] {
  return signalsFrom(fileIters(latestRows(rows), cfg.lineBucket), cfg);
}
