// The fix-wave doc: the next iteration's scope, ranked, with findings, evidence and what to verify.
// Contract with `scrum sweep`: one `<!-- scrum-fixwave {...} -->` line near the top, one ### heading per file.
import type { Config } from "../core/config";
import type { FileIter } from "./file-iter";
import type { FileSignal } from "./signals";

/** Order of urgency: fixes that do not land first, then what got worse, then churn. */
export const SIGNAL_PRIORITY = ["LOOPING", "REGRESSING", "ORBITING", "MIXED", "PLATEAU", "NEW", "CONVERGING"];

export interface FixwaveEntry {
  file: string;
  signal: string;
  evidence: FileSignal | null;
  score: number | null;
  confidence: number | null;
  /** (10 − score) × confidence: how bad, weighted by how sure the reviewer was. */
  weight: number;
  record: FileIter;
}

const prio = (s: string) => {
  const i = SIGNAL_PRIORITY.indexOf(s);
  return i < 0 ? SIGNAL_PRIORITY.indexOf("MIXED") + 0.5 : i;
};

/**
 * Files of one iteration with critical failures (every file with `all`), ranked by signal priority, then
 * severity × confidence.
 */
export function rankFixwave(records: readonly FileIter[], signals: readonly FileSignal[], opts: { all?: boolean } = {}): FixwaveEntry[] {
  const bySignal = new Map(signals.map((s) => [s.file, s]));
  return records
    .filter((r) => opts.all || r.criticals > 0 || r.findings.length > 0)
    .map((r) => {
      const sig = bySignal.get(r.file) ?? null;
      const weight = r.score === null ? 0 : Math.round((10 - r.score) * (r.confidence ?? 0) * 1000) / 1000;
      return { file: r.file, signal: sig?.signal ?? "NEW", evidence: sig, score: r.score, confidence: r.confidence, weight, record: r };
    })
    .sort((a, b) => prio(a.signal) - prio(b.signal) || b.weight - a.weight || b.record.criticals - a.record.criticals || (a.file < b.file ? -1 : 1));
}

const f2 = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : x.toFixed(2));
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function verifyList(e: FixwaveEntry, cfg: Config["signals"]): string[] {
  const out = e.record.findings.map((f) => `- [ ] \`${f.fingerprint}\` no longer reported (${oneLine(f.title)}${f.line ? `, L${f.line}` : ""})`);
  if (e.score !== null) out.push(`- [ ] score ≥ ${f2(Math.min(10, e.score + cfg.scoreDelta))} (now ${f2(e.score)}), with critical failures not up (→ CONVERGING)`);
  if (e.signal === "LOOPING") out.push(`- [ ] the recurring findings are gone: they survived a targeted wave already (${e.evidence?.recurring.length ?? 0} recurring)`);
  if (e.signal === "REGRESSING") out.push(`- [ ] the drop is explained: score back to ≥ ${f2(e.evidence?.score_prev ?? null)} or the regression is recorded as intended`);
  if (e.signal === "ORBITING") out.push("- [ ] findings stop turning over: fix the cause, not the symptom the last model named");
  return out;
}

function section(e: FixwaveEntry, cfg: Config["signals"]): string {
  const r = e.record;
  const ev = e.evidence;
  const trend = ev && ev.prev_iter !== null
    ? ` — score ${f2(ev.score_prev)} → ${f2(ev.score_last)}, criticals ${ev.criticals_prev} → ${ev.criticals_last}, Jaccard ${f2(ev.jaccard)}${ev.targeted ? ", targeted by the last wave" : ""}`
    : "";
  const lines = [
    `### \`${e.file}\``,
    "",
    `- signal: **${e.signal}**${ev ? ` (${ev.rule})` : ""}${trend}`,
    `- score ${f2(e.score)}/10 · confidence ${f2(e.confidence)} · severity × confidence ${e.weight.toFixed(2)} · gradient tier **${r.tier}**`,
    "",
    "Critical failures:",
    "",
  ];
  r.findings.forEach((f, i) => {
    lines.push(`${i + 1}. **${oneLine(f.title)}**${f.line ? ` (L${f.line})` : ""}${f.verified ? "" : " — _evidence did not check out_"}${f.model ? ` — ${f.model}` : ""}`);
    if (f.evidence) lines.push(`   > ${oneLine(f.evidence).slice(0, 300)}`);
  });
  if (!r.findings.length) lines.push(`${r.criticals} critical failure(s) counted; no finding text stored.`);
  lines.push("", "Next sweep must verify:", "", ...verifyList(e, cfg), "");
  return lines.join("\n");
}

/** The first `limit` entries (already ranked) and how many were left out. */
export function limitFixwave(entries: readonly FixwaveEntry[], limit: number): { entries: FixwaveEntry[]; omitted: number } {
  const n = Math.max(0, Math.trunc(limit));
  return { entries: entries.slice(0, n), omitted: Math.max(0, entries.length - n) };
}

/** Pure renderer: the whole doc as Markdown; `omitted` counts ranked files left out by the limit. */
export function renderFixwave(input: { iter: number; entries: FixwaveEntry[]; signals: Config["signals"]; policyVersion?: string; omitted?: number }): string {
  const files = input.entries.map((e) => e.file);
  const omitted = input.omitted ?? 0;
  const marker = `<!-- scrum-fixwave ${JSON.stringify({ iter: input.iter, files })} -->`;
  const table = input.entries.map((e, i) =>
    `| ${i + 1} | \`${e.file}\` | ${e.signal} | ${f2(e.score)} | ${f2(e.confidence)} | ${e.record.criticals} | ${e.record.tier} |`);
  return [
    `# Scrum fix wave — from iteration ${input.iter}`,
    marker,
    "",
    `Generated by \`scrum fixwave\` from the KB${input.policyVersion ? ` (policy ${input.policyVersion})` : ""}: the scope of the next sweep.`,
    `${files.length + omitted} file(s) with critical failures, ranked by signal (LOOPING first) and then by severity × confidence`,
    "(severity = 10 − score). The next `scrum sweep` reads this doc as its proposal, marks these files as targeted,",
    "and `scrum signals` then tells whether each fix landed (CONVERGING) or not (LOOPING).",
    ...(omitted ? ["", `**${omitted} more file(s) left out** by the limit (the first ${files.length} are listed): \`scrum fixwave --limit N\` or config \`fixwave.limit\` widens the wave.`] : []),
    "",
    ...(files.length
      ? ["| # | file | signal | score | confidence | criticals | tier |", "|---|---|---|---|---|---|---|", ...table, "", "## Files", "", ...input.entries.map((e) => section(e, input.signals))]
      : ["Nothing to fix: no file has a critical failure in this iteration.", ""]),
  ].join("\n");
}

const MARKER = /<!--\s*scrum-fixwave\s+(\{.*?\})\s*-->/;

/** The targeted repo-relative paths from a fix-wave doc, or null when it has no valid marker. */
export function parseFixwaveTargets(markdown: string): string[] | null {
  const m = MARKER.exec(markdown);
  if (!m) return null;
  try {
    const v = JSON.parse(m[1]!) as { files?: unknown };
    if (!Array.isArray(v.files) || !v.files.every((f) => typeof f === "string")) return null;
    return v.files as string[];
  } catch {
    return null;
  }
}
