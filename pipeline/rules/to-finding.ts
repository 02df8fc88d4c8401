// One check hit → a StaticFinding: 1-based lines and columns, a short snippet, secrets never copied.
import type { StaticFinding } from "../kb/schemas/static-finding";
import type { Hit } from "./checks/hit";
import type { Place } from "./place";
import type { RuleSpec } from "./rule-spec";

const SNIPPET_LINES = 5;

export function toFinding(rule: RuleSpec, file: string, lines: string[], hit: Hit, place?: Place): StaticFinding {
  const { start, end } = hit.region;
  const line = start.line + 1;
  const endLine = Math.max(line, end.line + 1);
  let snippet = lines.slice(start.line, Math.min(endLine, line + SNIPPET_LINES - 1)).map((l) => l.trim()).join("\n");
  if (rule.class === "hardcoded-secret") {
    // The KB must not become a second copy of the credential: keep only what precedes it on the line.
    const before = (lines[start.line] ?? "").slice(0, start.column).trim();
    snippet = before || "[redacted secret]";
  }
  return {
    class: rule.class,
    rule_id: rule.id,
    severity: hit.lead ? "info" : hit.severity ?? rule.severity,
    file,
    line,
    end_line: endLine,
    column: start.column + 1,
    end_column: Math.max(1, end.column + 1),
    snippet,
    message: rule.class === "hardcoded-secret" ? rule.message : `${hit.message ?? rule.message}${hit.lead ? ` (lead, not a claim: ${hit.lead})` : ""}`,
    ...(place ? { place } : {}),
    ...(hit.lead ? { lead: true } : {}),
  };
}
