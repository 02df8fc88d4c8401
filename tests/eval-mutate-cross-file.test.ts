// The overlap check rescans the mutated tree with the floor's cross-file rules only and reads the rest from
// the baseline scan; it must give exactly what a full rescan gives (same files, same findings, same order).
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { crossFileEffects } from "../pipeline/eval/cross-file-effects";
import { applySite, findSites } from "../pipeline/eval/find-sites";
import { loadMutations } from "../pipeline/eval/load-mutations";
import type { StaticFinding } from "../pipeline/kb/schemas/static-finding";
import { createFloor, loadFloor, type Floor } from "../pipeline/rules/floor";
import type { RuleSpec } from "../pipeline/rules/rule-spec";
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

type Files = { path: string; content: string }[];
type Sites = ReturnType<typeof findSites>;

/** Each trial's cross-file effects against a full rescan; returns how many other files each trial changed. */
function compare(floor: Floor, files: Files, trials: Sites[]): number[] {
  const text = new Map(files.map((f) => [f.path, f.content]));
  const base = floor.scan(files);
  const effects = crossFileEffects(floor, files, base);
  const changed: number[] = [];
  for (const trial of trials) {
    const mutated = new Map(trial.map((s) => [s.file, applySite(text.get(s.file)!, s)]));
    const want = fullRescan(base, floor.scan(files.map((f) => ({ path: f.path, content: mutated.get(f.path) ?? f.content }))), new Set(mutated.keys()));
    expect([...effects(mutated)]).toEqual([...want]);
    changed.push(want.size);
  }
  return changed;
}

const onePerFile = (list: Sites) => {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.file) && seen.add(s.file));
};

/** A rule of the test's own (the shipped pack changes under other hands): guards named require*, and a one-file rule on the same line for requireLocal*. */
const rule = (id: string, regex: string, check?: RuleSpec["check"]): RuleSpec => ({
  id, language: "typescript", class: "unwired-auth", severity: "error", message: id, note: id, valid: ["x"], invalid: ["x"],
  rule: { kind: "function_declaration", has: { field: "name", pattern: "$NAME", regex } }, ...(check ? { check } : {}),
});

describe("cross-file effects of mutants", () => {
  const ops = loadMutations(join(ROOT, "prompts/mutations"));

  test("equal a full rescan with the shipped floor: each guard mount dropped alone, all together, one site of every class", () => {
    // A full floor scan of the corpus takes about a second, so the trials are few.
    const floor = loadFloor(join(ROOT, "prompts/rules"));
    const files = [...read(join(ROOT, "tests/corpus")), ...Object.entries(CROSS).map(([path, content]) => ({ path, content }))];
    const sites = findSites(files, ops, "x");
    const mounts = sites.filter((s) => s.class === "unwired-auth");
    const mixed = onePerFile([...new Set(sites.map((s) => s.class))].map((c) => sites.find((s) => s.class === c)!));
    expect(mounts.length).toBeGreaterThan(0);
    compare(floor, files, [...mounts.map((s) => [s]), onePerFile(mounts), mixed]);
  }, 60_000);

  test("equal a full rescan where a dropped mount reaches across, and where a one-file finding on the same line hides it", () => {
    const floor = createFloor([
      rule("t-local", "^requireLocal"),
      rule("t-unwired", "^require", { name: "unreferenced", capture: "$NAME", referenceIgnores: [] }),
    ]);
    const files = [
      { path: "src/guards.ts", content: "export function requireStaff(req, res, next) {\n  next();\n}\nexport function requireLocalAdmin(req, res, next) {\n  next();\n}\n" },
      { path: "src/routes.ts", content: 'router.get("/staff", g.requireStaff, list);\nrouter.get("/admin", g.requireLocalAdmin, list);\n' },
    ];
    const mounts = findSites(files, ops, "x").filter((s) => s.operator === "ts-drop-guard-mount");
    expect(mounts.map((s) => s.symbol)).toEqual(["g.requireStaff", "g.requireLocalAdmin"]);
    // requireStaff becomes unreferenced in guards.ts; requireLocalAdmin too, but t-local already reports that line.
    expect(compare(floor, files, [[mounts[0]!], [mounts[1]!]])).toEqual([1, 0]);
    const cross = createFloor([floor.rules[1]!]);
    const after = cross.scan(files.map((f) => (f.path === "src/routes.ts" ? { ...f, content: applySite(f.content, mounts[1]!) } : f)));
    expect(after.get("src/guards.ts")?.map((f) => f.line)).toEqual([4]);
  });
});
