// Can the floor learn from the panel labels which of its claims to trust? A simulation, before any code:
// each panel in turn is held out, the other panels' labels decide which rules to demote to leads (or which
// rules alone to keep as claims), and the held-out panel's labelled shipped claims say what that choice
// would have bought on code it had not seen (leave-one-panel-out). It also buckets claims by how often their
// rule fires in the same repository (a rule firing everywhere in a repository is its convention).
//
// Run: npx bun bench/label-trust.ts --findings FILE.jsonl --list FILE [--labels DIR] [--json]
//   --findings  the findings file `bench/real-panel.ts --findings` wrote for the panels in --list
//   --list      the panel directories (one per line); a repository's panel is its parent directory's name
//   --labels    the labelled samples (default tests/panel-labels)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { readLabels } from "./real-panel";

/** One labelled shipped claim, with the panel its repository belongs to. */
export interface LabelledClaim { panel: string; repo: string; rule: string; defensible: boolean }
export interface Tally { labelled: number; defensible: number }
export interface FoldResult { bar: number; perPanel: Record<string, Tally>; total: Tally }

const tally = (cs: readonly LabelledClaim[]): Tally => ({ labelled: cs.length, defensible: cs.filter((c) => c.defensible).length });
const rate = (t: Tally) => (t.labelled ? t.defensible / t.labelled : 0);
const add = (a: Tally, b: Tally): Tally => ({ labelled: a.labelled + b.labelled, defensible: a.defensible + b.defensible });

/** Per-rule tallies of the claims given, and the number of panels each rule was labelled on. */
export function byRule(claims: readonly LabelledClaim[]): Map<string, Tally & { panels: number }> {
  const out = new Map<string, Tally & { panels: number }>();
  for (const rule of new Set(claims.map((c) => c.rule))) {
    const mine = claims.filter((c) => c.rule === rule);
    out.set(rule, { ...tally(mine), panels: new Set(mine.map((c) => c.panel)).size });
  }
  return out;
}

/**
 * Leave one panel out: the other panels' labels pick the rules, the held-out panel measures the claims kept.
 * `keep(rule stats)` answers whether a rule's claims stay claims.
 */
export function leaveOnePanelOut(claims: readonly LabelledClaim[], keep: (t: Tally & { panels: number }) => boolean, bar: number): FoldResult {
  const perPanel: Record<string, Tally> = {};
  let total: Tally = { labelled: 0, defensible: 0 };
  for (const panel of [...new Set(claims.map((c) => c.panel))].sort()) {
    const stats = byRule(claims.filter((c) => c.panel !== panel));
    const kept = claims.filter((c) => c.panel === panel && keep(stats.get(c.rule) ?? { labelled: 0, defensible: 0, panels: 0 }));
    perPanel[panel] = tally(kept);
    total = add(total, perPanel[panel]);
  }
  return { bar, perPanel, total };
}

/** Demote a rule whose claims elsewhere were defensible at most `bar` of the time (at least 8 labels on 3 panels). */
export const demoteBelow = (bar: number) => (t: Tally & { panels: number }) => !(t.labelled >= 8 && t.panels >= 3 && rate(t) <= bar);
/** Keep only rules whose claims elsewhere were defensible at least `bar` of the time (at least 5 labels). */
export const keepAbove = (bar: number) => (t: Tally & { panels: number }) => t.labelled >= 5 && rate(t) >= bar;

/** Claims bucketed by how many shipped claims their rule makes in the same repository. */
export function byPrevalence(claims: readonly LabelledClaim[], count: (c: LabelledClaim) => number): Record<string, Tally> {
  const bucket = (n: number) => (n <= 1 ? "1" : n <= 3 ? "2-3" : n <= 9 ? "4-9" : "10+");
  const out: Record<string, Tally> = { "1": { labelled: 0, defensible: 0 }, "2-3": { labelled: 0, defensible: 0 }, "4-9": { labelled: 0, defensible: 0 }, "10+": { labelled: 0, defensible: 0 } };
  for (const c of claims) out[bucket(count(c))] = add(out[bucket(count(c))]!, tally([c]));
  return out;
}

const pct = (t: Tally) => `${t.defensible}/${t.labelled} (${(100 * rate(t)).toFixed(0)}%)`;

function main(): void {
  const { values } = parseArgs({ options: { findings: { type: "string" }, list: { type: "string" }, labels: { type: "string", default: "tests/panel-labels" }, json: { type: "boolean", default: false } } });
  if (!values.findings || !values.list) {
    console.error("usage: bun bench/label-trust.ts --findings FILE.jsonl --list FILE [--labels DIR] [--json]");
    process.exit(2);
  }
  for (const f of [values.findings, values.list, values.labels!]) if (!existsSync(f)) { console.error(`not found: ${f}`); process.exit(2); }
  const panelOf = new Map(readFileSync(values.list, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).map((d) => [basename(d), basename(dirname(d))]));
  const label = new Map<string, boolean>();
  for (const name of readdirSync(values.labels!).filter((n) => n.endsWith(".jsonl"))) {
    const repo = name.slice(0, -".jsonl".length);
    for (const l of readLabels(readFileSync(join(values.labels!, name), "utf8"), name)) label.set(`${repo}\0${l.file}\0${l.line}\0${l.rule_id}`, l.label === "defensible");
  }
  const findings = readFileSync(values.findings, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { repo: string; file: string; line: number; rule_id: string; place: string; lead?: boolean });
  const shippedClaims = findings.filter((f) => f.place === "shipped" && !f.lead && panelOf.has(f.repo));
  const perRepoRule = new Map<string, number>();
  for (const f of shippedClaims) perRepoRule.set(`${f.repo}\0${f.rule_id}`, (perRepoRule.get(`${f.repo}\0${f.rule_id}`) ?? 0) + 1);
  const claims: LabelledClaim[] = shippedClaims.flatMap((f) => {
    const d = label.get(`${f.repo}\0${f.file}\0${f.line}\0${f.rule_id}`);
    return d === undefined ? [] : [{ panel: panelOf.get(f.repo)!, repo: f.repo, rule: f.rule_id, defensible: d }];
  });
  const demote = [0.05, 0.1, 0.15].map((b) => leaveOnePanelOut(claims, demoteBelow(b), b));
  const tier = [0.5, 0.6, 0.7].map((b) => leaveOnePanelOut(claims, keepAbove(b), b));
  const prevalence = byPrevalence(claims, (c) => perRepoRule.get(`${c.repo}\0${c.rule}`) ?? 0);
  if (values.json) { console.log(JSON.stringify({ claims: tally(claims), demote, tier, prevalence }, null, 2)); return; }
  console.log(`Labelled shipped claims: ${pct(tally(claims))} over ${new Set(claims.map((c) => c.panel)).size} panels\n`);
  const fold = (title: string, rs: FoldResult[]) => {
    console.log(`${title}\n\n| bar | ${Object.keys(rs[0]!.perPanel).join(" | ")} | total |\n|---|${Object.keys(rs[0]!.perPanel).map(() => "---|").join("")}---|`);
    for (const r of rs) console.log(`| ${r.bar} | ${Object.values(r.perPanel).map(pct).join(" | ")} | **${pct(r.total)}** |`);
    console.log("");
  };
  fold("Leave one panel out: demote the rules defensible at most BAR of the time on the other panels", demote);
  fold("Leave one panel out: keep as claims only the rules defensible at least BAR of the time on the other panels", tier);
  console.log("By how many shipped claims the rule makes in the same repository\n\n| claims of the rule in the repository | defensible |\n|---|---|");
  for (const [k, t] of Object.entries(prevalence)) console.log(`| ${k} | ${pct(t)} |`);
}

if (import.meta.main) main();
