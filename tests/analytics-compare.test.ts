import { describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareIterations } from "../pipeline/analytics/compare";
import { loadConfig } from "../pipeline/cli/load-config";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { compareDb } from "../pipeline/query/kb-queries";
import { openKb } from "../pipeline/query/open-kb";
import { headline } from "../pipeline/report/compare-text";
import { FORENSIC_V2, item, reviewRow } from "./support/kb-builder";

const cfg = loadConfig({ cwd: join(import.meta.dir, "..") }).config.signals;
const attempt = (model: string, n: number) => Array.from({ length: n }, (_, i) => ({ rung: i, provider: "ollama", model, outcome: (i === n - 1 ? "accepted" : "parse_failure") as "accepted", latency_ms: 10, tries: 2 }));

// iter 1: a=3, b=4, c=5 (+ d only here); iter 2: a=4 (2 chunks: 3 and 5), b=4, c=4.5, e new; e only in iter 2.
const ROWS = [
  reviewRow({ iter: 1, file: "a.ts", score: 3, criticals: [item("Empty catch", 3)] }),
  reviewRow({ iter: 1, file: "b.ts", score: 4 }),
  reviewRow({ iter: 1, file: "c.ts", score: 5, gradient_tier: "sim" }),
  reviewRow({ iter: 1, file: "d.ts", score: 6 }),
  reviewRow({ iter: 2, file: "a.ts", score: 3, chunk: 1, chunks: 2, verified: 2 }),
  reviewRow({ iter: 2, file: "a.ts", score: 5, chunk: 2, chunks: 2, gradient_tier: "sim", model: "deepseek-v3.1:671b", accepted_on_attempt: 2, attempts: attempt("deepseek-v3.1:671b", 2), output_format: "markdown" }),
  reviewRow({ iter: 2, file: "b.ts", score: 4, gradient_tier: "auto" }),
  reviewRow({ iter: 2, file: "c.ts", score: 4.5, gradient_tier: "block" }),
  reviewRow({ iter: 2, file: "e.ts", status: "failed" }),
];

describe("compare", () => {
  const r = compareIterations(ROWS, {});

  test("means and delta are over file scores (chunks averaged first)", () => {
    expect([r.from, r.to]).toEqual([1, 2]);
    expect(r.mean_from).toBe(4.5); // (3+4+5+6)/4
    expect(r.mean_to).toBe(4.166667); // (4+4+4.5)/3
    expect(r.delta).toBe(-0.333333);
  });

  test("movement counts files scored in both; any change counts", () => {
    expect([r.up, r.down, r.same]).toEqual([1, 1, 1]);
    expect(r.files.map((f) => [f.file, f.delta])).toEqual([["a.ts", 1], ["b.ts", 0], ["c.ts", -0.5]]);
    expect(r.only_from).toEqual(["d.ts"]);
    expect(r.only_to).toEqual(["e.ts"]);
  });

  test("acceptance, JSON, tiers, verified components, requests and tokens of the later iteration", () => {
    const s = r.sides.to;
    expect([s.stats.rows, s.stats.accepted, s.stats.first_attempt, s.stats.json]).toEqual([5, 4, 3, 3]);
    expect(s.stats.models.find((m) => m.model === "deepseek-v3.1:671b")).toMatchObject({ accepted: 1, first_attempt: 0, json_rate: 0 });
    expect(s.tiers).toEqual({ auto: 1, dry_run: 0, sim: 1, block: 2 }); // a: strictest chunk (sim); e failed → block
    expect(s.verified_components).toBe(2 + 1 + 1 + 1);
    expect(s.stats.requests).toBe(1 + 4 + 1 + 1 + 1);
    expect(s.stats.tokens).toEqual({ prompt: 6000, completion: 1500 });
    expect(r.bar_raised).toBe(false);
    expect(headline(r)).toContain("movement ↑1 ↓1 =1; 3/5 first-attempt accept; 3/4 emitted JSON; 5 verified components; permission gradient 1 auto · 0 dry_run · 1 sim · 2 block");
  });

  test("--from must be earlier than --to: reversed or equal iterations are usage errors (exit 2)", () => {
    expect(() => compareIterations(ROWS, { from: 2, to: 1 })).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/--from must be an earlier iteration than --to/) }));
    expect(() => compareIterations(ROWS, { from: 2, to: 2 })).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => compareIterations(ROWS, { from: 7 })).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/iteration 7 is not in the KB/) }));
  });

  test("a different prompt hash raises the bar", () => {
    const rows = [reviewRow({ iter: 1, score: 5 }), reviewRow({ iter: 2, score: 3, prompt: FORENSIC_V2 })];
    const c = compareIterations(rows, {});
    expect(c.bar_raised).toBe(true);
    expect(c.note).toMatch(/not a regression/);
  });

  test("named iterations must exist, and one iteration is not enough", () => {
    expect(() => compareIterations(ROWS, { from: 7 })).toThrow(/iteration 7 is not in the KB/);
    expect(() => compareIterations([reviewRow()], {})).toThrow(/needs two iterations/);
  });

  test("the DuckDB path gives the same result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-cmp-"));
    appendJsonl(kbPaths(dir).reviews, ROWS);
    const db = await openKb(dir, cfg);
    try {
      expect(await compareDb(db, {})).toEqual(r);
      expect(await compareDb(db, { from: 1, to: 2 })).toEqual(compareIterations(ROWS, { from: 1, to: 2 }));
    } finally {
      db.close();
    }
  });
});
