// Pure renderers: report data → Markdown, and → one self-contained HTML page with inline SVG charts.
import { TIER_ORDER } from "../analytics/file-iter";
import { SIGNAL_COLOURS, TIER_COLOURS } from "../core/palette";
import { headline, tally } from "./compare-text";
import type { EvalTable, ReportData } from "./report-data";
import { auditHtml, auditMarkdown } from "./audit-section";
import { barChart, esc, histogramChart, lineChart } from "./svg-charts";

const f2 = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : x.toFixed(2));
const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);

function signalCounts(d: ReportData): { label: string; value: number; color?: string }[] {
  const counts = new Map<string, number>();
  for (const s of d.signals) counts.set(s.signal, (counts.get(s.signal) ?? 0) + 1);
  return [...new Set([...d.signalOrder, ...counts.keys()])].filter((s) => counts.has(s)).map((s) => ({ label: s, value: counts.get(s)!, color: SIGNAL_COLOURS[s] }));
}

/** The latest mutation eval as rows of class × reviewer cells ("caught/reviewed"). */
export function evalGrid(e: EvalTable): { reviewers: string[]; rows: { class: string; cells: string[] }[]; alarms: string[] } {
  const reviewers = [...new Set(e.cells.map((c) => c.reviewer))];
  const classes = [...new Set(e.cells.map((c) => c.class))].sort();
  const at = (r: string, k: string) => e.cells.find((c) => c.reviewer === r && c.class === k);
  return {
    reviewers,
    rows: classes.map((k) => ({ class: k, cells: reviewers.map((r) => { const c = at(r, k); return c ? `${c.caught}/${c.reviewed}` : "-"; }) })),
    alarms: reviewers.map((r) => String(e.cells.filter((c) => c.reviewer === r).reduce((s, c) => s + c.false_alarms, 0))),
  };
}

function evalMarkdown(e: EvalTable | null): string[] {
  if (!e) return [];
  const g = evalGrid(e);
  return [`## Mutation eval (latest: ladder ${e.ladder}, ${e.created_at})`, "", "Planted defects caught / reviewed, per class and reviewer (docs/EVAL.md).", "",
    `| class | ${g.reviewers.join(" | ")} |`, `|---|${g.reviewers.map(() => "---|").join("")}`,
    ...g.rows.map((r) => `| ${r.class} | ${r.cells.join(" | ")} |`), `| false alarms | ${g.alarms.join(" | ")} |`, "",
    ...(e.not_planted.length ? [`Not planted: ${e.not_planted.map((x) => `${x.class} (${x.outcome}${x.n > 1 ? ` ×${x.n}` : ""})`).join(", ")}.`, ""] : [])];
}

export function renderMarkdown(d: ReportData): string {
  const out = [`# Scrum report`, "", `KB: \`${d.kb}\` · generated ${d.generatedAt}`, ""];
  if (d.compare) out.push(`**${headline(d.compare, tally(d.signals, d.signalOrder))}**`, "", ...(d.compare.note ? [`> ${d.compare.note}`, ""] : []));
  out.push("## Iterations", "", "| iter | files | mean score |", "|---|---|---|", ...d.iters.map((i) => `| ${i.iter} | ${i.files} | ${f2(i.mean)} |`), "");
  out.push("## Signals", "", ...signalCounts(d).map((s) => `- ${s.label}: ${s.value}`), "");
  if (d.tiers) out.push(`## Permission gradient (iter ${d.tiers.iter})`, "", TIER_ORDER.map((t) => `${d.tiers![t]} ${t}`).join(" · "), "");
  out.push("## Models", "", "| model | accepted rows | first attempt (of its accepted rows) | JSON (of its accepted rows) | unverified findings |", "|---|---|---|---|---|",
    ...d.models.map((m) => `| ${m.model} | ${m.accepted} | ${pct(m.first_attempt_rate)} | ${pct(m.json_rate)} | ${pct(m.unverified_rate)} |`), "");
  out.push(...evalMarkdown(d.evaluation));
  out.push("## Trajectories (fix-wave order)", "", "| file | signal | scores |", "|---|---|---|",
    ...d.trajectories.map((t) => `| \`${t.file}\` | ${t.signal} | ${t.history.map((h) => f2(h.score)).join(" → ")} |`), "");
  out.push("## Files (latest iteration, fix-wave order)", "", "| file | iter | score | signal | tier | criticals |", "|---|---|---|---|---|---|",
    ...d.files.map((f) => `| \`${f.file}\` | ${f.iter} | ${f2(f.score)} | ${f.signal} | ${f.tier} | ${f.criticals} |`),
    ...(d.filesOmitted ? ["", `${d.filesOmitted} more file(s) not listed.`] : []), "");
  if (d.compare?.files.length) {
    out.push(`## Biggest moves (iter ${d.compare.from} → ${d.compare.to})`, "", "| file | from | to | delta |", "|---|---|---|---|");
    const moved = d.compare.files.filter((f) => f.delta !== 0);
    for (const f of [...moved.slice(0, 10), ...moved.slice(-10).filter((x) => !moved.slice(0, 10).includes(x))]) out.push(`| \`${f.file}\` | ${f2(f.from)} | ${f2(f.to)} | ${f.delta >= 0 ? "+" : ""}${f2(f.delta)} |`);
    out.push("");
  }
  out.push(...auditMarkdown(d.audits));
  return out.join("\n");
}

export function renderHtml(d: ReportData): string {
  const charts = [
    histogramChart("chart-scores", "Score distribution per iteration (files)", d.iters.slice(-6).map((i) => ({ label: `iter ${i.iter}`, counts: i.hist }))),
    // One iteration draws dots with no lines: say so instead of showing an empty chart.
    d.iters.length >= 2 && d.trajectories.length
      ? lineChart("chart-trajectories", "Per-file score trajectories (fix-wave order)", d.trajectories.map((t) => ({ label: t.file, points: t.history.map((h) => ({ x: h.iter, y: h.score })) })))
      : `<p class="note" id="chart-trajectories-note">Per-file trajectories need two scored iterations; the KB has ${d.iters.length}.</p>`,
    barChart("chart-signals", "Signals", signalCounts(d)),
    barChart("chart-tiers", `Permission gradient${d.tiers ? ` (iter ${d.tiers.iter})` : ""}`, TIER_ORDER.map((t) => ({ label: t, value: d.tiers?.[t] ?? 0, color: TIER_COLOURS[t] }))),
    barChart("chart-trust", "Model trust: first-attempt accept rate (of its accepted rows)", d.models.map((m) => ({ label: m.model, value: m.first_attempt_rate ?? 0 })), { max: 1, fmt: (v) => `${Math.round(v * 100)}%` }),
    barChart("chart-json", "Model trust: JSON emission rate", d.models.map((m) => ({ label: m.model, value: m.json_rate ?? 0 })), { max: 1, fmt: (v) => `${Math.round(v * 100)}%` }),
  ];
  const head = d.compare ? `<p class="headline">${esc(headline(d.compare, tally(d.signals, d.signalOrder)))}</p>${d.compare.note ? `<p class="note">${esc(d.compare.note)}</p>` : ""}` : `<p class="headline">${d.iters.length} iteration(s) in the KB.</p>`;
  const files = d.files.map((f) => `<tr><td><code>${esc(f.file)}</code></td><td>${f.iter}</td><td>${f2(f.score)}</td><td>${esc(f.signal)}</td><td>${esc(f.tier)}</td><td>${f.criticals}</td></tr>`).join("");
  const models = d.models.map((m) => `<tr><td>${esc(m.model)}</td><td>${m.accepted}</td><td>${pct(m.first_attempt_rate)}</td><td>${pct(m.json_rate)}</td><td>${pct(m.unverified_rate)}</td></tr>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scrum report</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1340px;padding:0 16px;color:#111827}
h1{font-size:22px;margin:0 0 4px}.meta{color:#6b7280;margin:0 0 12px}.headline{background:#f3f4f6;padding:10px 12px;border-radius:6px}
.note{color:#92400e}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(640px,1fr));gap:16px}
svg.chart{background:#fff;border:1px solid #e5e7eb;border-radius:6px;max-width:100%;height:auto}
table{border-collapse:collapse;margin-top:12px}td,th{border-bottom:1px solid #e5e7eb;padding:4px 10px;text-align:left}
</style></head>
<body>
<h1>Scrum report</h1>
<p class="meta">KB ${esc(d.kb)} · generated ${esc(d.generatedAt)}</p>
${head}
<div class="grid">
${charts.join("\n")}
</div>
<h2>Models</h2>
<table><thead><tr><th>model</th><th>accepted rows</th><th>first attempt (of its accepted rows)</th><th>JSON (of its accepted rows)</th><th>unverified findings</th></tr></thead><tbody>${models}</tbody></table>
${evalHtml(d.evaluation)}
<h2>Files</h2>
<p class="meta">Latest iteration of each file, in fix-wave order (signal, then severity × confidence)${d.filesOmitted ? `; ${d.filesOmitted} more not listed` : ""}.</p>
<table id="files"><thead><tr><th>file</th><th>iter</th><th>latest score</th><th>signal</th><th>tier</th><th>criticals</th></tr></thead><tbody>${files}</tbody></table>
${auditHtml(d.audits)}
</body></html>
`;
}

function evalHtml(e: EvalTable | null): string {
  if (!e) return "";
  const g = evalGrid(e);
  const rows = g.rows.map((r) => `<tr><td>${esc(r.class)}</td>${r.cells.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("");
  return `<h2>Mutation eval</h2>
<p class="meta">Latest eval (ladder ${esc(e.ladder)}, ${esc(e.created_at)}): planted defects caught / reviewed per class and reviewer.${e.not_planted.length ? ` Not planted: ${esc(e.not_planted.map((x) => `${x.class} (${x.outcome})`).join(", "))}.` : ""}</p>
<table id="mutation-eval"><thead><tr><th>class</th>${g.reviewers.map((r) => `<th>${esc(r)}</th>`).join("")}</tr></thead><tbody>${rows}<tr><td>false alarms</td>${g.alarms.map((a) => `<td>${a}</td>`).join("")}</tr></tbody></table>`;
}
