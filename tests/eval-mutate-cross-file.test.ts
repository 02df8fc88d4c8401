// The overlap check rescans the mutated tree with the floor's cross-file rules only and reads the rest from
// the baseline scan; it must give exactly what a full rescan gives (same files, same findings, same order).
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { crossFileEffects } from "../pipeline/eval/cross-file-effects";
import { applySite, findSites } from "../pipeline/eval/find-sites";
import { loadMutations } from "../pipeline/eval/load-mutations";
import type { StaticFinding } from "../pipeline/kb/schemas/static-finding";
import { loadFloor } from "../pipeline/rules/floor";
import { ROOT } from "./support/sweep-harness";

/** A guard mounted by qualified name only, so dropping the mount leaves the definition unreferenced. */
const CROSS = {
  "web/src/guards.ts": `export function requireBackofficeAdmin(req: Req, res: Res, next: Next) {\n  if (!req.user?.isAdmin) return res.status(403).end();\n  next();\n}\n`,
  "web/src/routes.ts": `import * as guards from "./guards";\n\nrouter.get("/admin/users", guards.requireBackofficeAdmin, listUsers);\n`,
};

function read(dir: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p), content: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

/** The reference: a full rescan, compared file by file with the baseline (what plan-mutants did before). */
function fullRescan(base: Map<string, StaticFinding[]>, after: Map<string, StaticFinding[]>, own: ReadonlySet<string>) {
  const key = (f: StaticFinding) => `${f.rule_id}:${f.line}`;
  const out = new Map<string, StaticFinding[]>();
  for (const file of new Set([...base.keys(), ...after.keys()])) {
    if (own.has(file)) continue;
    const b = new Set((base.get(file) ?? []).map(key));
    const a = after.get(file) ?? [];
    const added = a.filter((f) => !b.has(key(f)));
    if (added.length || a.length !== b.size) out.set(file, added);
  }
  return out;
}

describe("cross-file effects of mutants", () => {
  const floor = loadFloor(join(ROOT, "prompts/rules"));
  const ops = loadMutations(join(ROOT, "prompts/mutations"));
  const files = [...read(join(ROOT, "tests/corpus")), ...Object.entries(CROSS).map(([path, content]) => ({ path, content }))];
  const text = new Map(files.map((f) => [f.path, f.content]));
  const base = floor.scan(files);
  const effects = crossFileEffects(floor, files, base);
  const sites = findSites(files, ops, "x");

  // A full floor scan of the corpus takes about a second: every guard mount alone, all of them together,
  // and one site of each class in distinct files.
  const onePerFile = (list: typeof sites) => {
    const seen = new Set<string>();
    return list.filter((s) => !seen.has(s.file) && seen.add(s.file));
  };
  const mounts = sites.filter((s) => s.class === "unwired-auth");
  const mixed = onePerFile([...new Set(sites.map((s) => s.class))].map((c) => sites.find((s) => s.class === c)!));

  test("equal a full rescan: each guard mount dropped alone, all together, one site of every class", () => {
    let nonEmpty = 0;
    const trials = [...mounts.map((s) => [s]), onePerFile(mounts), mixed];
    for (const trial of trials) {
      const mutated = new Map(trial.map((s) => [s.file, applySite(text.get(s.file)!, s)]));
      const want = fullRescan(base, floor.scan(files.map((f) => ({ path: f.path, content: mutated.get(f.path) ?? f.content }))), new Set(mutated.keys()));
      const got = effects(mutated);
      expect([...got]).toEqual([...want]);
      if (want.size) nonEmpty++;
    }
    // The corpus has guards mounted in one file and defined in another: some mutants do reach across.
    expect(nonEmpty).toBeGreaterThan(0);
  }, 60_000);
});
