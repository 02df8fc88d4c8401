// Counts in code: "Tests 14 → 24" (test functions at REV's parent, then at REV) for a file, directory or
// crate named on the same line, else in the same paragraph, else the whole repository.
//
//   Tests 14 → 24 (gateway)        tests: 14 -> 24 in `gateway/tests`      gateway tests 14 → 24
//   14 → 24 tests in src/api/      test count from 14 to 24
// Not a test count: "Test 3 → 4 was flaky" (one test, singular), "tests pass", "14 → 24 testers",
// "tests 14 → 24%" and "tests 1.5 → 2" (not whole counts).
import type { Extractor, TestCountClaim } from "../claim";
import { paragraphOf, proseLines } from "../message";
import { ARROW, parseWritten } from "../numbers";
import { pathTokens } from "../paths";

const INT = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const END = String.raw`(?![\d.,]*\d)(?!\s*%)`;
const FORMS = [
  new RegExp(String.raw`\b(?:tests|test\s+(?:count|functions|cases))\b\s*[:=]?\s*(?:from\s+)?(${INT})\s*${ARROW}\s*(${INT})${END}`, "gi"),
  new RegExp(String.raw`(?<![\d.])(${INT})\s*${ARROW}\s*(${INT})\s+(?:[a-z-]+\s+)?tests\b`, "gi"),
];
/** Words before "tests" that say what kind of test, not where: "unit tests 14 → 24" has no scope. */
const KIND_WORDS = new Set(["unit", "integration", "e2e", "end-to-end", "all", "new", "the", "our", "passing", "failing", "total", "more", "rust", "go", "python", "typescript", "regression", "snapshot", "property"]);

/** Scope names a line gives: path tokens, `code`, "in X"/"for X"/"under X", "(X)", and "X tests". */
export function scopeNames(text: string): string[] {
  const names = pathTokens(text).map((t) => t.text);
  for (const m of text.matchAll(/`([^`\s]+)`/g)) names.push(m[1]!);
  for (const m of text.matchAll(/\b(?:in|for|under|of)\s+(?:the\s+)?`?([\w@./-]*[\w/])`?(?:\s+(?:crate|package|module|directory|dir))?/gi)) names.push(m[1]!);
  for (const m of text.matchAll(/\(\s*`?([\w@./-]*[\w/])`?\s*\)/g)) names.push(m[1]!);
  for (const m of text.matchAll(/`?([\w@./-]*[\w/])`?\s+tests\b/gi)) if (!KIND_WORDS.has(m[1]!.toLowerCase())) names.push(m[1]!);
  return [...new Set(names.filter((n) => !/^\d+$/.test(n) && n.toLowerCase() !== "tests"))];
}

export const extractTestCounts: Extractor = (msg) => {
  const out: TestCountClaim[] = [];
  for (const line of proseLines(msg)) {
    const seen: [number, number][] = [];
    for (const re of FORMS) {
      for (const m of line.text.matchAll(re)) {
        const start = m.index!, end = start + m[0].length;
        if (seen.some(([a, b]) => start < b && end > a)) continue;
        seen.push([start, end]);
        const others = paragraphOf(msg, line).filter((l) => l.n !== line.n);
        out.push({
          kind: "test_count", text: m[0].trim(), line: line.n, start, end,
          before: parseWritten(m[1]!)!, after: parseWritten(m[2]!)!,
          lineScopes: scopeNames(line.text),
          paragraphScopes: [...new Set(others.flatMap((l) => pathTokens(l.text).map((t) => t.text)))],
        });
      }
    }
  }
  return out;
};
