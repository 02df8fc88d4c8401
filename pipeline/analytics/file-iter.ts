// One file in one iteration: its chunk rows folded together (score = mean of chunk scores, findings = union).
import type { GradientTier, ReviewRow } from "../kb/schemas/review-row";
import { fingerprint } from "./fingerprint";

export const TIER_ORDER: readonly GradientTier[] = ["auto", "dry_run", "sim", "block"];

export interface FileFinding {
  title: string;
  line: number | null;
  evidence: string | null;
  verified: boolean;
  model: string | null;
  fingerprint: string;
}

export interface FileIter {
  iter: number;
  file: string;
  /** Mean of the non-null chunk scores; null when every chunk failed. */
  score: number | null;
  confidence: number | null;
  /** Critical failures summed over chunks. */
  criticals: number;
  findings: FileFinding[];
  /** Distinct critical-failure fingerprints, sorted. */
  fingerprints: string[];
  targeted: boolean;
  /** The strictest tier over the file's chunks. */
  tier: GradientTier;
  verified_components: number;
  chunks: number;
  failed_chunks: number;
  models: string[];
  file_sha256: string;
}

/** Fold rows into one record per (iter, file), sorted by file then iter. */
export function fileIters(rows: readonly ReviewRow[], lineBucket: number): FileIter[] {
  const groups = new Map<string, ReviewRow[]>();
  for (const r of rows) {
    const k = `${r.iter}\u0000${r.file}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out = [...groups.values()].map((g) => foldFile(g, lineBucket));
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.iter - b.iter));
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

function foldFile(g: ReviewRow[], lineBucket: number): FileIter {
  const first = g[0]!;
  const findings: FileFinding[] = [];
  const seen = new Set<string>();
  for (const r of g) {
    for (const c of r.critical_failures) {
      const fp = fingerprint(r.file, c, lineBucket);
      findings.push({ title: c.title, line: c.line ?? null, evidence: c.evidence ?? null, verified: c.verified, model: r.model, fingerprint: fp });
      seen.add(fp);
    }
  }
  const tier = g.reduce<GradientTier>((w, r) => (TIER_ORDER.indexOf(r.gradient_tier) > TIER_ORDER.indexOf(w) ? r.gradient_tier : w), "auto");
  return {
    iter: first.iter,
    file: first.file,
    score: mean(g.flatMap((r) => (r.score === null ? [] : [r.score]))),
    confidence: mean(g.flatMap((r) => (r.confidence === null ? [] : [r.confidence]))),
    criticals: g.reduce((s, r) => s + r.critical_failures_count, 0),
    findings,
    fingerprints: [...seen].sort(),
    targeted: g.some((r) => r.targeted_by_fixwave),
    tier,
    verified_components: g.reduce((s, r) => s + r.verified_components_count, 0),
    chunks: g.length,
    failed_chunks: g.filter((r) => r.status === "failed").length,
    models: [...new Set(g.flatMap((r) => (r.model ? [r.model] : [])))].sort(),
    file_sha256: first.file_sha256,
  };
}
