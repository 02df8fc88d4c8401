// Compare two iterations: means, movement, per-file deltas, acceptance, tiers, cost, and a "bar raised" note.
import { InputError, UsageError } from "../core/errors";
import type { GradientTier, ReviewRow } from "../kb/schemas/review-row";
import { TIER_ORDER, fileIters, type FileIter } from "./file-iter";
import { iterStats, type IterStats } from "./iter-stats";
import { latestRows } from "./latest-rows";

export interface FileDelta { file: string; from: number; to: number; delta: number }

export interface CompareSide {
  iter: number;
  mean: number | null;
  files: number;
  scored: number;
  verified_components: number;
  tiers: Record<GradientTier, number>;
  stats: IterStats;
}

export interface CompareResult {
  from: number;
  to: number;
  mean_from: number | null;
  mean_to: number | null;
  delta: number | null;
  up: number;
  down: number;
  same: number;
  /** Files scored in both iterations, biggest improvement first. */
  files: FileDelta[];
  only_from: string[];
  only_to: string[];
  bar_raised: boolean;
  note: string | null;
  sides: { from: CompareSide; to: CompareSide };
}

/** Scores are rounded so that the SQL path (DuckDB avg) and this one agree to the last digit. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Pick the iterations: defaults are the last two present; named ones must exist. */
export function pickIterations(iters: readonly number[], opts: { from?: number; to?: number }): { from: number; to: number } {
  const sorted = [...new Set(iters)].sort((a, b) => a - b);
  for (const n of [opts.from, opts.to]) {
    if (n !== undefined && !sorted.includes(n)) throw new InputError(`iteration ${n} is not in the KB (have: ${sorted.join(", ") || "none"})`);
  }
  if (opts.from !== undefined && opts.to !== undefined && opts.from >= opts.to) {
    throw new UsageError(`--from must be an earlier iteration than --to (got --from ${opts.from} --to ${opts.to})`);
  }
  const to = opts.to ?? sorted.filter((i) => opts.from === undefined || i > opts.from).at(-1);
  const from = opts.from ?? sorted.filter((i) => to !== undefined && i < to).at(-1);
  if (from === undefined || to === undefined) throw new InputError(`compare needs two iterations (KB has ${sorted.length})`, "run another sweep first");
  return { from, to };
}

/** Reference implementation over typed rows; the CLI gets the same inputs from DuckDB (query/kb-queries.ts). */
export function compareIterations(all: ReviewRow[], opts: { from?: number; to?: number }): CompareResult {
  const rows = latestRows(all);
  const { from, to } = pickIterations(rows.map((r) => r.iter), opts);
  const sel = rows.filter((r) => r.iter === from || r.iter === to);
  const stats = iterStats(sel);
  return compareFrom(fileIters(sel, 10), stats.find((s) => s.iter === from)!, stats.find((s) => s.iter === to)!);
}

function side(files: FileIter[], stats: IterStats): CompareSide {
  const scores = files.flatMap((f) => (f.score === null ? [] : [round6(f.score)]));
  const tiers = Object.fromEntries(TIER_ORDER.map((t) => [t, 0])) as Record<GradientTier, number>;
  for (const f of files) tiers[f.tier]++;
  return {
    iter: stats.iter,
    mean: scores.length ? round6(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
    files: files.length,
    scored: scores.length,
    verified_components: files.reduce((s, f) => s + f.verified_components, 0),
    tiers,
    stats,
  };
}

/** The comparison from per-file records of the two iterations and their row statistics. */
export function compareFrom(files: FileIter[], fromStats: IterStats, toStats: IterStats): CompareResult {
  const a = files.filter((f) => f.iter === fromStats.iter);
  const b = files.filter((f) => f.iter === toStats.iter);
  const sa = side(a, fromStats);
  const sb = side(b, toStats);
  const before = new Map(a.filter((f) => f.score !== null).map((f) => [f.file, round6(f.score!)]));
  const deltas: FileDelta[] = [];
  for (const f of b) {
    const prev = before.get(f.file);
    if (prev === undefined || f.score === null) continue;
    const now = round6(f.score);
    deltas.push({ file: f.file, from: prev, to: now, delta: round6(now - prev) });
  }
  deltas.sort((x, y) => y.delta - x.delta || (x.file < y.file ? -1 : 1));
  const inB = new Set(b.map((f) => f.file));
  const inA = new Set(a.map((f) => f.file));
  const key = (s: IterStats) => s.prompts.map((p) => p.sha256).join(",");
  const barRaised = key(fromStats) !== key(toStats);
  const name = (s: IterStats) => s.prompts.map((p) => `${p.name}@${p.sha256.slice(0, 8)}`).join("+") || "none";
  return {
    from: fromStats.iter,
    to: toStats.iter,
    mean_from: sa.mean,
    mean_to: sb.mean,
    delta: sa.mean !== null && sb.mean !== null ? round6(sb.mean - sa.mean) : null,
    up: deltas.filter((d) => d.delta > 0).length,
    down: deltas.filter((d) => d.delta < 0).length,
    same: deltas.filter((d) => d.delta === 0).length,
    files: deltas,
    only_from: [...inA].filter((f) => !inB.has(f)).sort(),
    only_to: [...inB].filter((f) => !inA.has(f)).sort(),
    bar_raised: barRaised,
    note: barRaised
      ? `bar raised: prompt changed (${name(fromStats)} → ${name(toStats)}); a drop under a harder prompt is not a regression`
      : null,
    sides: { from: sa, to: sb },
  };
}
