import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareIterations } from "../pipeline/analytics/compare";
import { latestRows } from "../pipeline/analytics/latest-rows";
import { computeSignals } from "../pipeline/analytics/signals";
import { trustProfile } from "../pipeline/analytics/trust";
import { loadConfig } from "../pipeline/cli/load-config";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { compareDb, signalsDb } from "../pipeline/query/kb-queries";
import { openKb } from "../pipeline/query/open-kb";
import { trustDb } from "../pipeline/query/trust-db";
import { item, reviewRow, trustRow } from "./support/kb-builder";

const cfg = loadConfig({ cwd: join(import.meta.dir, "..") }).config.signals;
const A = item("Empty catch block swallows the error", 12);

const BASE = [
  reviewRow({ iter: 1, file: "a.ts", score: 4, criticals: [A] }),
  reviewRow({ iter: 1, file: "b.ts", score: 6 }),
  reviewRow({ iter: 2, file: "a.ts", score: 2, criticals: [A], model: "gpt-oss:120b" }),
  reviewRow({ iter: 2, file: "b.ts", score: 6 }),
];
// Written again later (a hand-assembled KB): the later row must win everywhere.
const REDO = reviewRow({ iter: 2, file: "a.ts", score: 8, criticals: [], model: "deepseek-v3.1:671b" });
// Same (iter, file, chunk) in another repository is a different row, not a duplicate.
const OTHER_REPO = reviewRow({ iter: 2, file: "b.ts", repo: "/other", score: 1 });

async function viaDb(dir: string, cache: boolean) {
  const db = await openKb(dir, cfg, { cache });
  try {
    return {
      rows: await db.all("SELECT repo, iter, file, score, model FROM reviews ORDER BY repo, iter, file"),
      signals: await signalsDb(db),
      compare: await compareDb(db, {}),
      trust: await trustDb(db),
    };
  } finally {
    db.close();
  }
}

describe("duplicate review rows", () => {
  const rows = [...BASE, OTHER_REPO, REDO];
  const trust = { accepts: rows.map((r) => trustRow(r)), misses: [] };

  test("latestRows keeps the last row per (repo, iter, file, chunk), in file order", () => {
    const kept = latestRows(rows);
    expect(kept).toHaveLength(5);
    expect(kept.filter((r) => r.iter === 2 && r.file === "a.ts")).toEqual([REDO]);
    expect(kept.filter((r) => r.file === "b.ts" && r.iter === 2).map((r) => r.repo)).toEqual(["/repo", "/other"]);
    expect(latestRows(BASE)).toBe(BASE);
  });

  test("the TypeScript analytics count the later row only", () => {
    const c = compareIterations(rows, {});
    expect(c.files.find((f) => f.file === "a.ts")).toEqual({ file: "a.ts", from: 4, to: 8, delta: 4 });
    expect(c.sides.to.stats.rows).toBe(3);
    expect(computeSignals(rows, cfg).find((s) => s.file === "a.ts")!.signal).toBe("CONVERGING");
    const models = trustProfile(rows, trust).map((m) => [m.model, m.files_accepted]);
    expect(models).toContainEqual(["deepseek-v3.1:671b", 1]);
    expect(models).not.toContainEqual(["gpt-oss:120b", 1]);
  });

  for (const cache of [true, false]) {
    test(`the SQL path agrees (${cache ? "parquet cache" : "JSONL read directly"})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "scrum-dup-"));
      appendJsonl(kbPaths(dir).reviews, rows);
      appendJsonl(kbPaths(dir).trust, trust.accepts);
      const got = await viaDb(dir, cache);
      expect(got.rows).toHaveLength(5);
      expect(got.rows.find((r) => r.iter === 2 && r.file === "a.ts")).toMatchObject({ score: 8, model: "deepseek-v3.1:671b" });
      expect(got.signals).toEqual(computeSignals(rows, cfg));
      expect(got.compare).toEqual(compareIterations(rows, {}));
      expect(got.trust).toEqual(trustProfile(rows, trust, { lineBucket: cfg.lineBucket }));
    });
  }

  test("a duplicate that arrives with an append switches the cache to de-duplicating", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-dup-app-"));
    appendJsonl(kbPaths(dir).reviews, [...BASE, OTHER_REPO]);
    const before = await viaDb(dir, true);
    expect(before.rows.find((r) => r.iter === 2 && r.file === "a.ts")).toMatchObject({ score: 2 });
    expect(JSON.parse(readFileSync(join(dir, ".cache/reviews.manifest.json"), "utf8")).duplicates).toBe(false);
    appendJsonl(kbPaths(dir).reviews, [REDO]);
    const after = await viaDb(dir, true);
    expect(JSON.parse(readFileSync(join(dir, ".cache/reviews.manifest.json"), "utf8"))).toMatchObject({ duplicates: true, parts: [{}, {}] });
    expect(after.rows).toHaveLength(5);
    expect(after.signals).toEqual(computeSignals(rows, cfg));
    expect(after.compare).toEqual(compareIterations(rows, {}));
  });
});
