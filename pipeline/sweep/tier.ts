// Permission gradient: the policy table (config `tiers`) decides, never the model. First match wins.
import type { Config, TierRule } from "../core/config";
import type { GradientTier } from "../kb/schemas/review-row";
import type { Severity } from "../kb/schemas/static-finding";
import { globMatcher } from "../walk/filters";

export interface TierInput {
  status: "accepted" | "failed";
  verdict: "pass" | "concerns" | "fail" | null;
  confidence: number | null;
  critical: number;
  /** Highest static-floor severity on the file, if any. */
  maxSeverity: Severity | null;
  sensitive: boolean;
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

export function gradientTier(x: TierInput, tiers: Config["tiers"]): GradientTier {
  return tiers.rules.find((r) => ruleMatches(r, x))?.tier ?? tiers.fallback;
}

export function sensitiveMatcher(tiers: Config["tiers"]): (path: string) => boolean {
  return globMatcher(tiers.sensitive);
}

export function maxSeverity(list: readonly { severity: Severity }[]): Severity | null {
  let best: Severity | null = null;
  for (const f of list) if (!best || SEV_RANK[f.severity] > SEV_RANK[best]) best = f.severity;
  return best;
}
