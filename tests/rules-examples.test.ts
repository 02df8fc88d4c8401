// Every shipped rule fires on its invalid examples and stays silent on its valid ones.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { loadFloor } from "../pipeline/rules/floor";
import { parseRuleText } from "../pipeline/rules/load-rules";
import { testRule, testRules } from "../pipeline/rules/test-rules";

const RULES = join(import.meta.dir, "..", "prompts", "rules");

describe("shipped rule pack", () => {
  const floor = loadFloor(RULES);

  test("covers every class in every language", () => {
    const seen = new Set(floor.rules.map((r) => `${r.language}/${r.class}`));
    for (const lang of ["typescript", "python", "rust", "go"]) {
      for (const cls of ["unwired-auth", "ignored-parameter", "swallowed-error", "stub", "assertion-free-test", "hardcoded-secret", "insecure-compare", "tls-disabled", "hardcoded-path"]) {
        expect(seen.has(`${lang}/${cls}`)).toBe(true);
      }
    }
  });

  test("every rule passes its own valid and invalid examples", () => {
    const failed = testRules(floor.rules).filter((r) => !r.ok);
    expect(failed.map((r) => `${r.id}: ${r.failures.join("; ")}`)).toEqual([]);
  });
});

describe("rules test catches a broken rule", () => {
  test("reports an invalid example that does not fire and a valid one that does", () => {
    const rule = parseRuleText(`id: broken
language: typescript
class: stub
severity: error
message: m
note: n
rule: { pattern: "todo()" }
invalid: ["done()"]
valid: ["todo()"]
`, "broken.yml");
    const r = testRule(rule);
    expect(r.ok).toBe(false);
    expect(r.failures).toHaveLength(2);
    expect(r.failures[0]).toContain("invalid[0] did not fire");
    expect(r.failures[1]).toContain("valid[0] fired");
  });
});
