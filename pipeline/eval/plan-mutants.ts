// Plan a mutation eval in memory: sample the sites, then one loop over the sample decides each mutant's
// fate by named branches (overlap, over budget, planted). Nothing is written here.
import type { FindingClass, StaticFinding } from "../kb/schemas/static-finding";
import type { Floor } from "../rules/floor";
import { crossFileEffects } from "./cross-file-effects";
import { applySite, type Site, type SourceText } from "./find-sites";
import type { Mutant, NotPlanted } from "./mutant";
import { sampleSites } from "./sample-sites";

export interface MutantPlan {
  mutants: Mutant[];
  notPlanted: NotPlanted[];
  /** Mutated file texts (path → text), one mutant per file. */
  mutated: Map<string, string>;
  /** Unmutated files whose floor findings change because of a mutant elsewhere (their reviews are redone). */
  affected: string[];
  sites: number;
  /** Sampling and rewriting (site finding is timed by whoever found the sites). */
  sampleMs: number;
}

export interface PlanInput {
  files: readonly SourceText[];
  /** Every site of every operator in `files` (find-sites.ts), in file then operator order. */
  sites: readonly Site[];
  classes: readonly FindingClass[];
  perClass: number;
  seed: string;
  floor: Floor;
  /** The floor's scan of `files` as they are. */
  base: Map<string, StaticFinding[]>;
  /** Cost of re-reviewing these files (requests), and what may be spent on mutants; null: no cap. */
  cost: (paths: readonly string[]) => number;
  budget: number | null;
}

interface Trial {
  trial: readonly Site[];
  mutated: Map<string, string>;
  related: Map<Site, { file: string; line: number }[]>;
  unattributed: Set<string>;
  touched: string[];
}

export function planMutants(input: PlanInput): MutantPlan {
  const started = performance.now();
  const { sites } = input;
  const sample = sampleSites(sites, input.classes, input.perClass, input.seed);
  const text = new Map(input.files.map((f) => [f.path, f.content]));
  const sampleMs = performance.now() - started;

  const notPlanted: NotPlanted[] = sample.short.map((s) => ({
    class: s.class, reason: "no_site" as const, operator: null, file: null, line: null,
    detail: s.sites === 0 ? "no site of this class in the repository" : `${s.planted} of ${s.wanted} planted: ${s.sites} site(s), not enough in distinct files`,
  }));
  const effects = crossFileEffects(input.floor, input.files, input.base);
  const evaluate = (trial: readonly Site[]): Trial => {
    const mutated = new Map(trial.map((s) => [s.file, applySite(text.get(s.file)!, s)]));
    const changes = effects(mutated);
    // Attribute each new cross-file finding to the mutant whose symbol it names.
    const related = new Map<Site, { file: string; line: number }[]>(trial.map((s) => [s, []]));
    const unattributed = new Set<string>();
    for (const [file, added] of changes) {
      if (!added.length) unattributed.add(file);
      for (const f of added) {
        const owner = trial.find((s) => s.symbol && (f.snippet.includes(s.symbol) || f.message.includes(s.symbol)));
        if (owner) related.get(owner)!.push({ file, line: f.line });
        else unattributed.add(file);
      }
    }
    return { trial, mutated, related, unattributed, touched: [...changes.keys()] };
  };
  // One floor scan with every sampled mutant in place; only when a mutant's cross-file effect lands in
  // another mutant's file does the loop below rescan mutant by mutant.
  const all = evaluate(sample.chosen);
  const independent = !all.touched.some((f) => all.mutated.has(f));
  const restrict = (trial: readonly Site[]): Trial => {
    const related = new Map(trial.map((s) => [s, all.related.get(s)!]));
    const touched = [...new Set([...all.unattributed, ...[...related.values()].flat().map((r) => r.file)])];
    return { trial, mutated: new Map(trial.map((s) => [s.file, all.mutated.get(s.file)!])), related, unattributed: all.unattributed, touched };
  };
  let accepted: Trial = { trial: [], mutated: new Map(), related: new Map(), unattributed: new Set(), touched: [] };
  for (const site of sample.chosen) {
    const t = independent ? restrict([...accepted.trial, site]) : evaluate([...accepted.trial, site]);
    if (t.touched.some((f) => t.mutated.has(f))) {
      notPlanted.push({ class: site.class, reason: "overlap", operator: site.operator, file: site.file, line: site.line, detail: "its change alters the floor's findings in another mutant's file" });
      continue;
    }
    if (input.budget !== null && input.cost([...t.mutated.keys(), ...t.touched]) > input.budget) {
      notPlanted.push({ class: site.class, reason: "over_budget", operator: site.operator, file: site.file, line: site.line, detail: `re-reviewing its files would exceed --max-requests ${input.budget}` });
      continue;
    }
    accepted = t;
  }
  const related = accepted.related;
  const affected = accepted.touched;
  const accepted_ = accepted.trial;

  const mutated = accepted.mutated;
  const mutants = accepted_.map((s, i): Mutant => {
    const before = text.get(s.file)!.slice(s.replacement.start, s.replacement.end);
    return {
      id: `m${String(i + 1).padStart(2, "0")}`, class: s.class, operator: s.operator, language: s.language, file: s.file,
      line: s.line, end_line: Math.max(s.line, s.end_line + s.line_delta), line_delta: s.line_delta,
      before, after: s.replacement.text, symbol: s.symbol,
      // Where reviewers report the defect, when that is not the changed line (it precedes it: no shift).
      related: [...(s.anchor !== null && Math.abs(s.anchor - s.line) > 0 ? [{ file: s.file, line: s.anchor }] : []), ...(related.get(s) ?? [])],
    };
  });
  return { mutants, notPlanted, mutated, affected, sites: sites.length, sampleMs };
}
