// Per-file folding in SQL: one-chunk rows pass through unfolded only while the cache knows each is alone in
// its (iter, file); the answers must not depend on which path ran.
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareIterations } from "../pipeline/analytics/compare";
import { computeSignals } from "../pipeline/analytics/signals";
import { trustProfile } from "../pipeline/analytics/trust";
import { loadConfig } from "../pipeline/cli/load-config";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import type { ReviewRow } from "../pipeline/kb/schemas/review-row";
import { compareDb, signalsDb } from "../pipeline/query/kb-queries";
import { openKb } from "../pipeline/query/open-kb";
import { trustDb } from "../pipeline/query/trust-db";
import { item, reviewRow } from "./support/kb-builder";

const cfg = loadConfig({ cwd: join(import.meta.dir, "..") }).config.signals;
const A = item("Empty catch block swallows the error", 12);
const B = item("Hardcoded API key in source", 40);

// big.ts is two chunks every iteration; small.ts one; mid.ts one chunk, then two.
const ROWS: ReviewRow[] = [
  reviewRow({ iter: 1, file: "big.ts", chunk: 1, chunks: 2, score: 3, criticals: [A] }),
  reviewRow({ iter: 1, file: "big.ts", chunk: 2, chunks: 2, score: 5, criticals: [B] }),
  reviewRow({ iter: 1, file: "small.ts", score: 6 }),
  reviewRow({ iter: 1, file: "mid.ts", score: 4, criticals: [A] }),
  reviewRow({ iter: 2, file: "big.ts", chunk: 1, chunks: 2, score: 6, criticals: [A] }),
  reviewRow({ iter: 2, file: "big.ts", chunk: 2, chunks: 2, score: 8 }),
  reviewRow({ iter: 2, file: "small.ts", score: 6 }),
  reviewRow({ iter: 2, file: "mid.ts", chunk: 1, chunks: 2, score: 7, criticals: [A] }),
  reviewRow({ iter: 2, file: "mid.ts", chunk: 2, chunks: 2, score: null, status: "failed" }),
];

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, ".cache/reviews.manifest.json"), "utf8"));

async function viaDb(dir: string, cache: boolean) {
  const db = await openKb(dir, cfg, { cache });
  try {
    return {
      signals: await signalsDb(db),
      compare: await compareDb(db, {}),
      scores: await db.all("SELECT iter, file, score, criticals, tier, chunks, failed_chunks, models FROM file_scores ORDER BY iter, file"),
      trust: await trustDb(db),
    };
  } finally {
    db.close();
  }
}

describe("folding chunks per (iter, file)", () => {
  test("with the pass-through (cache) and without it (JSONL) the views agree with the TypeScript analytics", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-fold-"));
    try {
      appendJsonl(kbPaths(dir).reviews, ROWS);
      const cached = await viaDb(dir, true);
      expect(manifest(dir).single_rows).toBe(true);
      const direct = await viaDb(dir, false);
      expect(cached).toEqual(direct);
      expect(cached.signals).toEqual(computeSignals(ROWS, cfg));
      expect(cached.compare).toEqual(compareIterations(ROWS, {}));
      expect(cached.trust).toEqual(trustProfile(ROWS, { accepts: [], misses: [] }, { lineBucket: cfg.lineBucket }));
      expect(cached.scores.find((r) => r.iter === 2 && r.file === "mid.ts")).toMatchObject({ score: 7, chunks: 2, failed_chunks: 1 });
      expect(cached.scores.find((r) => r.iter === 1 && r.file === "small.ts")).toMatchObject({ score: 6, chunks: 1, failed_chunks: 0, models: ["kimi-k2:1t"] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test("a second one-chunk row for the same (iter, file) from another repository switches the pass-through off", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-fold-repo-"));
    try {
      appendJsonl(kbPaths(dir).reviews, ROWS);
      await viaDb(dir, true);
      const other = reviewRow({ iter: 2, file: "small.ts", repo: "/other", score: 1 });
      appendJsonl(kbPaths(dir).reviews, [other]);
      const got = await viaDb(dir, true);
      expect(manifest(dir)).toMatchObject({ single_rows: false, parts: [{}, {}] });
      // Folded: small.ts at iter 2 is the mean of both repositories' rows, as computeSignals has it.
      expect(got.scores.find((r) => r.iter === 2 && r.file === "small.ts")).toMatchObject({ score: 3.5, chunks: 2 });
      expect(got.signals).toEqual(computeSignals([...ROWS, other], cfg));
      expect(got.trust).toEqual(trustProfile([...ROWS, other], { accepts: [], misses: [] }, { lineBucket: cfg.lineBucket }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test("a one-chunk row next to a chunked row of the same (iter, file) is folded too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-fold-mix-"));
    try {
      const odd = reviewRow({ iter: 1, file: "big.ts", chunk: 3, chunks: 1, score: 10 });
      appendJsonl(kbPaths(dir).reviews, [...ROWS, odd]);
      const got = await viaDb(dir, true);
      expect(manifest(dir).single_rows).toBe(false);
      expect(got.scores.find((r) => r.iter === 1 && r.file === "big.ts")).toMatchObject({ score: 6, chunks: 3 });
      expect(got.signals).toEqual(computeSignals([...ROWS, odd], cfg));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
