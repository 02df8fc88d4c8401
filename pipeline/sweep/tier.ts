// Permission gradient: the policy table (config `tiers`) decides, never the model. First match wins.
import type { Config, TierRule } from "../core/config";
import type { GradientTier } from "../kb/schemas/review-row";
import type { FindingClass, Severity } from "../kb/schemas/static-finding";
import { globMatcher } from "../walk/filters";

export interface TierInput {
  status: "accepted" | "failed";
  verdict: "pass" | "concerns" | "fail" | null;
  confidence: number | null;
  critical: number;
  /** Highest static-floor severity on the file, if any. */
  maxSeverity: Severity | null;
  sensitive: boolean;
  /** Place of the file (pipeline/rules/place.ts); model findings carry no place of their own. */
  place?: "shipped" | "test" | "example" | "bench";
  /** The chunk's static findings with their place. */
  findings?: readonly { class: FindingClass; place?: "shipped" | "test" | "example" | "bench" }[];
}

const SEV_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function ruleMatches(r: TierRule, x: TierInput): boolean {
  if (r.status && r.status !== x.status) return false;
  if (r.verdict && (!x.verdict || !r.verdict.includes(x.verdict))) return false;
  if (r.sensitive !== undefined && r.sensitive !== x.sensitive) return false;
  if (r.minCritical !== undefined && x.critical < r.minCritical) return false;
  if (r.maxCritical !== undefined && x.critical > r.maxCritical) return false;
  const conf = x.confidence ?? 0;
  if (r.minConfidence !== undefined && conf < r.minConfidence) return false;
  if (r.maxConfidence !== undefined && conf > r.maxConfidence) return false;
  if (r.minSeverity && (!x.maxSeverity || SEV_RANK[x.maxSeverity] < SEV_RANK[r.minSeverity])) return false;
  return true;
}

const TIER_RANK: Record<GradientTier, number> = { auto: 0, dry_run: 1, sim: 2, block: 3 };

/**
 * Severity by place: when everything a chunk was flagged for lies in test, example or benchmark code,
 * its tier is capped at `tiers.places.<place>` (per class where configured; the highest cap among
 * the chunk's findings applies). A finding in shipped code, or a failed review, is not capped.
 */
export function placeCap(x: TierInput, places: Config["tiers"]["places"]): GradientTier | null {
  const filePlace = x.place ?? "shipped";
  const found = x.findings ?? [];
  const where = found.length ? found.map((f) => ({ cls: f.class as FindingClass | null, place: f.place ?? filePlace })) : [{ cls: null, place: filePlace }];
  if (where.some((w) => w.place === "shipped")) return null;
  // Model findings on the same chunk have no place of their own: they sit in the file's place.
  if (x.critical > found.length && filePlace === "shipped") return null;
  let cap: GradientTier = "auto";
  for (const w of where) {
    const p = places[w.place as "test" | "example" | "bench"];
    const t = (w.cls && p.classes[w.cls]) || p.default;
    if (TIER_RANK[t] > TIER_RANK[cap]) cap = t;
  }
  return cap;
}

export function gradientTier(x: TierInput, tiers: Config["tiers"]): GradientTier {
  const tier = tiers.rules.find((r) => ruleMatches(r, x))?.tier ?? tiers.fallback;
  if (x.status !== "accepted") return tier;
  const cap = placeCap(x, tiers.places);
  return cap && TIER_RANK[tier] > TIER_RANK[cap] ? cap : tier;
}

export function sensitiveMatcher(tiers: Config["tiers"]): (path: string) => boolean {
  return globMatcher(tiers.sensitive);
}

export function maxSeverity(list: readonly { severity: Severity }[]): Severity | null {
  let best: Severity | null = null;
  for (const f of list) if (!best || SEV_RANK[f.severity] > SEV_RANK[best]) best = f.severity;
  return best;
}
