// The language files under prompts/injection/: each validates, compiles, reads its own invalid sentences as
// injections and leaves its valid ones silent; a broken file is a one-line ConfigError, not a crash.
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../pipeline/core/errors";
import { ENGLISH } from "../pipeline/rules/checks/english-grammar";
import { grammarFromText, loadGrammarSpecs } from "../pipeline/rules/checks/injection-grammars";
import { injectionsIn } from "../pipeline/rules/checks/prompt-injection";

const loaded = loadGrammarSpecs();

test("the eight language files load", () => {
  expect(loaded.map((g) => g.spec.id).sort()).toEqual(["de", "es", "fr", "it", "ja", "pt", "ru", "zh"]);
});

describe.each(loaded.map((g) => [g.spec.id, g] as const))("%s", (_id, { spec, grammar }) => {
  const read = (s: string) => injectionsIn(s, "comment", { grammars: [ENGLISH, grammar] });
  test.each(spec.invalid)("flags: %s", (s) => expect(read(s).length).toBeGreaterThan(0));
  test.each(spec.valid)("silent: %s", (s) => expect(read(s)).toEqual([]));
  test("English alone does not read its invalid sentences (the file does the work)", () => {
    const englishOnly = spec.invalid.filter((s) => injectionsIn(s, "comment", { grammars: [ENGLISH] }).length > 0);
    expect(englishOnly.length).toBeLessThan(spec.invalid.length);
  });
});

describe("a broken grammar file is a one-line ConfigError", () => {
  const de = Bun.file(join(import.meta.dir, "..", "prompts", "injection", "de.yml"));
  test("a word class that does not compile", async () => {
    const text = (await de.text()).replace(/^  all: .*$/m, '  all: ["(alle"]');
    expect(() => grammarFromText(text, "prompts/injection/de.yml")).toThrow(ConfigError);
    try { grammarFromText(text, "prompts/injection/de.yml"); } catch (e) { expect((e as Error).message).not.toContain("\n"); }
  });
  test("a missing word class the schema requires", async () => {
    const text = (await de.text()).replace(/^  located: .*\n/m, "");
    expect(() => grammarFromText(text, "prompts/injection/de.yml")).toThrow(ConfigError);
  });
  test("a directory with a file that does not parse", () => {
    const dir = mkdtempSync(join(tmpdir(), "grammars-"));
    writeFileSync(join(dir, "xx.yml"), "id: xx\nwords: [\n");
    expect(() => loadGrammarSpecs(`${dir}/`)).toThrow(ConfigError);
  });
});
