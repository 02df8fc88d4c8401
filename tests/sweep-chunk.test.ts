import { describe, expect, test } from "bun:test";
import { chunkFile, estimateTokens } from "../pipeline/prompt/chunk";

describe("chunkFile", () => {
  test("a file within budget is one whole chunk", () => {
    expect(chunkFile("a\nb\nc", 100)).toEqual([{ start: 1, end: 3, by: "whole" }]);
  });

  test("splits at top-level declarations, covering every line once, each chunk within budget", () => {
    const fns = Array.from({ length: 30 }, (_, i) => `// doc ${i}\nexport function f${i}(a: number) {\n  const x = a * ${i};\n  return x + 1;\n}\n`);
    const text = fns.join("\n");
    const budget = 200;
    const chunks = chunkFile(text, budget);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.by === "declarations")).toBe(true);
    const lines = text.replace(/\n$/, "").split("\n");
    let next = 1;
    for (const c of chunks) {
      expect(c.start).toBe(next);
      next = c.end + 1;
      // Chunks start at a declaration's leading comment, never in the middle of a function.
      expect(lines[c.start - 1]!.startsWith("// doc") || lines[c.start - 1] === "").toBe(true);
      const body = lines.slice(c.start - 1, c.end);
      expect(body.reduce((a, l) => a + estimateTokens(l + "\n") + 2, 0)).toBeLessThanOrEqual(budget);
    }
    expect(next).toBe(lines.length + 1);
  });

  test("a file with no declarations falls back to line windows", () => {
    const text = Array.from({ length: 400 }, (_, i) => `    value_${i} = compute(${i})`).join("\n");
    const chunks = chunkFile(text, 300);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((c) => c.by === "lines")).toBe(true);
    expect(chunks[chunks.length - 1]!.end).toBe(400);
  });

  test("the empty string after a final newline never becomes a chunk", () => {
    const text = Array.from({ length: 50 }, (_, i) => `    value_${i} = compute(${i}) + other(${i}) * 3`).join("\n") + "\n";
    const chunks = chunkFile(text, 120);
    expect(chunks[chunks.length - 1]!.end).toBe(50);
    expect(chunks.every((c) => c.end >= c.start)).toBe(true);
    expect(chunkFile("x = 1\n", 100)).toEqual([{ start: 1, end: 1, by: "whole" }]);
  });
});
