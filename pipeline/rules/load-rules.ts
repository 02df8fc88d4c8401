// Read every rule file under a directory: YAML → RuleSpec, id equal to the file name, ids unique.
import { loadSpecFiles, parseSpecText, type SpecKind } from "../core/spec-files";
import { RuleSpec } from "./rule-spec";

const RULES: SpecKind<RuleSpec> = { schema: RuleSpec, noun: "rule", dirNoun: "rules directory", emptyNoun: "rule files", hint: "see docs/RULES.md" };

/** Parse one rule file's text; throws ConfigError naming the file and the first problem. */
export function parseRuleText(text: string, path: string): RuleSpec {
  return parseSpecText(RULES, text, path);
}

export function loadRules(rulesDir: string): RuleSpec[] {
  return loadSpecFiles(RULES, rulesDir).map((s) => s.spec);
}
