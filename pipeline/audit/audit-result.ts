// One audited message (a commit, or text given with --message) and its claims' outcomes, and the counts
// the exit code and every output format share.
import type { Change, Source } from "./evidence";
import type { GitRepo } from "./git/git-repo";
import type { AuditedClaim } from "./run-audit";

export interface AuditTarget {
  source: "commit" | "message";
  /** As named: "HEAD", "a1b2c3d4", "origin/main..HEAD", or the message file. */
  label: string;
  /** The commit audited (full id), or null for a message with no git revision. */
  rev: string | null;
  message: string;
  git: Source<{ repo: GitRepo; change: Change }>;
  /** Set when the message bytes were not UTF-8 (a commit's; a --message file must be). */
  warning?: string;
}

export interface TargetResult {
  target: AuditTarget;
  claims: AuditedClaim[];
}

export const notBackedCount = (r: TargetResult) => r.claims.filter((c) => c.outcome.status === "not_backed").length;
export const blockingCount = (r: TargetResult) => r.claims.filter((c) => c.blocks).length;
export const total = (rs: readonly TargetResult[], f: (r: TargetResult) => number) => rs.reduce((s, r) => s + f(r), 0);

/** One line: "7 claims: 4 backed, 2 not backed (1 blocking), 1 unverifiable", or "no checkable claims". */
export function tallyLine(claims: readonly AuditedClaim[]): string {
  if (!claims.length) return "no checkable claims";
  const n = (s: string) => claims.filter((c) => c.outcome.status === s).length;
  const blocks = claims.filter((c) => c.blocks).length;
  const ruleChecked = claims.filter((c) => c.claim.kind !== "fact").length;
  return `${claims.length} claim${claims.length > 1 ? "s" : ""}: ${n("backed")} backed, ${n("not_backed")} not backed${blocks ? ` (${blocks} blocking)` : ""}, ${n("unverifiable")} unverifiable${ruleChecked ? "" : " (no checkable claims: only statements no rule checks)"}`;
}
