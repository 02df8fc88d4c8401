// Choose which sites become mutants: stratified by class and directory, deterministic for a seed, at
// most one mutant per file (so one file's review is judged against at most one planted defect).
import { dirname } from "node:path";
import type { FindingClass } from "../kb/schemas/static-finding";
import type { Site } from "./find-sites";
import { rng, shuffle } from "./seeded";

export interface Sample {
  chosen: Site[];
  /** Classes asked for with fewer sites (in distinct, still free files) than --per-class. */
  short: { class: FindingClass; wanted: number; planted: number; sites: number }[];
}

/**
 * Round-robin over classes (so no class takes the files another needs), and within a class round-robin
 * over its directories in a seeded order, taking a seeded site per directory visit: a class spread over
 * src/api and src/db gets mutants in both before a second one in either. A file already holding a
 * mutant is skipped. Sites are sorted first, so the result depends only on the sites and the seed.
 */
export function sampleSites(sites: readonly Site[], classes: readonly FindingClass[], perClass: number, seed: string): Sample {
  const next = rng(`sample\0${seed}`);
  const sorted = [...sites].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.operator < b.operator ? -1 : 1)));
  const queues = new Map<FindingClass, Site[][]>();
  for (const cls of classes) {
    const byDir = new Map<string, Site[]>();
    for (const s of sorted.filter((x) => x.class === cls)) {
      const d = dirname(s.file);
      const list = byDir.get(d);
      if (list) list.push(s);
      else byDir.set(d, [s]);
    }
    queues.set(cls, shuffle([...byDir.keys()].sort(), next).map((d) => shuffle(byDir.get(d)!, next)));
  }
  const count = (c: FindingClass) => sites.filter((s) => s.class === c).length;
  const order = [...classes].sort((a, b) => count(a) - count(b));
  const used = new Set<string>();
  const chosen: Site[] = [];
  const planted = new Map<FindingClass, number>(classes.map((c) => [c, 0]));
  let progress = true;
  while (progress) {
    progress = false;
    for (const cls of order) {
      if (planted.get(cls)! >= perClass) continue;
      const dirs = queues.get(cls)!;
      // Visit directories in turn; a directory whose sites are all in used files drops out.
      while (dirs.length) {
        const dir = dirs.shift()!;
        const i = dir.findIndex((s) => !used.has(s.file));
        if (i === -1) continue;
        const [site] = dir.splice(i, 1);
        used.add(site!.file);
        chosen.push(site!);
        planted.set(cls, planted.get(cls)! + 1);
        if (dir.length) dirs.push(dir);
        progress = true;
        break;
      }
    }
  }
  const short = classes
    .filter((c) => planted.get(c)! < perClass)
    .map((c) => ({ class: c, wanted: perClass, planted: planted.get(c)!, sites: sites.filter((s) => s.class === c).length }));
  return { chosen, short };
}
