// Eval scoring: matching by file, class and line tolerance; per-class and per-language figures.
import { describe, expect, test } from "bun:test";
import type { GroundTruthEntry } from "../pipeline/rules/ground-truth";
import { rowFindings } from "../pipeline/rules/row-findings";
import { scoreEval } from "../pipeline/rules/score-eval";

const gt: GroundTruthEntry[] = [
  { file: "a/x.ts", line: 10, class: "stub" },
  { file: "a/x.ts", line: 30, class: "tls-disabled" },
  { file: "b/y.py", line: 5, class: "hardcoded-path" },
];

describe("scoreEval", () => {
  test("counts found defects, true and false positives", () => {
    const r = scoreEval(gt, [
      { file: "a/x.ts", line: 11, class: "stub" },
      { file: "a/x.ts", line: 30, class: "stub" },
      { file: "b/y.py", line: 5, class: "hardcoded-path" },
    ], 2);
    expect(r.total).toMatchObject({ expected: 3, found: 2, reported: 3, true_positives: 2, false_positives: 1 });
    expect(r.total.recall).toBeCloseTo(2 / 3);
    expect(r.missed.map((m) => m.class)).toEqual(["tls-disabled"]);
    expect(r.by_class["stub"]).toMatchObject({ expected: 1, found: 1, reported: 2, false_positives: 1 });
    expect(r.by_language["python"]).toMatchObject({ recall: 1, precision: 1 });
  });

  test("class matching is the headline; location-only counts a wrong-class finding near the line", () => {
    const r = scoreEval(gt, [{ file: "a/x.ts", line: 30, class: "stub" }, { file: "b/y.py", line: 5, class: "hardcoded-path" }], 2);
    expect(r.total).toMatchObject({ found: 1, reported: 2, true_positives: 1 });
    expect(r.location_only).toMatchObject({ expected: 3, found: 2, reported: 2, true_positives: 2, false_positives: 0 });
  });

  test("a finding outside the tolerance does not match", () => {
    expect(scoreEval(gt, [{ file: "a/x.ts", line: 13, class: "stub" }], 2).total.found).toBe(0);
    expect(scoreEval(gt, [{ file: "a/x.ts", line: 13, class: "stub" }], 3).total.found).toBe(1);
  });

  test("a multi-line finding matches a defect inside its region", () => {
    expect(scoreEval(gt, [{ file: "a/x.ts", line: 2, end_line: 20, class: "stub" }], 0).total.found).toBe(1);
  });

  test("an unclassed (model) finding matches by file and line alone", () => {
    const r = scoreEval(gt, [{ file: "a/x.ts", line: 29, class: null }], 3);
    expect(r.total.found).toBe(1);
    expect(r.by_class["tls-disabled"]).toMatchObject({ reported: 1, true_positives: 1 });
  });

  test("no findings: recall 0, precision 1 (nothing wrong was said)", () => {
    expect(scoreEval(gt, []).total).toMatchObject({ recall: 0, precision: 1 });
  });
});

describe("rowFindings", () => {
  const base = { status: "accepted", file: "a/x.ts", static_findings: [], critical_failures: [] } as never;
  test("static rows give their findings; model rows their critical failures with [class] parsed", () => {
    const rows = [
      { ...(base as object), provider: "static", static_findings: [{ class: "stub", rule_id: "ts-x", severity: "error", file: "a/x.ts", line: 10, end_line: 10, snippet: "", message: "", model_verdict: "unanswered" }] },
      { ...(base as object), provider: "ollama", critical_failures: [{ title: "[tls-disabled] off", line: 30, verified: true }, { title: "race in cache", line: 50, verified: true }, { title: "no line", verified: false }] },
      { ...(base as object), provider: "ollama", status: "failed", critical_failures: [{ title: "x", line: 1, verified: true }] },
    ];
    const fs = rowFindings(rows as never);
    expect(fs.map((f) => [f.line, f.class])).toEqual([[10, "stub"], [30, "tls-disabled"], [50, null]]);
  });

  test("info-level notes are not findings unless asked for", () => {
    const note = { class: "assertion-free-test", rule_id: "ts-t", severity: "info", file: "a/x.test.ts", line: 4, end_line: 6, snippet: "", message: "smoke test", model_verdict: "unanswered" };
    const warn = { ...note, severity: "warning", line: 20, end_line: 22 };
    const rows = [{ ...(base as object), provider: "static", static_findings: [note, warn] }];
    expect(rowFindings(rows as never).map((f) => f.line)).toEqual([20]);
    expect(rowFindings(rows as never, { notes: true }).map((f) => f.line)).toEqual([4, 20]);
  });
});

describe("an ignored parameter's defect spans its function's signature", () => {
  test("a finding on a parameter's own line below a long head matches the head's ground truth; a later line does not", async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { withSignatureSpan } = await import("../pipeline/rules/run-eval");
    const { matches } = await import("../pipeline/rules/score-eval");
    const dir = mkdtempSync(join(tmpdir(), "span-"));
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/bank.rs"), ["pub async fn submit_transfer(", "    &self,", "    payout_id: Uuid,", "    amount_minor: i64,", "    idempotency_key: &str,", ") -> Result<BankRef, BankError> {", "    let body = Transfer { payout_id, amount_minor };", "    self.post(body).await", "}"].join("\n"));
    const g = withSignatureSpan({ file: "src/bank.rs", line: 1, class: "ignored-parameter" }, dir);
    expect(g.end_line).toBe(6);
    expect(matches({ file: "src/bank.rs", line: 5, class: "ignored-parameter" }, g, 2)).toBe(true);
    expect(matches({ file: "src/bank.rs", line: 9, class: "ignored-parameter" }, g, 2)).toBe(false);
    // Other classes keep their one line.
    expect(withSignatureSpan({ file: "src/bank.rs", line: 1, class: "stub" }, dir).end_line).toBeUndefined();
  });
});
