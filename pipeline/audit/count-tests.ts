// How many test functions a file has. The ONE place `scrum audit` counts tests: today it runs the ast-grep
// rule of each language's assertion-free-test rule (prompts/rules/<lang>/*-assertion-free-test.yml), which is
// how the static floor recognises a test; it is meant to be re-pointed at the floor's test recognition
// (pipeline/rules/test-context.ts) when that lands, without touching the audit.
import { matchesAny } from "../rules/glob";
import { compileRule, type CompiledRule } from "../rules/compile-rule";
import { languageOf, parseSource } from "../rules/languages";
import type { RuleSpec } from "../rules/rule-spec";

export interface SourceText { path: string; content: string }

/** A counter over the rule pack: file → number of tests it defines (skipped tests are not tests that run). */
export function testCounter(rules: readonly RuleSpec[]): (file: SourceText) => number {
  const compiled: CompiledRule[] = rules.filter((r) => r.class === "assertion-free-test" && r.rule).map(compileRule);
  return (file) => {
    const lang = languageOf(file.path);
    const mine = compiled.filter(({ spec }) => spec.language === lang && (!spec.files || matchesAny(file.path, spec.files)) && !matchesAny(file.path, spec.ignores));
    if (!mine.length) return 0;
    const root = parseSource(file.path, file.content)?.root();
    return root ? mine.reduce((n, r) => n + root.findAll(r.matcher!).length, 0) : 0;
  };
}
