import { describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../pipeline/cli/load-config";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { CACHE_FORMAT, MAX_PARTS, planCache, windowsFor, type CacheManifest } from "../pipeline/query/cache-plan";
import { compareDb, signalsDb } from "../pipeline/query/kb-queries";
import { openKb } from "../pipeline/query/open-kb";
import { item, reviewRow } from "./support/kb-builder";

const cfg = loadConfig({ cwd: join(import.meta.dir, "..") }).config.signals;
const V = { format: CACHE_FORMAT, lexicon: 1 };
const A = item("Empty catch block swallows the error", 12);
const B = item("Hardcoded API key in config loader", 40);

/** Iteration `iter` of three files, with findings and scores that move so signals differ. */
const wave = (iter: number) => ["a.ts", "b.ts", "c.ts"].map((file, i) =>
  reviewRow({ iter, file, score: 3 + ((iter * (i + 1)) % 5), criticals: iter % 2 ? [A] : [A, B], targeted_by_fixwave: i === 0 && iter > 1 }));

/** Everything the analytics read, from one open of the KB, and how the cache was used. */
async function snapshot(dir: string, cache = true) {
  const db = await openKb(dir, cfg, { cache });
  try {
    return {
      cache: db.cache,
      reviews: await db.all("SELECT iter, file, chunk, score, critical_failures_count FROM reviews ORDER BY iter, file, chunk"),
      findings: await db.all("SELECT fingerprint, count(*) AS n FROM findings GROUP BY ALL ORDER BY ALL"),
      signals: await signalsDb(db),
      compare: (await db.all("SELECT count(DISTINCT iter) AS n FROM reviews"))[0]!.n === 1 ? null : await compareDb(db, {}),
    };
  } finally {
    db.close();
  }
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, ".cache/reviews.manifest.json"), "utf8")) as CacheManifest;
const sameContent = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const strip = ({ cache: _x, ...rest }: Record<string, unknown>) => rest;
  expect(strip(a)).toEqual(strip(b));
};

describe("reviews cache: the plan", () => {
  const m: CacheManifest = {
    ...V, size: 1000, mtimeMs: 5, offset: 1000, openEnd: false, windows: [{ at: 0, len: 10, sha256: "h0" }, { at: 990, len: 10, sha256: "h1" }],
    parts: [{ name: "reviews-000001-1-a.parquet", from: 0, to: 1000, rows: 10, skipped_json: 0, skipped_rows: 0 }], duplicates: false, single_rows: true, next: 2,
  };
  const now = (o: Partial<{ size: number; mtimeMs: number; windows: string[]; byteAtOffset: number | null }> = {}) =>
    ({ size: 1000, mtimeMs: 5, windows: ["h0", "h1"], byteAtOffset: null, ...o });

  test("an unchanged JSONL is a hit; a grown one appends only the new bytes", () => {
    expect(planCache(m, now(), V)).toEqual({ kind: "hit" });
    expect(planCache(m, now({ size: 1500, mtimeMs: 6, byteAtOffset: 0x7b }), V)).toEqual({ kind: "append", from: 1000, to: 1500, compact: false });
    expect(planCache(m, now({ mtimeMs: 7 }), V)).toEqual({ kind: "touch" });
  });

  test("a shrunk, rewritten or continued JSONL, a missing manifest or a new format rebuilds", () => {
    expect(planCache(m, now({ size: 900, mtimeMs: 6 }), V).kind).toBe("rebuild");
    expect(planCache(m, now({ size: 1500, mtimeMs: 6, windows: ["h0", "other"] }), V).kind).toBe("rebuild");
    expect(planCache({ ...m, openEnd: true }, now({ size: 1500, mtimeMs: 6, byteAtOffset: 0x22 }), V).kind).toBe("rebuild");
    expect(planCache({ ...m, openEnd: true }, now({ size: 1500, mtimeMs: 6, byteAtOffset: 0x0a }), V).kind).toBe("append");
    expect(planCache(null, now(), V).kind).toBe("rebuild");
    expect(planCache(m, now(), { ...V, format: V.format + 1 }).kind).toBe("rebuild");
  });

  test("too many parts are merged on the next append; probe windows stay inside the covered bytes", () => {
    const many = { ...m, parts: Array.from({ length: MAX_PARTS }, () => m.parts[0]!) };
    expect(planCache(many, now({ size: 1500, mtimeMs: 6 }), V)).toMatchObject({ kind: "append", compact: true });
    expect(windowsFor(0)).toEqual([]);
    expect(windowsFor(100)).toEqual([{ at: 0, len: 100 }]);
    for (const w of windowsFor(1e6)) expect(w.at + w.len).toBeLessThanOrEqual(1e6);
  });
});

describe("reviews cache on disk", () => {
  test("an append adds one part from the new rows only, and answers like a full rebuild", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-cache-"));
    appendJsonl(kbPaths(dir).reviews, [...wave(1), ...wave(2)]);
    expect((await snapshot(dir)).cache).toBe("rebuilt");
    appendJsonl(kbPaths(dir).reviews, wave(3));
    const grown = await snapshot(dir);
    expect(grown.cache).toBe("appended");
    expect(manifest(dir).parts.map((p) => p.rows)).toEqual([6, 3]);
    expect(grown.reviews).toHaveLength(9);
    sameContent(grown, await snapshot(dir, false));
    expect((await snapshot(dir)).cache).toBe("hit");
    // A cache built from scratch over the same JSONL gives the same answers.
    const fresh = mkdtempSync(join(tmpdir(), "scrum-cache-full-"));
    writeFileSync(kbPaths(fresh).reviews, readFileSync(kbPaths(dir).reviews));
    const full = await snapshot(fresh);
    expect(full.cache).toBe("rebuilt");
    sameContent(grown, full);
  });

  test("a truncated JSONL is rebuilt from scratch, not appended to", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-cache-tr-"));
    appendJsonl(kbPaths(dir).reviews, [...wave(1), ...wave(2), ...wave(3)]);
    await snapshot(dir);
    const text = readFileSync(kbPaths(dir).reviews, "utf8");
    const keep = text.split("\n").slice(0, 4).join("\n") + "\n";
    truncateSync(kbPaths(dir).reviews, Buffer.byteLength(keep));
    const after = await snapshot(dir);
    expect(after.cache).toBe("rebuilt");
    expect(after.reviews).toHaveLength(4);
    expect(manifest(dir).parts).toHaveLength(1);
    sameContent(after, await snapshot(dir, false));
  });

  test("a JSONL rewritten to a longer one (same start, changed middle) is rebuilt", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-cache-rw-"));
    appendJsonl(kbPaths(dir).reviews, [...wave(1), ...wave(2)]);
    await snapshot(dir);
    const rows = [...wave(1), ...wave(2)];
    rows[5] = reviewRow({ ...rows[5]!, score: 9.5 });
    writeFileSync(kbPaths(dir).reviews, rows.map((r) => JSON.stringify(r)).join("\n") + "\n" + wave(3).map((r) => JSON.stringify(r)).join("\n") + "\n");
    const after = await snapshot(dir);
    expect(after.cache).toBe("rebuilt");
    sameContent(after, await snapshot(dir, false));
  });

  test("a torn tail is left for later; the rows appended after it are read once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-cache-torn-"));
    appendJsonl(kbPaths(dir).reviews, wave(1));
    await snapshot(dir);
    appendFileSync(kbPaths(dir).reviews, '{"schema_version":4,"iter":2,"fi');
    expect((await snapshot(dir)).reviews).toHaveLength(3);
    appendJsonl(kbPaths(dir).reviews, wave(2)); // starts with a newline after the torn line
    const after = await snapshot(dir);
    expect(after.reviews).toHaveLength(6);
    sameContent(after, await snapshot(dir, false));
  });

  test("many appends are merged into one part and still answer the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-cache-many-"));
    appendJsonl(kbPaths(dir).reviews, wave(1));
    await snapshot(dir);
    for (let i = 2; i <= MAX_PARTS + 1; i++) {
      appendJsonl(kbPaths(dir).reviews, wave(i));
      await snapshot(dir);
    }
    expect(manifest(dir).parts).toHaveLength(1);
    sameContent(await snapshot(dir), await snapshot(dir, false));
  });
});
