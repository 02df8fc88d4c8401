// GitHub Actions output: workflow-command annotations (::error title=claim not backed::...) and a Markdown
// step summary. Data escapes %, CR and LF; properties also escape : and , (the runner's grammar).
import { tallyLine, type TargetResult } from "../audit-result";

export const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function annotations(results: readonly TargetResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const c of r.claims) {
      const { status } = c.outcome;
      if (status === "backed") continue;
      const level = c.blocks ? "error" : status === "not_backed" ? "warning" : "notice";
      const title = status === "not_backed" ? "claim not backed" : "claim unverifiable";
      const where = c.outcome.file ? `file=${escapeProperty(c.outcome.file)},${c.outcome.fileLine ? `line=${c.outcome.fileLine},` : ""}` : "";
      const rev = r.target.rev ? r.target.rev.slice(0, 8) : r.target.label;
      out.push(`::${level} ${where}title=${escapeProperty(title)}::${escapeData(`${rev} L${c.claim.line}: ${c.claim.text} — ${c.outcome.evidence}`)}`);
    }
  }
  return out.length ? out.join("\n") + "\n" : "";
}

/** Text for a Markdown table cell: one line, pipes escaped. */
export const cell = (s: string) => s.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();

/** The step summary: per message, a table of claims, status and evidence. */
export function summaryMarkdown(results: readonly TargetResult[]): string {
  const all = results.flatMap((r) => r.claims);
  const out = ["## scrum audit", "", `**${tallyLine(all)}**`, ""];
  for (const r of results) {
    if (!r.claims.length) continue;
    const rev = r.target.rev ? `\`${r.target.rev.slice(0, 8)}\`` : cell(r.target.label);
    out.push(`### ${rev} ${cell(r.target.message.split("\n")[0] ?? "")}`, "", "| | claim | status | evidence |", "|---|---|---|---|");
    for (const c of r.claims) {
      const mark = c.outcome.status === "backed" ? "✅" : c.blocks ? "❌" : "⚠️";
      out.push(`| ${mark} | ${cell(c.claim.text)} | ${c.outcome.status}${c.blocks ? " (blocks)" : ""} | ${cell(c.outcome.evidence)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
