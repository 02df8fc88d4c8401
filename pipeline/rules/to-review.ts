// The static rung's review: findings → the same ReviewAnswer shape a model returns (policy from config).
import type { Config } from "../core/config";
import type { ReviewAnswer } from "../kb/schemas/review-answer";
import type { Severity, StaticFinding } from "../kb/schemas/static-finding";

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Severity ≥ threshold. */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

/**
 * score = max(minScore, baseScore − Σ penalty[severity]); verdict = fail when any finding reaches
 * failOn, concerns when any reaches concernsOn, else pass; confidence 1.0 (a rule proves its match).
 * Findings at or above concernsOn are critical failures; the rest are named in the summary.
 */
export function findingsToReview(findings: StaticFinding[], policy: Config["static"]): ReviewAnswer {
  const penalty = findings.reduce((sum, f) => sum + policy.penalty[f.severity], 0);
  const score = Math.max(policy.minScore, Math.min(10, policy.baseScore - penalty));
  const verdict = findings.some((f) => atLeast(f.severity, policy.failOn))
    ? "fail"
    : findings.some((f) => atLeast(f.severity, policy.concernsOn)) ? "concerns" : "pass";
  const critical = findings.filter((f) => atLeast(f.severity, policy.concernsOn));
  const notes = findings.length - critical.length;
  const byClass = new Map<string, number>();
  for (const f of findings) byClass.set(f.class, (byClass.get(f.class) ?? 0) + 1);
  const summary = findings.length
    ? `static floor: ${findings.length} finding(s): ${[...byClass].map(([c, n]) => `${c} ×${n}`).join(", ")}${notes ? ` (${notes} below ${policy.concernsOn}, not critical)` : ""}`
    : "static floor: no rule matched";
  return {
    verdict,
    score: Math.round(score * 100) / 100,
    confidence: 1,
    critical_failures: critical.map((f) => ({
      title: `[${f.class}] ${f.message} (${f.rule_id})`,
      line: f.line,
      evidence: f.snippet.split("\n")[0],
    })),
    verified_components: [],
    missing_components: [],
    summary,
  };
}
