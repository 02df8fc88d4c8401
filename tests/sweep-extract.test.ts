import { describe, expect, test } from "bun:test";
import { extractReview } from "../pipeline/extract/extract-review";

const full = { verdict: "fail", score: 4, confidence: 0.7, critical_failures: [{ title: "guard never wired", line: 3, evidence: "requireAuth(" }], verified_components: [], missing_components: [], summary: "s" };

describe("extractReview", () => {
  test("reads JSON in a fenced block", () => {
    const r = extractReview("Here is my review:\n```json\n" + JSON.stringify(full) + "\n```\nThanks.");
    expect(r.ok && r.format).toBe("json");
    expect(r.ok && r.answer.critical_failures[0]).toEqual({ title: "guard never wired", line: 3, evidence: "requireAuth(" });
  });

  test("reads bare JSON and JSON followed by prose with a brace in it", () => {
    expect(extractReview(JSON.stringify(full)).ok).toBe(true);
    const r = extractReview(JSON.stringify(full) + "\n\nNote: the {config} object is odd.");
    expect(r.ok && r.answer.score).toBe(4);
  });

  test("normalises percent confidence, score strings and verdict case", () => {
    const r = extractReview(JSON.stringify({ ...full, verdict: "FAIL", score: "4/10", confidence: "70%" }));
    expect(r.ok && [r.answer.verdict, r.answer.score, r.answer.confidence]).toEqual(["fail", 4, 0.7]);
  });

  test("repairs trailing commas and accepts camelCase keys", () => {
    const text = '{"verdict":"pass","score":9,"confidence":0.95,"criticalFailures":[],"verifiedComponents":[{"title":"parser","line":2}],"missingComponents":[],"summary":"ok",}';
    const r = extractReview(text);
    expect(r.ok && r.answer.verified_components).toEqual([{ title: "parser", line: 2 }]);
  });

  test("reads a markdown answer with bullet lists under the section labels", () => {
    const md = [
      "## Review", "Verdict: FAIL", "Score: 4/10", "Confidence: 70%", "",
      "### Critical failures", "- **Auth guard never wired** (line 12): `function requireAuth(req)` is defined, never called", "- line 30: empty catch `catch (e) {}`", "",
      "**Verified components:**", "* Parser handles JSON (line 4)", "", "Missing components:", "- None", "", "Summary: auth is not enforced.",
    ].join("\n");
    const r = extractReview(md);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe("markdown");
    expect([r.answer.verdict, r.answer.score, r.answer.confidence]).toEqual(["fail", 4, 0.7]);
    expect(r.answer.critical_failures).toEqual([
      { title: "Auth guard never wired", line: 12, evidence: "function requireAuth(req)" },
      { title: "empty catch", line: 30, evidence: "catch (e) {}" },
    ]);
    expect(r.answer.verified_components).toEqual([{ title: "Parser handles JSON", line: 4 }]);
    expect(r.answer.missing_components).toEqual([]);
    expect(r.answer.summary).toBe("auth is not enforced.");
  });

  test("collects answers to static claims from JSON and from markdown", () => {
    const j = extractReview(JSON.stringify({ ...full, static_claims: [{ id: "S1", verdict: "rejected", reason: "logged" }, { id: "S2", verdict: "maybe" }] }));
    expect(j.ok && j.claims).toEqual([{ id: "S1", verdict: "rejected", reason: "logged" }]);
    const m = extractReview("Verdict: pass\nScore: 8\nConfidence: 0.9\nS2: confirmed - the catch is empty");
    expect(m.ok && m.claims).toEqual([{ id: "S2", verdict: "confirmed", reason: "the catch is empty" }]);
  });

  test("an answer that yields nothing is a parse failure with a reason, not an exception", () => {
    for (const text of ["", "I cannot review this file.", "{\"verdict\": \"pass\"}", "```json\n{broken\n```"]) {
      const r = extractReview(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
    }
  });

  test("a JSON answer without confidence names the missing field", () => {
    const r = extractReview('{"verdict":"pass","score":8}');
    expect(!r.ok && r.reason).toContain("confidence");
  });

  test("an unbalanced brace in prose before the JSON does not hide the answer", () => {
    const r = extractReview("I looked at the { config and found:\n" + JSON.stringify(full));
    expect(r.ok && r.answer.score).toBe(4);
  });

  test("bare confidences above 1 are read on the scale they fit", () => {
    const conf = (c: unknown) => { const r = extractReview(JSON.stringify({ ...full, confidence: c })); return r.ok ? r.answer.confidence : null; };
    expect([conf(8), conf("7.5"), conf(85), conf("85%"), conf(0.4)]).toEqual([0.8, 0.75, 0.85, 0.85, 0.4]);
  });
});
