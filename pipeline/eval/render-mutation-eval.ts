// The mutation eval as text: recall per class for each reviewer side by side, false alarms, what was
// not planted and why, the confusion table and one line per mutant.
import type { MutationEvalResult } from "./run-mutation-eval";
import type { ClassRecall } from "./summarize-eval";

const cell = (c: ClassRecall | undefined) => (!c ? "-" : c.reviewed === 0 ? `0/0` : `${c.caught}/${c.reviewed} ${Math.round((c.recall ?? 0) * 100)}%`);

function planText(r: MutationEvalResult): string[] {
  const p = r.plan;
  return [
    `plan: ${r.mutants.length} mutant(s) in ${r.mutants.length} file(s), ${r.affected.length} other file(s) whose floor findings change; ${r.sites} site(s) found in ${r.files} file(s), planting took ${r.plant_ms} ms`,
    `      model requests: baseline ${p.baseline_requests} (files with no cached review), mutants ${p.mutant_requests}; ${p.chunks} chunk(s), ~${p.prompt_tokens} prompt tokens${p.cost_usd === null ? "" : `, ~$${p.cost_usd.toFixed(4)}`}`,
  ];
}

export function renderMutationEval(r: MutationEvalResult): string {
  const out = [`mutation eval of ladder '${r.ladder}' on ${r.repo}${r.commit ? ` @ ${r.commit.slice(0, 10)}` : ""} (seed ${r.seed}, hit = finding within ±${r.tolerance} lines)`];
  if (r.ladder_note) out.push(`note: ${r.ladder_note}`);
  out.push(...planText(r));
  if (r.dry_run) {
    out.push("", "mutants (dry run, nothing planted):", ...r.mutants.map((m) => `  ${m.id} ${m.class.padEnd(20)} ${m.file}:${m.line} (${m.operator})`));
  } else {
    if (r.requests) out.push(`requests made: baseline ${r.requests.baseline}, mutated copy ${r.requests.mutated}`);
    const classes = [...new Set(r.mutants.map((m) => m.class))].sort();
    const cols = r.reviewers.map((s) => s.label);
    const w = Math.max(14, ...cols.map((c) => c.length + 2));
    out.push("", `recall per class (caught/reviewed)`, `${"class".padEnd(22)}${cols.map((c) => c.padStart(w)).join("")}`);
    for (const c of classes) out.push(`${c.padEnd(22)}${r.reviewers.map((s) => cell(s.by_class.find((b) => b.class === c)).padStart(w)).join("")}`);
    out.push(`${"total".padEnd(22)}${r.reviewers.map((s) => cell(s.total).padStart(w)).join("")}`);
    out.push(`${"false alarms".padEnd(22)}${r.reviewers.map((s) => `${s.false_alarms} of ${s.findings}`.padStart(w)).join("")}`);
    for (const s of r.reviewers) {
      const lines = Object.entries(s.confusion).sort().map(([planted, rep]) => `  ${planted.padEnd(20)} → ${Object.entries(rep).sort().map(([k, n]) => `${k} ${n}`).join(", ")}`);
      if (lines.length) out.push("", `confusion, ${s.label} (planted → reported near the mutant):`, ...lines);
    }
    out.push("", "mutants:");
    for (const m of r.mutants) {
      const outcomes = r.results.filter((x) => x.mutant.id === m.id).map((x) => `${x.reviewer.kind === "model" ? x.reviewer.model : x.reviewer.kind} ${x.outcome}`);
      out.push(`  ${m.id} ${m.class.padEnd(20)} ${m.file}:${m.line} (${m.operator}): ${outcomes.join(", ")}`);
    }
  }
  if (r.not_planted.length) out.push("", "not planted:", ...r.not_planted.map((n) => `  ${n.class.padEnd(20)} ${n.reason}: ${n.detail}${n.file ? ` (${n.file}:${n.line})` : ""}`));
  if (r.kept) out.push("", `kept: mutated copy ${r.kept.copy} (git diff shows the mutants), ${r.kept.mutants}, eval KB ${r.kept.kb}`);
  return out.join("\n") + "\n";
}
