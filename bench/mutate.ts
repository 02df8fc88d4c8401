// Planting mutants in a 10,000-file repository: site finding over every file, the stratified sample and
// the rewrite (the bar: under 30 s), then the floor's cross-file overlap check, timed apart.
// Usage: npx bun bench/mutate.ts [FILES] [--per-class N] [--floor]   (--floor also times the overlap check)
import { loadavg } from "node:os";
import { join } from "node:path";
import { loadMutations } from "../pipeline/eval/load-mutations";
import { applySite, findSites } from "../pipeline/eval/find-sites";
import { planMutants } from "../pipeline/eval/plan-mutants";
import { sampleSites } from "../pipeline/eval/sample-sites";
import { FindingClass } from "../pipeline/kb/schemas/static-finding";
import { loadFloor } from "../pipeline/rules/floor";
import { generatedRepo } from "../tests/support/mutate-corpus";

const ROOT = join(import.meta.dir, "..");
const n = Number(process.argv[2] ?? 10_000);
const flag = process.argv.indexOf("--per-class");
const perClass = flag === -1 ? 3 : Number(process.argv[flag + 1]);
const withFloor = process.argv.includes("--floor");

const files = generatedRepo(n);
const floor = loadFloor(join(ROOT, "prompts/rules"));
const ops = loadMutations(join(ROOT, "prompts/mutations"));
const t0 = performance.now();
const sites = findSites(files, ops, "bench");
const sample = sampleSites(sites, [...FindingClass.options], perClass, "bench");
const text = new Map(files.map((f) => [f.path, f.content]));
const mutated = sample.chosen.map((s) => applySite(text.get(s.file)!, s));
const plantMs = performance.now() - t0;
console.log(`files ${n}, sites ${sites.length}, mutants ${mutated.length} (${perClass} per class)`);
console.log(`planting (sites + sample + rewrite): ${(plantMs / 1000).toFixed(1)} s`);
if (withFloor) {
  const t1 = performance.now();
  const plan = planMutants({ files, operators: ops, classes: [...FindingClass.options], perClass, seed: "bench", floor, cost: () => 0, budget: null });
  console.log(`whole plan with the floor's overlap check (two floor scans): ${((performance.now() - t1) / 1000).toFixed(1)} s, ${plan.mutants.length} mutants`);
}
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
