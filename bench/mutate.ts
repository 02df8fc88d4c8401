// Planting mutants in a 10,000-file repository (the issue's bar: under 30 s): site finding over every file
// on every core, the stratified sample and the rewrite. Also, in the same run: the same files on one
// thread (the parallel speed-up), and with --floor the plan's floor work (baseline scan, overlap check).
// Usage: npx bun bench/mutate.ts [FILES] [--per-class N] [--workers N] [--floor] [--against DIR] [--repo DIR]
//   --repo DIR: plant in that repository's walked files (as `scrum eval --mutate` walks them) instead.
//   --against DIR: another checkout of scrum (e.g. the commit before a change, with node_modules linked):
//   its site finding and this one's, one thread each, alternating on the same 1,000 files (a same-run ratio).
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { findSites } from "../pipeline/eval/find-sites";
import { defaultWorkers, findSitesParallel } from "../pipeline/eval/find-sites-parallel";
import { loadMutations } from "../pipeline/eval/load-mutations";
import { planMutants } from "../pipeline/eval/plan-mutants";
import { FindingClass } from "../pipeline/kb/schemas/static-finding";
import { loadFloor } from "../pipeline/rules/floor";
import { generatedRepo } from "../tests/support/mutate-corpus";
import { loadConfig } from "../pipeline/cli/load-config";
import { walkRepo } from "../pipeline/walk/walk-repo";

const ROOT = join(import.meta.dir, "..");
const arg = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined);
const repoDir = process.argv.includes("--repo") ? process.argv[process.argv.indexOf("--repo") + 1]! : null;
const files = repoDir
  ? (await walkRepo(repoDir, process.cwd(), { policy: loadConfig({ cwd: ROOT }).config.walk })).files.map((f) => ({ path: f.path, content: f.content }))
  : generatedRepo(Number(process.argv[2]?.startsWith("--") ? 10_000 : (process.argv[2] ?? 10_000)));
const n = files.length;
const perClass = arg("--per-class") ?? 3;
const workers = arg("--workers") ?? defaultWorkers(n);
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** CPU time of this process, every thread (workers included): what the work costs whatever the machine's load. */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const ops = loadMutations(join(ROOT, "prompts/mutations"));
const floor = loadFloor(join(ROOT, "prompts/rules"));
const classes = [...FindingClass.options];
console.log(`${repoDir ? `${repoDir}: ` : ""}files ${n}, ${ops.length} operators, ${workers} worker(s) on ${availableParallelism()} core(s); load average before: ${load()}`);

const t0 = performance.now(), c0 = cpu();
const sites = await findSitesParallel(files, ops, "bench", { workers });
const siteMs = performance.now() - t0;
// The plan's sample and rewrite, without the floor: an empty baseline and a floor without rules.
const plan = planMutants({ files, sites, classes, perClass, seed: "bench", floor: { rules: [], scan: () => new Map(), scanAsync: async () => new Map() }, base: new Map(), cost: () => 0, budget: null });
const plantMs = performance.now() - t0;
console.log(`sites ${sites.length}, mutants ${plan.mutants.length} (${perClass} per class)`);
console.log(`planting (sites + sample + rewrite): ${secs(plantMs)}  [sites ${secs(siteMs)}, sample + rewrite ${plan.sampleMs.toFixed(0)} ms; CPU ${secs(cpu() - c0)} over all threads]  load average ${load()}`);

// Same run, same machine load: the first 1,000 files on one thread, then on the workers.
const part = files.slice(0, Math.min(n, 1000));
const t1 = performance.now(), c1 = cpu();
findSites(part, ops, "bench");
const oneMs = performance.now() - t1, oneCpu = cpu() - c1;
const t2 = performance.now(), c2 = cpu();
await findSitesParallel(part, ops, "bench", { workers });
const manyMs = performance.now() - t2, manyCpu = cpu() - c2;
console.log(`same run, ${part.length} files: one thread ${secs(oneMs)} (CPU ${(oneCpu / part.length).toFixed(2)} ms/file), ${workers} worker(s) ${secs(manyMs)} (CPU ${(manyCpu / part.length).toFixed(2)} ms/file): ${(oneMs / manyMs).toFixed(2)}x  load average ${load()}`);

const against = process.argv.includes("--against") ? process.argv[process.argv.indexOf("--against") + 1]! : null;
if (against) {
  const other = {
    load: (await import(join(against, "pipeline/eval/load-mutations.ts"))).loadMutations as typeof loadMutations,
    find: (await import(join(against, "pipeline/eval/find-sites.ts"))).findSites as typeof findSites,
  };
  const theirOps = other.load(join(against, "prompts/mutations"));
  const time = (f: () => void) => { const c = cpu(); f(); return cpu() - c; };
  const mine: number[] = [], theirs: number[] = [];
  for (let round = 0; round < 3; round++) {
    theirs.push(time(() => other.find(part, theirOps, "bench")));
    mine.push(time(() => findSites(part, ops, "bench")));
  }
  const best = (xs: number[]) => Math.min(...xs) / part.length;
  console.log(`against ${against}, ${part.length} files, one thread each, best of 3 alternating: CPU ${best(theirs).toFixed(2)} ms/file there, ${best(mine).toFixed(2)} ms/file here: ${(best(theirs) / best(mine)).toFixed(2)}x  load average ${load()}`);
}

if (process.argv.includes("--floor")) {
  const t3 = performance.now();
  const base = floor.scan(files);
  const baseMs = performance.now() - t3;
  const t4 = performance.now();
  const full = planMutants({ files, sites, classes, perClass, seed: "bench", floor, base, cost: () => 0, budget: null });
  console.log(`floor: baseline scan ${secs(baseMs)} (the eval's cost model needs it anyway); overlap check with the cross-file rules ${secs(performance.now() - t4)}, ${full.mutants.length} mutants  load average ${load()}`);
}
