// Scoring a mutation eval from KB rows: false alarms against what the baseline reported, and reviewers
// told apart by provider as well as model.
import { describe, expect, test } from "bun:test";
import type { Mutant } from "../pipeline/eval/mutant";
import { scoreMutants } from "../pipeline/eval/score-mutants";
import { summarizeEval } from "../pipeline/eval/summarize-eval";
import { item, reviewRow } from "./support/kb-builder";

const mutant = (o: Partial<Mutant> = {}): Mutant => ({
  id: "m01", class: "stub", operator: "ts-stub-body", language: "typescript", file: "src/a.ts", line: 15, end_line: 17, line_delta: 0,
  before: "{ work(); }", after: "{ throw new Error(\"not implemented\"); }", symbol: null, related: [], ...o,
});
const chunk = (n: number, o: Parameters<typeof reviewRow>[0]) =>
  reviewRow({ file: "src/a.ts", chunk: n, chunks: 2, chunk_lines: n === 1 ? { start: 1, end: 20 } : { start: 21, end: 40 }, ...o });

describe("scoring mutants", () => {
  test("a finding the baseline ladder already made on that chunk (another model answered it) is no false alarm; a new one is", () => {
    const baseline = [
      chunk(1, { iter: 1, model: "m", criticals: [item("[stub] half done", 8)] }),
      chunk(2, { iter: 1, model: "n", criticals: [item("[swallowed-error] catch drops it", 30)] }),
    ];
    const mutated = [
      chunk(1, { iter: 2, model: "m", criticals: [item("[stub] half done", 8), item("[stub] throws not implemented", 16)] }),
      chunk(2, { iter: 2, model: "m", criticals: [item("[swallowed-error] catch drops it", 30), item("[stub] empty handler", 36)] }),
    ];
    const [floor, model] = scoreMutants([mutant()], mutated, baseline, { tolerance: 3, ladderHasModels: true });
    expect(floor!.reviewer.kind).toBe("floor");
    expect(model).toMatchObject({ reviewer: { kind: "model", model: "m" }, outcome: "caught", findings: 4, false_alarms: 1 });
  });

  test("a finding with no baseline counterpart of its class is a false alarm; one near the mutant is not", () => {
    const baseline = [chunk(1, { iter: 1, model: "m", criticals: [] }), chunk(2, { iter: 1, model: "m", criticals: [] })];
    const mutated = [
      chunk(1, { iter: 2, model: "m", criticals: [item("[swallowed-error] near the change", 14)] }),
      chunk(2, { iter: 2, model: "m", criticals: [item("[stub] far away", 30)] }),
    ];
    const [, model] = scoreMutants([mutant()], mutated, baseline, { tolerance: 3, ladderHasModels: true });
    expect(model).toMatchObject({ outcome: "missed", reported: ["swallowed-error"], findings: 2, false_alarms: 1 });
  });

  test("one model name served by two providers is two reviewers, each judged on its own rows", () => {
    const rowOf = (file: string, provider: string, line: number) => reviewRow({ file, iter: 2, provider, model: "qwen3", criticals: line ? [item("[stub] not implemented", line)] : [] });
    const mutants = [mutant({ id: "m01", file: "src/a.ts" }), mutant({ id: "m02", file: "src/b.ts" })];
    const mutated = [rowOf("src/a.ts", "ollama", 15), rowOf("src/b.ts", "openai", 0)];
    const results = scoreMutants(mutants, mutated, [], { tolerance: 3, ladderHasModels: true });
    const models = summarizeEval(results).filter((s) => s.reviewer.kind === "model");
    expect(models.map((s) => [s.label, s.total.caught, s.total.reviewed])).toEqual([["qwen3 (ollama)", 1, 1], ["qwen3 (openai)", 0, 1]]);
  });
});
