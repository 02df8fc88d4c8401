// Mutation operators as data: every shipped operator plants exactly its examples; the engine's pieces
// (templates, seeded values, sampling) behave as documented; broken operator files fail loudly.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { expandTemplate } from "../pipeline/eval/apply-fix";
import { findSites, type Site } from "../pipeline/eval/find-sites";
import { compileOperator, loadMutations, parseMutationText } from "../pipeline/eval/load-mutations";
import { sampleSites } from "../pipeline/eval/sample-sites";
import { seededValues } from "../pipeline/eval/seeded";
import { testMutation, testMutations } from "../pipeline/eval/test-mutations";
import { FindingClass } from "../pipeline/kb/schemas/static-finding";
import { ROOT } from "./support/sweep-harness";

const ops = loadMutations(join(ROOT, "prompts/mutations"));

describe("mutation operators", () => {
  test("every shipped operator plants its examples and offers no site on its no_site examples", () => {
    const failed = testMutations(ops).filter((r) => !r.ok);
    expect(failed).toEqual([]);
  });

  test("every class has an operator in each of the four languages", () => {
    for (const lang of ["typescript", "python", "go", "rust"]) {
      const have = new Set(ops.filter((o) => o.spec.language === lang).map((o) => o.spec.class));
      expect([...have].sort()).toEqual([...FindingClass.options].sort());
    }
  });

  test("an example whose after differs from what the operator plants fails, naming the line", () => {
    const op = ops.find((o) => o.spec.id === "py-compare-digest")!;
    const bad = compileOperator({ ...op.spec, examples: [{ before: "ok = hmac.compare_digest(a, b)\n", after: "ok = a is b\n" }] });
    const r = testMutation(bad);
    expect(r.ok).toBe(false);
    expect(r.failures[0]).toContain('expected "ok = a is b", got "ok = a == b"');
  });

  test("a file with an unknown field, a wrong id or a rewriter that does not exist is a one-line ConfigError", () => {
    expect(() => parseMutationText("id: x\nlanguage: go\n", "prompts/mutations/go/x.yml")).toThrow(/x\.yml: class/);
    const text = Bun.file(join(ROOT, "prompts/mutations/go/go-home-path.yml"));
    return text.text().then((t) => {
      expect(() => parseMutationText(t, "prompts/mutations/go/other.yml")).toThrow(/must equal the file name/);
      expect(() => parseMutationText(t.replace("fix:", "fixx:"), "prompts/mutations/go/go-home-path.yml")).toThrow();
      expect(() => parseMutationText(t + "transform:\n  A: { rewrite: { source: $X, rewriters: [nope] } }\n", "prompts/mutations/go/go-home-path.yml")).toThrow(/unknown rewriter 'nope'/);
    });
  });
});

describe("engine pieces", () => {
  test("an empty $$$ list takes its comma with it; values holding $ are not expanded twice", () => {
    const env = (n: string) => (n === "A" ? "a" : "");
    expect(expandTemplate("f($A, $$$REST)", env)).toBe("f(a)");
    expect(expandTemplate("f($$$REST, $A)", env)).toBe("f(a)");
    expect(expandTemplate("f($A)", () => "`${$B}`")).toBe("f(`${$B}`)");
  });

  test("seeded tokens are 40 characters of mixed classes, stable per seed and site, different across seeds", () => {
    const a = seededValues("s", "f\0op\0" + 0).SCRUM_TOKEN!;
    expect(a).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(/[A-Z]/.test(a) && /[a-z]/.test(a) && /\d/.test(a)).toBe(true);
    expect(seededValues("s", "f\0op\0" + 0).SCRUM_TOKEN).toBe(a);
    expect(seededValues("t", "f\0op\0" + 0).SCRUM_TOKEN).not.toBe(a);
  });

  test("sampling is deterministic, spreads a class over directories and puts one mutant per file", () => {
    const files = ["a/x.ts", "a/y.ts", "a/z.ts", "b/x.ts", "b/y.ts"].map((path) => ({
      path, content: `export function f(o: O) {\n  try { run(o); } catch (err) { log(err); }\n  return 1;\n}\n`,
    }));
    const sites = findSites(files, ops, "s");
    const s1 = sampleSites(sites, ["swallowed-error", "stub"], 2, "seed");
    expect(sampleSites(sites, ["swallowed-error", "stub"], 2, "seed")).toEqual(s1);
    expect(new Set(s1.chosen.map((s) => s.file)).size).toBe(4);
    const dirs = (cls: string) => new Set(s1.chosen.filter((s: Site) => s.class === cls).map((s) => s.file.split("/")[0]));
    expect(dirs("swallowed-error").size).toBe(2);
    expect(dirs("stub").size).toBe(2);
    expect(sampleSites(sites, ["swallowed-error", "stub"], 3, "seed").short).toEqual([expect.objectContaining({ class: "stub", planted: 2 })]);
  });
});
