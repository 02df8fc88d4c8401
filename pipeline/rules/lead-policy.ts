// What a sweep does with the floor's leads (claim-evidence.ts): keep them as info-level notes for the models
// to verify (`static.leads: note`, the default), or report them at their rule's severity like any claim
// (`claim`: the floor before leads existed, for an audit that wants every dropped failure listed).
import type { StaticFinding } from "../kb/schemas/static-finding";
import type { RuleSpec } from "./rule-spec";

export type LeadPolicy = "note" | "claim";

export function applyLeadPolicy(findings: Map<string, StaticFinding[]>, rules: readonly RuleSpec[], policy: LeadPolicy): Map<string, StaticFinding[]> {
  if (policy === "note") return findings;
  const severity = new Map(rules.map((r) => [r.id, r.severity]));
  const out = new Map<string, StaticFinding[]>();
  for (const [file, list] of findings) out.set(file, list.map((f) => (f.lead ? { ...f, severity: severity.get(f.rule_id) ?? f.severity } : f)));
  return out;
}
