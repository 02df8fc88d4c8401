// `scrum rules test`: every rule's invalid examples must fire it and its valid examples must not.
import { createFloor } from "./floor";
import { EXAMPLE_FILE } from "./languages";
import type { RuleExample, RuleSpec } from "./rule-spec";

export interface RuleTestResult {
  id: string;
  ok: boolean;
  valid: number;
  invalid: number;
  failures: string[];
}

function exampleFiles(rule: RuleSpec, ex: RuleExample): { path: string; content: string }[] {
  if (typeof ex === "string") return [{ path: rule.example_path ?? EXAMPLE_FILE[rule.language], content: ex }];
  return Object.entries(ex.files).map(([path, content]) => ({ path, content }));
}

function firstLine(ex: RuleExample): string {
  const text = typeof ex === "string" ? ex : Object.values(ex.files)[0] ?? "";
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  return line.trim().slice(0, 60);
}

/** Run one rule alone over its examples. */
export function testRule(rule: RuleSpec): RuleTestResult {
  const floor = createFloor([rule]);
  const failures: string[] = [];
  const count = (ex: RuleExample) => [...floor.scan(exampleFiles(rule, ex)).values()].flat().filter((f) => f.rule_id === rule.id).length;
  rule.invalid.forEach((ex, i) => {
    if (count(ex) === 0) failures.push(`invalid[${i}] did not fire: ${firstLine(ex)}`);
  });
  rule.valid.forEach((ex, i) => {
    const n = count(ex);
    if (n > 0) failures.push(`valid[${i}] fired ${n}×: ${firstLine(ex)}`);
  });
  return { id: rule.id, ok: failures.length === 0, valid: rule.valid.length, invalid: rule.invalid.length, failures };
}

export function testRules(rules: RuleSpec[]): RuleTestResult[] {
  return rules.map(testRule);
}
