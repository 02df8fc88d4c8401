// The pinned input set of the floor: both seeded corpora and every rule example, scanned by the full pack.
// A speed change must leave these findings byte-identical (tests/rules-pin.test.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { StaticFinding } from "../../pipeline/kb/schemas/static-finding";
import type { Floor, SourceFile } from "../../pipeline/rules/floor";
import { EXAMPLE_FILE } from "../../pipeline/rules/languages";

const ROOT = join(import.meta.dir, "..", "..");
export const PIN_FILE = join(ROOT, "tests", "fixtures", "floor-pin.jsonl");

function readTree(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(md|yaml)$/.test(n)) out.push({ path: relative(dir, p), content: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

/** Input sets: each corpus is one scan (cross-file rules see the whole project); each example is its own. */
export function pinnedInputs(floor: Floor): { name: string; files: SourceFile[]; root?: string }[] {
  const sets: { name: string; files: SourceFile[]; root?: string }[] = [];
  for (const c of ["corpus", "corpus-holdout"]) {
    const dir = join(ROOT, "tests", c);
    sets.push({ name: c, files: readTree(dir), root: dir });
  }
  for (const r of floor.rules) {
    for (const [kind, list] of [["valid", r.valid], ["invalid", r.invalid]] as const) {
      list.forEach((ex, i) => {
        const files = typeof ex === "string"
          ? [{ path: r.example_path ?? EXAMPLE_FILE[r.language], content: ex }]
          : Object.entries(ex.files).map(([path, content]) => ({ path, content }));
        sets.push({ name: `${r.id}/${kind}[${i}]`, files });
      });
    }
  }
  return sets;
}

/** One line per finding, sorted: every field, so any change in region, message or snippet shows. */
export function pinLines(set: string, found: Map<string, StaticFinding[]>): string[] {
  return [...found.values()].flat().map((f) => JSON.stringify({ set, ...f })).sort();
}
