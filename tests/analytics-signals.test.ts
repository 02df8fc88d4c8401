import { describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeSignals } from "../pipeline/analytics/signals";
import { loadConfig } from "../pipeline/cli/load-config";
import { runCli } from "../pipeline/cli/main";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import type { ReviewRow } from "../pipeline/kb/schemas/review-row";
import { signalsDb } from "../pipeline/query/kb-queries";
import { openKb } from "../pipeline/query/open-kb";
import { item, reviewRow } from "./support/kb-builder";

const cfg = loadConfig({ cwd: join(import.meta.dir, "..") }).config.signals;
const A = item("Empty catch block swallows the error", 12);
const B = item("Hardcoded API key in config loader", 40);
const C = item("TLS certificate verification disabled", 80);
const D = item("Function returns a hard-coded result", 120);

/** Two iterations of one file. */
function hist(file: string, s1: number, c1: typeof A[], s2: number, c2: typeof A[], o: { targeted?: boolean; conf?: number } = {}): ReviewRow[] {
  return [
    reviewRow({ file, iter: 1, score: s1, criticals: c1 }),
    reviewRow({ file, iter: 2, score: s2, criticals: c2, targeted_by_fixwave: o.targeted ?? false, confidence: o.conf ?? 0.8 }),
  ];
}

const CASES: [string, ReviewRow[], string][] = [
  ["one scored iteration is NEW", [reviewRow({ file: "new.ts", iter: 2 })], "NEW"],
  ["a failed iteration does not count as scored", [reviewRow({ file: "nf.ts", iter: 1 }), reviewRow({ file: "nf.ts", iter: 2, status: "failed" })], "NEW"],
  ["up by exactly 1.0 with fewer criticals converges", hist("conv.ts", 3, [A, B], 4, [A]), "CONVERGING"],
  ["up by 1.0 but more criticals is not converging", hist("conv-miss.ts", 3, [A], 4, [A, B]), "MIXED"],
  ["up by 0.99 is flat, not converging", hist("conv-flat.ts", 3, [A], 3.99, [A], { conf: 0.5 }), "MIXED"],
  ["down by 1.5 with criticals not down regresses", hist("reg.ts", 6, [A], 4.5, [A, B]), "REGRESSING"],
  ["down by 1.5 with fewer criticals is not regressing", hist("reg-miss.ts", 6, [A, B], 4.5, [A]), "MIXED"],
  ["flat, targeted, same findings loops", hist("loop.ts", 4, [A, B], 4.2, [A, B], { targeted: true }), "LOOPING"],
  ["flat, same findings but not targeted is a plateau", hist("plat.ts", 4, [A, B], 4.2, [A, B], { conf: 0.9 }), "PLATEAU"],
  ["flat and targeted but findings turned over orbits", hist("orb-t.ts", 4, [A, B], 4.1, [C, D], { targeted: true }), "ORBITING"],
  ["flat with half the findings recurring (J=1/3) orbits", hist("orb.ts", 5, [A, B], 5, [B, C]), "ORBITING"],
  ["flat with no findings either time and confident is a plateau (J of two empty sets = 1)", hist("clean.ts", 8, [], 8.5, [], { conf: 0.9 }), "PLATEAU"],
  ["flat, targeted, but nothing left to fix is not looping", hist("clean-t.ts", 8, [], 8.5, [], { targeted: true, conf: 0.9 }), "PLATEAU"],
  ["flat, stable, low confidence is mixed", hist("lowconf.ts", 5, [A], 5.5, [A], { conf: 0.6 }), "MIXED"],
  // Matching by title key and nearest line, not by fixed bucket: an added import moves L10 to L11.
  ["a finding shifted one line across a bucket edge still recurs (targeted: looping)",
    hist("shift.ts", 4, [item("Empty catch block swallows the error", 10)], 4.1, [item("Errors are silently swallowed", 11)], { targeted: true }), "LOOPING"],
  ["two same-class findings in one bucket are two: one fixed, one left, turned over by half (J=1/2) is not stable",
    hist("pair.ts", 4, [item("Empty catch block", 12), item("Empty catch block", 15)], 4.2, [item("Empty catch block", 12)], { conf: 0.9 }), "PLATEAU"],
  ["two same-class findings, both moved by more than a bucket, turned over", hist("far.ts", 4, [item("Empty catch block", 12)], 4.2, [item("Empty catch block", 40)]), "ORBITING"],
  ["each old finding matches at most one new one", hist("one.ts", 4, [item("Empty catch block", 20)], 4.2, [item("Empty catch block", 18), item("Empty catch block", 22)], { conf: 0.9 }), "PLATEAU"],
];

describe("signals decision table", () => {
  for (const [name, rows, want] of CASES) {
    test(name, () => {
      const [s] = computeSignals(rows, cfg);
      expect(s!.signal).toBe(want);
    });
  }

  test("the same finding reworded by another model still recurs (fingerprint is wording-stable)", () => {
    const rows = [
      reviewRow({ file: "w.ts", iter: 1, score: 4, criticals: [item("[swallowed-error] catch without rethrow", 14)] }),
      reviewRow({ file: "w.ts", iter: 2, score: 4.3, model: "deepseek-v3.1:671b", targeted_by_fixwave: true, criticals: [item("Errors are silently swallowed in the catch block", 17)] }),
    ];
    const [s] = computeSignals(rows, cfg);
    expect(s!.jaccard).toBe(1);
    expect(s!.signal).toBe("LOOPING");
  });

  test("matching counts occurrences one to one, nearest line first", () => {
    const sig = Object.fromEntries(computeSignals(CASES.flatMap(([, r]) => r), cfg).map((s) => [s.file, s]));
    expect([sig["shift.ts"]!.jaccard, sig["shift.ts"]!.recurring]).toEqual([1, ["shift.ts#swallowed-error@L11"]]);
    expect(sig["pair.ts"]!.jaccard).toBe(0.5);
    expect(sig["far.ts"]!.jaccard).toBe(0);
    expect(sig["one.ts"]!.jaccard).toBe(0.5);
    expect(sig["one.ts"]!.recurring).toEqual(["one.ts#swallowed-error@L11"]);
  });

  test("chunks fold into one file score (mean) and one finding set (union)", () => {
    const rows = [
      reviewRow({ file: "big.ts", iter: 1, score: 2, chunk: 1, chunks: 2, criticals: [A] }),
      reviewRow({ file: "big.ts", iter: 1, score: 4, chunk: 2, chunks: 2, criticals: [C] }),
      reviewRow({ file: "big.ts", iter: 2, score: 5, chunk: 1, chunks: 2, criticals: [A] }),
      reviewRow({ file: "big.ts", iter: 2, chunk: 2, chunks: 2, status: "failed" }),
    ];
    const [s] = computeSignals(rows, cfg);
    expect([s!.score_prev, s!.score_last, s!.criticals_prev, s!.criticals_last]).toEqual([3, 5, 2, 1]);
    expect(s!.signal).toBe("CONVERGING");
  });

  test("the policy order decides: LOOPING listed after PLATEAU never fires", () => {
    const order = [...cfg.order].sort((a, b) => (a.signal === "PLATEAU" ? -1 : b.signal === "PLATEAU" ? 1 : 0));
    const rows = hist("loop.ts", 4, [A, B], 4.2, [A, B], { targeted: true, conf: 0.9 });
    expect(computeSignals(rows, { ...cfg, order })[0]!.signal).toBe("PLATEAU");
  });

  test("an unknown condition in the policy is a config error", () => {
    expect(() => computeSignals([reviewRow()], { ...cfg, order: [{ signal: "X", when: "moon_phase" }] })).toThrow(/unknown condition 'moon_phase'/);
  });

  test("`scrum signals --json` (JSON built by DuckDB) parses to computeSignals; --only filters", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-sigj-"));
    const rows = CASES.flatMap(([, r]) => r);
    appendJsonl(kbPaths(join(dir, "kb")).reviews, rows);
    const run = async (extra: string[]) => {
      const out: string[] = [];
      const io = { out: (t: string) => out.push(t), err: () => {}, cwd: dir, env: {}, isTTY: false };
      expect(await runCli(["signals", "--kb", "kb", "--json", "--config", join(import.meta.dir, "..", "scrum.config.yaml"), ...extra], io)).toBe(0);
      return JSON.parse(out.join(""));
    };
    const want = computeSignals(rows, cfg);
    expect(await run([])).toEqual(want);
    expect(await run(["--only", "looping"])).toEqual(want.filter((s) => s.signal === "LOOPING"));
    await expect(run(["--only", "NOPE"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/--only must be one of .*LOOPING/) });
    await expect(run(["--iter", "7"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/iteration 7 is not in the KB \(have: 1, 2\)/) });
    expect(await run(["--iter", "1"])).toEqual(computeSignals(rows.filter((r) => r.iter <= 1), cfg));
  });

  test("the DuckDB signals view agrees with computeSignals on every case", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-sig-"));
    const rows = CASES.flatMap(([, r]) => r);
    appendJsonl(kbPaths(dir).reviews, rows);
    const db = await openKb(dir, cfg);
    try {
      expect(await signalsDb(db)).toEqual(computeSignals(rows, cfg));
    } finally {
      db.close();
    }
  });
});
