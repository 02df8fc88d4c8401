// Check iteration aggregates against what `scrum compare`, `signals` and `trust` compute for the named
// (or latest) iterations; every figure written is compared at the precision written.
import { backed, notBacked, unverifiable, type AggregateClaim, type Figure, type Outcome } from "../claim";
import type { KbFacts } from "../kb-facts";
import { pickModel } from "../model-subject";
import { sameAsWritten, showAt } from "../numbers";

const LABEL: Record<string, string> = {
  mean: "mean", delta: "delta", up: "↑", down: "↓", same: "=", first_attempt: "first-attempt accepts", rows: "review rows",
  json: "JSON answers", accepted: "accepted rows", verified_components: "verified components", requests: "requests",
  tokens: "tokens", parse_failures: "parse failures",
};

/** The KB's figure for one written number, or a reason it has none. */
async function actual(c: AggregateClaim, f: Figure, iter: number, from: number | null, kb: KbFacts, model: string | null): Promise<number | string> {
  const side = () => kb.side(iter);
  const pct = (n: number, d: number, what: string) => (d > 0 ? (100 * n) / d : `iter ${iter} has no ${what}`);
  if (model !== null) {
    // One model's figures, as `compare` and `trust` give them per model: over the rows it answered.
    const m = (await side()).stats.models.find((x) => x.model === model);
    if (!m) return `${model} answered no row in iter ${iter}`;
    if (c.metric === "json") return f.name === "rate" ? pct(m.json, m.accepted, `row ${model} answered`) : f.name === "accepted" ? m.accepted : m.json;
    return f.name === "rate" ? pct(m.first_attempt, m.accepted, `row ${model} answered`) : f.name === "rows" ? m.accepted : m.first_attempt;
  }
  switch (c.metric) {
    case "mean": {
      if (f.name === "delta") return (await kb.compare(from!, iter)).delta ?? `iter ${from} or ${iter} has no scored file`;
      return (await side()).mean ?? `iter ${iter} has no scored file`;
    }
    case "movement": {
      const r = await kb.compare(from!, iter);
      return f.name === "up" ? r.up : f.name === "down" ? r.down : r.same;
    }
    case "first_attempt": {
      const s = (await side()).stats;
      return f.name === "rate" ? pct(s.first_attempt, s.rows, "review rows") : f.name === "rows" ? s.rows : s.first_attempt;
    }
    case "json": {
      const s = (await side()).stats;
      return f.name === "rate" ? pct(s.json, s.accepted, "accepted rows") : f.name === "accepted" ? s.accepted : s.json;
    }
    case "verified_components": return (await side()).verified_components;
    case "gradient": return (await side()).tiers[f.name as keyof Awaited<ReturnType<typeof side>>["tiers"]] ?? `no tier ${f.name}`;
    case "signal": return (await kb.signalsAsOf(iter)).get(f.name) ?? 0;
    case "requests": return (await side()).stats.requests;
    case "tokens": { const t = (await side()).stats.tokens; return t.prompt + t.completion; }
    case "parse_failures": return kb.parseFailures(iter);
  }
}

export async function checkAggregate(c: AggregateClaim, kb: KbFacts): Promise<Outcome> {
  const needsFrom = c.metric === "movement" || c.figures.some((f) => f.side === "from" || f.name === "delta");
  const p = needsFrom ? await kb.pair(c.iters) : await kb.target(c.iters);
  if (!p.ok) return unverifiable(p.reason);
  const from: number | null = "from" in p ? (p.from as number) : null;
  const iters = { from, to: p.to };
  let model: string | null = null;
  if (c.subjects?.length) {
    const pick = pickModel(c.subjects, (await kb.side(p.to)).stats.models.map((m) => m.model));
    if (pick && "ambiguous" in pick) return unverifiable(`"${c.subjects.join(" ")}" names several models of iter ${p.to}: ${pick.ambiguous.join(", ")}`, { iters });
    model = pick?.model ?? null;
  }
  const parts: string[] = [];
  let ok = true;
  for (const f of c.figures) {
    const iter = f.side === "from" ? from! : p.to;
    const a = await actual(c, f, iter, from, kb, model);
    if (typeof a === "string") return unverifiable(a, { iters });
    const same = sameAsWritten(a, f.written);
    ok &&= same;
    const label = f.name === "rate" ? `${c.metric === "json" ? "JSON" : "first-attempt"} rate` : LABEL[f.name] ?? f.name;
    const shown = `${showAt(a, f.written)}${f.name === "rate" ? "%" : ""}`;
    parts.push(`${label} ${shown}${same ? "" : ` (not ${f.written.text})`}`);
  }
  const scope = `${from === null ? `iter ${p.to}` : `iter ${from} → ${p.to}`}${model ? `, ${model}` : ""}`;
  const text = `KB ${scope}: ${parts.join(", ")}`;
  return ok ? backed(text, { iters }) : notBacked(text, { iters });
}
