// Human text for a comparison: the headline sweep line, then per-file movement and per-model acceptance.
import type { CompareResult, CompareSide } from "../analytics/compare";
import { TIER_ORDER } from "../analytics/file-iter";

const f2 = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));
const signed = (x: number | null) => (x === null ? "n/a" : `${x >= 0 ? "+" : ""}${x.toFixed(2)}`);
const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);

function label(s: CompareSide): string {
  const prompt = s.stats.prompts.map((p) => p.name).join("+") || "no prompt";
  const models = s.stats.models.slice(0, 2).map((m) => m.model).join(", ");
  return `${prompt} prompt${models ? `, ${models}` : ""}`;
}

/** Signal name → count, in the order the policy lists them; `n` (default 1) lets pre-counted rows in. */
export function tally(signals: readonly { signal: string; n?: number }[], order: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of signals) counts.set(s.signal, (counts.get(s.signal) ?? 0) + (s.n ?? 1));
  const names = [...new Set([...order, ...counts.keys()])].filter((n) => counts.has(n));
  return names.map((n) => `${n} ${counts.get(n)}`).join(", ");
}

/** The seed's one-line summary of a sweep against the previous one. */
export function headline(r: CompareResult, signalTally?: string): string {
  const a = r.sides.from, b = r.sides.to;
  const bar = r.bar_raised ? "bar raised" : "same bar";
  const tiers = TIER_ORDER.map((t) => `${b.tiers[t]} ${t}`).join(" · ");
  return [
    `iter ${r.from} (${label(a)}): mean ${f2(r.mean_from)}/10`,
    `iter ${r.to} (${bar}, ${label(b)}): ${f2(r.mean_to)} (${signed(r.delta)})`,
    `movement ↑${r.up} ↓${r.down} =${r.same}`,
    `${b.stats.first_attempt}/${b.stats.rows} first-attempt accept`,
    `${b.stats.json}/${b.stats.accepted} emitted JSON`,
    `${b.verified_components} verified components`,
    `permission gradient ${tiers}`,
    ...(signalTally ? [`signals ${signalTally}`] : []),
  ].join("; ");
}

export function compareText(r: CompareResult, signalTally?: string, top = 10): string {
  const lines = [headline(r, signalTally)];
  if (r.note) lines.push(`note: ${r.note}`);
  const b = r.sides.to.stats, a = r.sides.from.stats;
  lines.push(`first-attempt accept = review rows (chunks) accepted on attempt 1 / all review rows of iter ${r.to}, failed rows included; emitted JSON = JSON answers / accepted rows`);
  lines.push(`requests ${a.requests} → ${b.requests}; tokens ${a.tokens.prompt + a.tokens.completion} → ${b.tokens.prompt + b.tokens.completion}`);
  if (r.only_from.length || r.only_to.length) lines.push(`files only in iter ${r.from}: ${r.only_from.length}; only in iter ${r.to}: ${r.only_to.length}`);
  const moved = r.files.filter((d) => d.delta !== 0);
  if (moved.length) {
    lines.push("", "per-file deltas:");
    const shown = moved.length > 2 * top ? [...moved.slice(0, top), null, ...moved.slice(-top)] : moved;
    for (const d of shown) lines.push(d ? `  ${signed(d.delta).padStart(6)}  ${f2(d.from)} → ${f2(d.to)}  ${d.file}` : `  ... ${moved.length - 2 * top} more`);
  }
  lines.push("", `models (iter ${r.to}; rates over the rows each model accepted):`);
  for (const m of b.models) {
    lines.push(`  ${m.model.padEnd(24)} accepted ${String(m.accepted).padStart(5)}  first-attempt ${pct(m.first_attempt_rate).padStart(4)}  JSON ${pct(m.json_rate).padStart(4)}`);
  }
  return lines.join("\n") + "\n";
}
