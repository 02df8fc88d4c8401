// What the rule pack (policy as data) says about code the audit reads: how tests are counted, which files
// are tests (references there do not wire anything), and which suppressions hide dead code.
import { loadRules } from "../rules/load-rules";
import type { RuleLanguage, RuleSpec } from "../rules/rule-spec";
import { testCounter, type SourceText } from "./count-tests";

export interface CodePolicy {
  countTests: (file: SourceText) => number;
  /** Globs of test files per language: the unwired-auth rules' referenceIgnores, and test-rule file globs. */
  testGlobs: (lang: RuleLanguage) => string[];
}

export function codePolicy(rules: readonly RuleSpec[]): CodePolicy {
  const globs = new Map<RuleLanguage, Set<string>>();
  for (const r of rules) {
    const set = globs.get(r.language) ?? new Set<string>();
    if (r.check?.name === "unreferenced") for (const g of (r.check.referenceIgnores as string[] | undefined) ?? []) set.add(g);
    if (r.class === "assertion-free-test") for (const g of r.files ?? []) set.add(g);
    globs.set(r.language, set);
  }
  return { countTests: testCounter(rules), testGlobs: (lang) => [...(globs.get(lang) ?? [])] };
}

/** Load the rule pack once for the audit (a bad rule file is a config error, exit 2). */
export function loadCodePolicy(rulesDir: string): CodePolicy {
  return codePolicy(loadRules(rulesDir));
}
