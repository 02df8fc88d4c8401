// What a sweep does with the floor's leads (claim-evidence.ts): keep them as info-level notes for the models
// to verify (`static.leads: note`, the default), or report them at their rule's severity like any claim
// (`claim`: the floor before leads existed, for an audit that wants every dropped failure listed).
import type { StaticFinding } from "../kb/schemas/static-finding";
import { NOTES } from "./checks/no-assertion";
import type { RuleSpec } from "./rule-spec";

export type LeadPolicy = "note" | "claim";

export function applyLeadPolicy(findings: Map<string, StaticFinding[]>, rules: readonly RuleSpec[], policy: LeadPolicy): Map<string, StaticFinding[]> {
  if (policy === "note") return findings;
  const severity = new Map(rules.map((r) => [r.id, r.severity]));
  const out = new Map<string, StaticFinding[]>();
  for (const [file, list] of findings) out.set(file, list.map((f) => (f.lead ? { ...f, severity: severity.get(f.rule_id) ?? f.severity } : f)));
  return out;
}

export type SmokeNotePolicy = "omit" | "note";

/** The notes a test whose only oracle is "nothing throws" gets: a smoke test, a concurrency test under the race detector, a scenario's step. */
const SMOKE = new Set([NOTES["throw-based"], NOTES.concurrency, NOTES["scenario-step"]]);

/**
 * What a sweep does with the floor's smoke-test notes. A test whose check is that a parse, a render or a
 * constructor does not throw (or that the race detector stays quiet) asserts by throwing: the test-context
 * model counts that as an assertion. `omit` (the default) leaves them out; `note` keeps them as info-level notes,
 * for an audit of how much of a suite only smoke-tests. On the labelled panels 30 to 33 such notes were upheld 7
 * times in 72 (docs/DECISIONS.md, twenty-third session).
 */
export function applySmokeNotePolicy(findings: Map<string, StaticFinding[]>, policy: SmokeNotePolicy): Map<string, StaticFinding[]> {
  if (policy === "note") return findings;
  const out = new Map<string, StaticFinding[]>();
  for (const [file, list] of findings) {
    const kept = list.filter((f) => !(f.severity === "info" && SMOKE.has(f.message ?? "")));
    if (kept.length) out.set(file, kept);
  }
  return out;
}
