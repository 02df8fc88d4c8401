// The floor engine: finding shape, cross-file references, suppression, bad rule files, review policy.
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StaticPolicy } from "../pipeline/core/config";
import { ConfigError } from "../pipeline/core/errors";
import { StaticFinding } from "../pipeline/kb/schemas/static-finding";
import { ReviewAnswer } from "../pipeline/kb/schemas/review-answer";
import { loadFloor } from "../pipeline/rules/floor";
import { findingsToReview } from "../pipeline/rules/to-review";

const floor = loadFloor(join(import.meta.dir, "..", "prompts", "rules"));
const scanOne = (path: string, content: string) => floor.scan([{ path, content }]).get(path) ?? [];

describe("scan", () => {
  test("findings are schema-valid with 1-based lines and columns", () => {
    const fs = scanOne("src/a.ts", "const x = 1;\nsend().catch(() => {});\n");
    expect(fs).toHaveLength(1);
    const f = StaticFinding.parse(fs[0]);
    expect(f).toMatchObject({ class: "swallowed-error", rule_id: "ts-catch-noop", line: 2, end_line: 2, column: 1, file: "src/a.ts" });
    expect(f.snippet).toBe("send().catch(() => {});");
  });

  test("unsupported languages yield nothing", () => {
    expect(floor.scan([{ path: "README.md", content: "password = 'hunter2hunter2X!'" }]).size).toBe(0);
  });

  test("an auth guard referenced from another file is wired; unreferenced it is reported", () => {
    const guard = { path: "src/guard.ts", content: "export function requireAdmin(req, res, next) { next(); }\n" };
    const wired = floor.scan([guard, { path: "src/app.ts", content: "app.use(requireAdmin);\n" }]);
    expect(wired.get("src/guard.ts") ?? []).toEqual([]);
    const alone = floor.scan([guard, { path: "src/app.ts", content: "// requireAdmin is planned\napp.use(log);\n" }]);
    expect(alone.get("src/guard.ts")?.[0]?.class).toBe("unwired-auth");
  });

  test("a dead-code suppression above an unwired guard is called out", () => {
    const fs = scanOne("src/auth.rs", "#[allow(dead_code)]\nfn require_admin(u: &User) -> bool { u.admin }\n");
    expect(fs[0]?.message).toContain("dead-code suppression");
  });

  test("scrum-ignore on the line above drops a finding", () => {
    expect(scanOne("src/a.ts", "// scrum-ignore: best effort\nsend().catch(() => {});\n")).toEqual([]);
  });

  test("secret findings never copy the secret into the snippet", () => {
    const fs = scanOne("src/c.ts", 'const apiKey = "Zx9Qk2LmP7vR4tW8yB3n";\n');
    expect(fs[0]?.class).toBe("hardcoded-secret");
    expect(fs[0]?.snippet).not.toContain("Zx9Qk2LmP7vR4tW8yB3n");
  });
});

describe("loadFloor", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "scrum-rules-"));
  test("a rule whose id differs from its file name is a ConfigError naming the file", () => {
    const d = dir();
    writeFileSync(join(d, "a-rule.yml"), "id: other\nlanguage: go\nclass: stub\nseverity: error\nmessage: m\nnote: n\nrule: { kind: call_expression }\nvalid: [x]\ninvalid: [y]\n");
    expect(() => loadFloor(d)).toThrow(ConfigError);
    expect(() => loadFloor(d)).toThrow(/a-rule\.yml.*must equal the file name/);
  });
  test("a rule without examples is rejected", () => {
    const d = dir();
    writeFileSync(join(d, "r.yml"), "id: r\nlanguage: go\nclass: stub\nseverity: error\nmessage: m\nnote: n\nrule: { kind: call_expression }\nvalid: []\ninvalid: [y]\n");
    expect(() => loadFloor(d)).toThrow(/valid: every rule proves/);
  });
  test("an ast-grep rule that cannot compile is a ConfigError", () => {
    const d = dir();
    writeFileSync(join(d, "r.yml"), "id: r\nlanguage: go\nclass: stub\nseverity: error\nmessage: m\nnote: n\nrule: { kind: no_such_kind }\nvalid: [x]\ninvalid: [y]\n");
    expect(() => loadFloor(d)).toThrow(ConfigError);
  });
});

describe("findingsToReview", () => {
  const policy = StaticPolicy.parse({});
  const f = (severity: "info" | "warning" | "error", line = 3): StaticFinding => ({ class: "stub", rule_id: "r", severity, file: "a.ts", line, end_line: line, snippet: "todo!()\nmore", message: "stub" });

  test("no findings pass with the base score", () => {
    const r = ReviewAnswer.parse(findingsToReview([], policy));
    expect(r).toMatchObject({ verdict: "pass", score: 9, confidence: 1, critical_failures: [] });
  });
  test("an error fails; penalties add up and floor at minScore", () => {
    const r = findingsToReview([f("error"), f("warning", 5)], policy);
    expect(r.verdict).toBe("fail");
    expect(r.score).toBe(4.5);
    expect(findingsToReview([f("error"), f("error"), f("error"), f("error")], policy).score).toBe(1);
  });
  test("a warning alone gives concerns; info stays pass and is not critical", () => {
    expect(findingsToReview([f("warning")], policy).verdict).toBe("concerns");
    const info = findingsToReview([f("info")], policy);
    expect(info.verdict).toBe("pass");
    expect(info.critical_failures).toEqual([]);
  });
  test("critical failure titles carry the class, the line and the snippet's first line as evidence", () => {
    const [c] = findingsToReview([f("error", 7)], policy).critical_failures;
    expect(c).toEqual({ title: "[stub] stub (r)", line: 7, evidence: "todo!()" });
  });
});
