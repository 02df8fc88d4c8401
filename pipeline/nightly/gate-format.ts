// The gate's verdict as text, JSON or GitHub workflow commands (::error annotations) plus a Markdown
// step summary. Pure renderers; escaping follows GitHub's workflow-command rules.
import type { GateResult } from "./gate";

/** Message data: %, CR and LF are escaped. */
export const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** Property values additionally escape : and ,. */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

const head = (r: GateResult) =>
  `gate: iteration ${r.iter}${r.prev_iter === null ? "" : ` (vs ${r.prev_iter})`}, tier ≥ ${r.tier}${r.new_only ? ", new findings only" : ""}: ` +
  (r.pass ? `pass (${r.at_tier} at or above the tier${r.new_only ? ", none new" : ""})` : `FAIL, ${r.findings.length} finding(s)`);

export function gateText(r: GateResult): string {
  const lines = r.findings.map((f) => `  ${f.gradient_tier.padEnd(7)} ${f.file}${f.line ? `:${f.line}` : ""}  ${f.title}${f.new ? "  (new)" : ""}`);
  return [head(r), ...lines].join("\n") + "\n";
}

export function gateGithub(r: GateResult): string {
  const ann = r.findings.map((f) => {
    const props = [`file=${escapeProperty(f.file)}`, ...(f.line ? [`line=${f.line}`] : []), `title=${escapeProperty(`scrum ${f.gradient_tier}${f.new ? " (new)" : ""}`)}`];
    return `::error ${props.join(",")}::${escapeData(f.title + (f.evidence ? `\n${f.evidence}` : ""))}`;
  });
  return [...ann, head(r)].join("\n") + "\n";
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function gateMarkdown(r: GateResult): string {
  const out = [`### scrum gate: ${r.pass ? "pass" : "FAIL"}`, "", head(r).replace(/^gate: /, ""), ""];
  if (r.findings.length) {
    out.push("| tier | file | line | finding | new |", "|---|---|---|---|---|");
    for (const f of r.findings) out.push(`| ${f.gradient_tier} | ${cell(f.file)} | ${f.line ?? ""} | ${cell(f.title)} | ${f.new ? "yes" : ""} |`);
    out.push("");
  }
  return out.join("\n") + "\n";
}
