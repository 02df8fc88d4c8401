// The gate: which critical findings of the latest iteration stop a pipeline. A finding counts when its
// review's gradient tier is at or above the gate's tier; with newOnly, only when signals' matching (title
// key and nearest line within ±lineBucket, one to one: analytics/finding-match.ts) finds no partner for
// it in the previous iteration. Pure: finding rows in, the verdict out.
import { TIER_ORDER } from "../analytics/file-iter";
import { normalizeTitle } from "../analytics/fingerprint";
import { matchedLast } from "../analytics/finding-match";
import type { GradientTier } from "../kb/schemas/review-row";

export type GateTier = "block" | "sim" | "dry_run";
export const GATE_TIERS: readonly GateTier[] = ["block", "sim", "dry_run"];

/** One critical finding as the `findings` view lists it. */
export interface FindingRow {
  file: string;
  title: string;
  line: number | null;
  evidence: string | null;
  gradient_tier: GradientTier;
  fingerprint: string;
  model: string | null;
}

export interface GateFinding extends FindingRow {
  /** True when the previous iteration has no matching finding (always true without a previous iteration). */
  new: boolean;
}

export interface GateResult {
  iter: number;
  prev_iter: number | null;
  tier: GateTier;
  new_only: boolean;
  /** The findings that fail the gate, by file then line. */
  findings: GateFinding[];
  /** Findings at or above the tier, new or not. */
  at_tier: number;
  pass: boolean;
}

const rank = (t: GradientTier) => TIER_ORDER.indexOf(t);

/** One occurrence per (title key, line) in a file, as signals counts them; the strictest tier wins. */
function distinct(rows: readonly FindingRow[]): (FindingRow & { key: string })[] {
  const seen = new Map<string, FindingRow & { key: string }>();
  for (const r of rows) {
    const key = normalizeTitle(r.title);
    const id = `${key}\u0000${r.line ?? "-"}`;
    const had = seen.get(id);
    if (!had) seen.set(id, { ...r, line: r.line && r.line >= 1 ? r.line : null, key });
    else if (rank(r.gradient_tier) > rank(had.gradient_tier)) had.gradient_tier = r.gradient_tier;
  }
  return [...seen.values()];
}

const byFile = (rows: readonly FindingRow[]) => {
  const m = new Map<string, FindingRow[]>();
  for (const r of rows) (m.get(r.file) ?? m.set(r.file, []).get(r.file)!).push(r);
  return m;
};

export function evaluateGate(input: { iter: number; prevIter: number | null; latest: readonly FindingRow[]; previous: readonly FindingRow[] },
  opts: { tier: GateTier; newOnly: boolean; lineBucket: number }): GateResult {
  const prevBy = byFile(input.previous);
  const gated: GateFinding[] = [];
  let atTier = 0;
  for (const [file, rows] of byFile(input.latest)) {
    const last = distinct(rows);
    const matched = input.prevIter === null ? new Set<number>() : matchedLast(distinct(prevBy.get(file) ?? []), last, opts.lineBucket);
    last.forEach((f, j) => {
      if (rank(f.gradient_tier) < rank(opts.tier)) return;
      atTier++;
      const isNew = !matched.has(j);
      if (opts.newOnly && !isNew) return;
      const { key: _key, ...row } = f;
      gated.push({ ...row, new: isNew });
    });
  }
  gated.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { iter: input.iter, prev_iter: input.prevIter, tier: opts.tier, new_only: opts.newOnly, findings: gated, at_tier: atTier, pass: gated.length === 0 };
}
