import { describe, expect, test } from "bun:test";
import { checkAnswerItems, checkItem } from "../pipeline/extract/check-evidence";

const lines = ["import x from 'y';", "", "export function requireAuth(req) {", "  return true;", "}", "", "try { run(); } catch (e) {}"];

describe("evidence check", () => {
  test("a line past the end of the file is unverified, and kept", () => {
    const r = checkItem({ title: "t", line: 99, evidence: "return true" }, lines, { requireLocation: true });
    expect(r.verified).toBe(false);
    expect(r.unverified_reason).toContain("past the end");
    expect(r.title).toBe("t");
  });

  test("quoted evidence near the cited line verifies; off by two lines still verifies", () => {
    expect(checkItem({ title: "t", line: 4, evidence: "return   true;" }, lines, { requireLocation: true }).verified).toBe(true);
    expect(checkItem({ title: "t", line: 6, evidence: "`return true;`" }, lines, { requireLocation: true }).verified).toBe(true);
  });

  test("evidence that does not occur near the line is unverified", () => {
    const r = checkItem({ title: "t", line: 1, evidence: "catch (e) {}" }, lines, { requireLocation: true });
    expect(r.verified).toBe(false);
    expect(r.unverified_reason).toContain("near line 1");
  });

  test("invented code anywhere is unverified", () => {
    expect(checkItem({ title: "t", evidence: "eval(userInput)" }, lines, { requireLocation: true }).verified).toBe(false);
  });

  test("a critical failure with neither line nor evidence cannot be checked; a missing component can", () => {
    const r = checkAnswerItems({ critical_failures: [{ title: "vague" }], verified_components: [], missing_components: [{ title: "no rate limiting" }] }, lines);
    expect(r.critical_failures[0]!.verified).toBe(false);
    expect(r.missing_components[0]!.verified).toBe(true);
    expect(r.unverified).toBe(1);
  });
});
