// Human text and the --json document for audited messages.
import { blockingCount, notBackedCount, tallyLine, total, type TargetResult } from "../audit-result";

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function header(r: TargetResult): string {
  const t = r.target;
  const subject = oneLine(t.message.split("\n").find((l) => l.trim()) ?? "");
  const at = t.rev && !t.rev.startsWith(t.label) ? ` (${t.rev.slice(0, 8)})` : "";
  return `${t.source === "commit" ? "commit" : "message"} ${t.label}${at}${subject ? `: ${clip(subject, 72)}` : ""}`;
}

/** One line per claim: status, the claim as written, the evidence. */
export function renderText(results: readonly TargetResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(header(r));
    for (const c of r.claims) {
      const status = `${c.outcome.status}${c.blocks ? "!" : ""}`.padEnd(13);
      out.push(`  ${status} L${String(c.claim.line).padEnd(3)} ${clip(oneLine(c.claim.text), 70)}  ·  ${oneLine(c.outcome.evidence)}`);
    }
    out.push(`  ${tallyLine(r.claims)}`);
  }
  if (results.length > 1) {
    const all = results.flatMap((r) => r.claims);
    out.push(`${results.length} messages, ${tallyLine(all)}`);
  }
  if (results.some((r) => r.claims.some((c) => c.blocks))) out.push("(! = blocks: a claim of a kind listed in audit.blocking that the evidence does not back)");
  return out.join("\n") + "\n";
}

function jsonOf(r: TargetResult) {
  return {
    rev: r.target.rev,
    claims: r.claims.map((c) => ({
      id: c.id, kind: c.claim.kind, text: c.claim.text, line: c.claim.line, status: c.outcome.status, evidence: c.outcome.evidence, blocking: c.blocking,
    })),
    not_backed: notBackedCount(r),
    blocking: blockingCount(r),
  };
}

/** `{rev, claims, not_backed, blocking}` for one message; a range wraps one per commit with totals. */
export function renderJson(results: readonly TargetResult[], range: string | null): string {
  if (range === null && results.length === 1) return JSON.stringify(jsonOf(results[0]!)) + "\n";
  return JSON.stringify({ range, commits: results.map(jsonOf), not_backed: total(results, notBackedCount), blocking: total(results, blockingCount) }) + "\n";
}
