// Property: any model text yields a valid answer or a classified one-line failure, never a throw; a valid
// answer surrounded by any prose (without braces) is extracted as it was given.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { extractReview } from "../pipeline/extract/extract-review";
import { ReviewAnswer } from "../pipeline/kb/schemas/review-answer";

// SCRUM_FUZZ_RUNS=5000 for a deeper run; the default keeps the suite fast.
const RUNS = Number(process.env.SCRUM_FUZZ_RUNS) || 400;
// An item without a title is no finding (the extractor drops it), so titles here have a visible character.
const item = fc.record({ title: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim().length > 0), line: fc.integer({ min: 1, max: 5000 }), evidence: fc.string({ maxLength: 60 }) });
const answer = fc.record({
  verdict: fc.constantFrom("pass", "concerns", "fail"),
  score: fc.integer({ min: 0, max: 100 }).map((n) => n / 10),
  confidence: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  critical_failures: fc.array(item, { maxLength: 3 }),
  verified_components: fc.array(item, { maxLength: 3 }),
  missing_components: fc.array(item, { maxLength: 2 }),
  summary: fc.string({ maxLength: 80 }),
});
const noise = fc.string({ maxLength: 200 }).map((s) => s.replace(/[{}]/g, ""));

function holds(text: string): void {
  const r = extractReview(text);
  if (r.ok) {
    expect(ReviewAnswer.safeParse(r.answer).success).toBe(true);
    expect(["json", "markdown"]).toContain(r.format);
  } else {
    expect(r.reason.length).toBeGreaterThan(0);
    expect(r.reason).not.toContain("\n");
  }
}

describe("answer extraction under arbitrary text", () => {
  test("any string, any unicode, any JSON value: an answer or a one-line reason", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), holds), { numRuns: RUNS });
  });

  test("a valid answer mangled (cut, with keys renamed or values swapped) never throws", () => {
    const mangled = fc.tuple(answer, fc.nat(400), fc.constantFrom("cut", "key", "value", "fence")).map(([a, n, how]) => {
      const s = JSON.stringify(a);
      if (how === "cut") return s.slice(0, n % s.length);
      if (how === "key") return s.replace('"score"', '"scor e"');
      if (how === "value") return s.replace(/"verdict":"\w+"/, '"verdict":42');
      return "```json\n" + s + "\n```\nVerdict: maybe";
    });
    fc.assert(fc.property(mangled, holds), { numRuns: RUNS });
  });

  test("a valid answer between any brace-free prose is extracted as given", () => {
    fc.assert(
      fc.property(noise, answer, noise, (before, a, after) => {
        const r = extractReview(`${before}\n${JSON.stringify(a)}\n${after}`);
        expect(r.ok).toBe(true);
        if (r.ok) expect([r.answer.verdict, r.answer.score, r.answer.critical_failures.length]).toEqual([a.verdict, a.score, a.critical_failures.length]);
      }),
      { numRuns: RUNS },
    );
  });
});
