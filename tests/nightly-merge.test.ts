import { describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { mergeKbDirs } from "../pipeline/nightly/merge-kb";
import { planMerge } from "../pipeline/nightly/merge-plan";
import { sharedPrefix } from "../pipeline/nightly/shared-prefix";
import { item, reviewRow, trustRow } from "./support/kb-builder";
import { runScrum } from "./support/run-cli";
import { ROOT } from "./support/sweep-harness";
import { git, gitRepo, tmpDir, writeTree } from "./support/tmp-repo";

const CONFIG = join(ROOT, "scrum.config.yaml");
const line = (o: unknown) => JSON.stringify(o);

const scrum = (args: string[]) => runScrum(args);

/** Lines of every KB file, sorted: the multiset a merge must produce whatever the order. */
function multiset(dir: string): Record<string, string[]> {
  return Object.fromEntries(Object.values({ r: "scrum_reviews.jsonl", t: "model_trust.jsonl", u: "scrum_runs.jsonl" }).map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8").trim().split("\n").filter(Boolean).sort() : []]));
}

function shardKb(rows: { iter: number; file: string; night: string; shard: number }[]): string {
  const dir = tmpDir("scrum-shard-");
  const reviews = rows.map((r) => reviewRow({ iter: r.iter, file: r.file, run_id: `run-${r.night}-${r.shard}`, night: r.night, shard: { index: r.shard, count: 3 }, criticals: [item("swallowed error", 3)] }));
  appendJsonl(kbPaths(dir).reviews, reviews);
  appendJsonl(kbPaths(dir).trust, reviews.map((r) => trustRow(r)));
  return dir;
}

describe("kb merge (plan)", () => {
  const a = [line(reviewRow({ file: "a.ts", night: "n1" })), line(reviewRow({ file: "b.ts", night: "n1" }))];
  const b = [line(reviewRow({ file: "c.ts", night: "n1" }))];

  test("merging the same source twice adds nothing; identical lines a source holds twice stay twice", () => {
    const dup = line(reviewRow({ file: "d.ts", night: "n1" }));
    const first = planMerge({}, [{ label: "a", files: { "scrum_reviews.jsonl": [...a, dup, dup] } }]);
    expect(first.append["scrum_reviews.jsonl"]).toEqual([...a, dup, dup]);
    const again = planMerge({ "scrum_reviews.jsonl": first.append["scrum_reviews.jsonl"]! }, [{ label: "a", files: { "scrum_reviews.jsonl": [...a, dup, dup] } }]);
    expect(again.append).toEqual({});
  });

  test("a KB that already holds a source's lines (the base every shard pulled) gains only the new ones", () => {
    const p = planMerge({ "scrum_reviews.jsonl": a }, [{ label: "s1", files: { "scrum_reviews.jsonl": [...a, ...b] } }, { label: "s2", files: { "scrum_reviews.jsonl": a } }]);
    expect(p.append).toEqual({ "scrum_reviews.jsonl": b });
  });

  test("a newer schema version is refused in one line naming the source, file and line", () => {
    const newer = line({ ...reviewRow({ file: "z.ts" }), schema_version: 6 });
    expect(() => planMerge({}, [{ label: "shard-2", files: { "scrum_reviews.jsonl": [...a, newer] } }])).toThrow("shard-2/scrum_reviews.jsonl:3: schema_version 6 was written by a newer scrum (this one reads reviews rows up to v5)");
    expect(() => planMerge({}, [{ label: "s", files: { "scrum_runs.jsonl": [line({ schema_version: 9, run_id: "r", iter: 1, created_at: "x" })] } }])).toThrow(/up to v2/);
    expect(() => planMerge({}, [{ label: "s", files: { "model_trust.jsonl": [line({ schema_version: "1", run_id: "r", iter: 1, created_at: "x" })] } }])).toThrow(/is not a trust row version/);
    expect(() => planMerge({}, [{ label: "s", files: { "scrum_evals.jsonl": [line({ schema_version: 2, eval_id: "e", created_at: "x" })] } }])).toThrow(/up to v1/);
    expect(() => planMerge({}, [{ label: "s", files: { "scrum_audits.jsonl": [line({ schema_version: 2, audit_id: "a", created_at: "x" })] } }])).toThrow(/reads audits rows up to v1/);
    // Older versions this scrum reads are fine.
    expect(planMerge({}, [{ label: "s", files: { "scrum_reviews.jsonl": [line({ ...reviewRow({ file: "v4.ts" }), schema_version: 4, night: undefined, shard: undefined })] } }]).append["scrum_reviews.jsonl"]).toHaveLength(1);
  });

  test("torn lines are left out and reported; other JSONL files merge as line sets", () => {
    const p = planMerge({}, [{ label: "s", files: { "scrum_reviews.jsonl": [a[0]!, a[1]!.slice(0, 80)], "audit.jsonl": ['{"x":1}', '{"x":1}', "{oops"] } }]);
    expect(p.append["scrum_reviews.jsonl"]).toEqual([a[0]!]);
    expect(p.append["audit.jsonl"]).toEqual(['{"x":1}', '{"x":1}']);
    expect(p.skipped.map((s) => [s.file, s.line])).toEqual([["scrum_reviews.jsonl", 2], ["audit.jsonl", 3]]);
  });

  test("two different reviews of one file chunk in one iteration are refused (shards split differently)", () => {
    const other = line(reviewRow({ file: "a.ts", night: "n1", score: 2 }));
    expect(() => planMerge({ "scrum_reviews.jsonl": a }, [{ label: "shard-9", files: { "scrum_reviews.jsonl": [other] } }])).toThrow(/shard-9: its review of a.ts chunk 1 in iteration 1 of \/repo differs from the one the KB holds/);
  });

  test("two nights in one iteration are refused, or with renumber the newcomer moves to the next free iteration (trust rows follow by run id)", () => {
    const x = reviewRow({ iter: 4, file: "a.ts", night: "x", run_id: "rx" });
    const y = reviewRow({ iter: 4, file: "b.ts", night: "y", run_id: "ry" });
    const dst = { "scrum_reviews.jsonl": [line(x)] };
    const src = { label: "night-y", files: { "scrum_reviews.jsonl": [line(y)], "model_trust.jsonl": [line(trustRow(y))] } };
    expect(() => planMerge(dst, [src])).toThrow("night-y: iteration 4 of /repo is night x in the KB but night y in this source");
    const p = planMerge(dst, [src], { renumber: true });
    expect(p.renumbered).toEqual([{ source: "night-y", repo: "/repo", night: "y", from: 4, to: 5 }]);
    expect(JSON.parse(p.append["scrum_reviews.jsonl"]![0]!).iter).toBe(5);
    expect(JSON.parse(p.append["model_trust.jsonl"]![0]!).iter).toBe(5);
    // Pushing the same source again follows the night to where it landed: nothing new, nothing duplicated.
    const landed = { "scrum_reviews.jsonl": [line(x), ...p.append["scrum_reviews.jsonl"]!], "model_trust.jsonl": p.append["model_trust.jsonl"]! };
    expect(planMerge(landed, [src], { renumber: true }).append).toEqual({});
    expect(planMerge(landed, [src]).append).toEqual({});
  });
});

describe("kb merge reads only what a source does not share with the KB", () => {
  test("shared leading lines are counted, a partial line is not, and the rest is returned", () => {
    const kb = Buffer.from("a\nb\nc\n");
    expect(sharedPrefix(kb, Buffer.from("a\nb\nx\ny\n"))).toEqual({ lines: 2, rest: Buffer.from("x\ny\n") });
    expect(sharedPrefix(kb, Buffer.from("a\nb\nc\n"))).toEqual({ lines: 3, rest: Buffer.alloc(0) });
    expect(sharedPrefix(kb, Buffer.from("a\nbb\n"))).toEqual({ lines: 1, rest: Buffer.from("bb\n") });
    expect(sharedPrefix(undefined, Buffer.from("a\n"))).toEqual({ lines: 0, rest: Buffer.from("a\n") });
    // A source merged before sits whole inside the KB (at a line start): nothing of it is new.
    const merged = Buffer.from("s1\nx\ny\ns3\n");
    expect(sharedPrefix(merged, Buffer.from("x\ny\n"), 1).rest.length).toBe(0);
    expect(sharedPrefix(merged, Buffer.from("1\nx\n"), 1).rest).toEqual(Buffer.from("1\nx\n"));
    expect(sharedPrefix(merged, Buffer.from("x\ny\nz\n"), 1).rest).toEqual(Buffer.from("x\ny\nz\n"));
  });

  test("a line the skipped prefix already holds still counts: a duplicate after it is added, not lost", () => {
    const [p, q, l] = ["p", "q", "l"].map((f) => line(reviewRow({ file: `${f}.ts`, night: "n" })));
    // The source is the KB's first two lines plus a second copy of p.
    const plan = planMerge({ "scrum_reviews.jsonl": [p!, q!, l!] }, [{ label: "s", files: { "scrum_reviews.jsonl": [p!] }, skip: { "scrum_reviews.jsonl": 2 } }]);
    expect(plan.append["scrum_reviews.jsonl"]).toEqual([p!]);
    const none = planMerge({ "scrum_reviews.jsonl": [p!, q!, p!] }, [{ label: "s", files: { "scrum_reviews.jsonl": [p!] }, skip: { "scrum_reviews.jsonl": 2 } }]);
    expect(none.append).toEqual({});
  });

  test("merging directories gives the same multiset as merging every line, duplicates and shared bases included", () => {
    // A seeded walk through KBs that share bases, repeat lines and overlap.
    let seed = 7;
    const rand = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n); // high bits: an LCG's low bits cycle
    const pool = Array.from({ length: 12 }, (_, i) => line(reviewRow({ file: `f${i}.ts`, night: "n" })));
    const miss = line({ schema_version: 1, kind: "miss", run_id: "r", iter: 1, file: "x.ts", provider: "p", model: "m", rung: 0, outcome: "parse_failure", created_at: "2026-11-01T02:00:00.000Z" });
    for (let round = 0; round < 25; round++) {
      const base = Array.from({ length: rand(6) }, () => pool[rand(pool.length)]!);
      const kb = tmpDir(), sources = [0, 1, 2].map(() => tmpDir());
      const write = (dir: string, lines: string[]) => lines.length && writeFileSync(kbPaths(dir).reviews, lines.join("\n") + "\n");
      write(kb, base);
      const srcLines = sources.map((dir) => {
        const own = [...(rand(2) ? base : base.slice(0, rand(base.length + 1))), ...Array.from({ length: rand(5) }, () => pool[rand(pool.length)]!)];
        write(dir, own);
        if (rand(3) === 0) writeFileSync(kbPaths(dir).trust, `${miss}\n${miss}\n`);
        return own;
      });
      const expected = planMerge({ "scrum_reviews.jsonl": base }, sources.map((dir, i) => ({ label: dir, files: { "scrum_reviews.jsonl": srcLines[i]!, ...(existsSync(kbPaths(dir).trust) ? { "model_trust.jsonl": [miss, miss] } : {}) } })));
      mergeKbDirs(kb, sources, { cwd: ROOT });
      const got = multiset(kb);
      expect(got["scrum_reviews.jsonl"]).toEqual([...base, ...(expected.append["scrum_reviews.jsonl"] ?? [])].sort());
      expect(got["model_trust.jsonl"]).toEqual([...(expected.append["model_trust.jsonl"] ?? [])].sort());
    }
  });
});

describe("indexing only the iterations sources reach", () => {
  test("plans exactly as indexing the whole KB: duplicates, followed and renumbered nights, refusals", () => {
    let seed = 11;
    const rand = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n); // high bits: an LCG's low bits cycle
    const row = (iter: number, file: string, night: string, score = 5) => reviewRow({ iter, file, night, run_id: `run-${night}`, score });
    const outcome = (f: () => ReturnType<typeof planMerge>) => { try { return f(); } catch (e) { return (e as Error).message; } };
    for (let round = 0; round < 40; round++) {
      const kbRows = [1, 2, 3].flatMap((it) => ["a", "b", "c"].map((f) => row(it, `${f}.ts`, `n${it}`)));
      const dst = { "scrum_reviews.jsonl": kbRows.map(line), "model_trust.jsonl": kbRows.map((r) => line(trustRow(r))) };
      const sources = [0, 1].map((k) => {
        const pick = kbRows.filter(() => rand(2)).map(line);
        const night = ["n3", "n4", "n2", "m"][rand(4)]!;
        const iter = [3, 4, 2][rand(3)]!;
        const own = Array.from({ length: rand(3) }, (_, i) => row(iter, `new${k}-${i}.ts`, night, 1 + rand(2)));
        return { label: `s${k}`, files: { "scrum_reviews.jsonl": [...pick, ...own.map(line), ...(rand(4) === 0 ? pick.slice(0, 1) : [])], "model_trust.jsonl": own.map((r) => line(trustRow(r))) } };
      });
      const renumber = Boolean(rand(2));
      expect(outcome(() => planMerge(dst, sources, { renumber }))).toEqual(outcome(() => planMerge(dst, sources, { renumber, indexAll: true })));
    }
  });
});

describe("scrum kb merge (CLI)", () => {
  test("idempotent, order-independent and append-only over three shard KBs", async () => {
    const s1 = shardKb([{ iter: 1, file: "a.ts", night: "n", shard: 1 }]);
    const s2 = shardKb([{ iter: 1, file: "b.ts", night: "n", shard: 2 }, { iter: 1, file: "c.ts", night: "n", shard: 2 }]);
    const s3 = shardKb([{ iter: 1, file: "d.ts", night: "n", shard: 3 }]);
    const ab = tmpDir(), ba = tmpDir();
    expect((await scrum(["kb", "merge", s1, s2, s3, "--into", ab])).code).toBe(0);
    const before = readFileSync(kbPaths(ab).reviews, "utf8");
    const again = await scrum(["kb", "merge", s3, s1, s2, "--into", ab]);
    expect(again.out).toContain("nothing new");
    expect(readFileSync(kbPaths(ab).reviews, "utf8")).toBe(before);
    for (const s of [s3, s2, s1]) expect((await scrum(["kb", "merge", s, "--into", ba])).code).toBe(0);
    expect(multiset(ba)).toEqual(multiset(ab));
    // Append-only: a later merge keeps every earlier byte in place.
    const s4 = shardKb([{ iter: 2, file: "a.ts", night: "m", shard: 1 }]);
    await scrum(["kb", "merge", s4, "--into", ab]);
    expect(readFileSync(kbPaths(ab).reviews, "utf8").startsWith(before)).toBe(true);
  });

  test("a refused source changes nothing and prints one line (exit 1); usage mistakes exit 2", async () => {
    const into = tmpDir();
    const s1 = shardKb([{ iter: 1, file: "a.ts", night: "n", shard: 1 }]);
    const bad = tmpDir();
    appendJsonl(kbPaths(bad).reviews, [{ ...reviewRow({ file: "q.ts" }), schema_version: 7 }]);
    const r = await scrum(["kb", "merge", s1, bad, "--into", into]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("schema_version 7 was written by a newer scrum");
    expect(existsSync(kbPaths(into).reviews)).toBe(false);
    expect((await scrum(["kb", "merge", s1])).code).toBe(2);
    expect((await scrum(["kb", "merge", "--into", into])).code).toBe(2);
    expect((await scrum(["kb", "merge", join(into, "missing"), "--into", into])).code).toBe(2);
    expect((await scrum(["kb", "frobnicate"])).code).toBe(2);
  });

  test("non-JSONL KB files are copied when absent and refused when they differ", async () => {
    const s1 = tmpDir(), s2 = tmpDir(), into = tmpDir();
    writeFileSync(join(s1, "notes.md"), "one\n");
    writeFileSync(join(s2, "notes.md"), "two\n");
    mkdirSync(join(s1, ".cache"));
    writeFileSync(join(s1, ".cache", "x.parquet"), "not merged");
    expect((await scrum(["kb", "merge", s1, "--into", into])).out).toContain("copied notes.md");
    expect(existsSync(join(into, ".cache"))).toBe(false);
    const r = await scrum(["kb", "merge", s2, "--into", into]);
    expect([r.code, r.err]).toEqual([1, expect.stringContaining("notes.md differs from the KB's notes.md")]);
  });
});

describe("a merged 3-shard KB answers exactly as the same sweep run unsharded", () => {
  test("compare, signals, trust and query outputs are identical over two nights", async () => {
    const repo = gitRepo({
      "src/auth/login.ts": 'const API_KEY = "sk_live_9fA3kQ7zR2mX8bV4nL6pW1cT5yH0dJ";\nexport const login = (u: string) => `${u}:${API_KEY.length}`;\n',
      "src/db.ts": "export function q(run: () => void) {\n  try { run(); } catch (e) {}\n}\n",
      "src/api.py": "def handler(req):\n    try:\n        return req()\n    except Exception:\n        pass\n",
      "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = (x: number) => x * 2;\n", "src/c.go": "package c\n\nfunc C() int { return 3 }\n",
      "tests/a.test.ts": 'import { test } from "bun:test";\ntest("a", () => {\n  const x = 1;\n});\n',
    });
    const flat = tmpDir(), merged = tmpDir();
    const night = async (n: number) => {
      expect((await scrum(["sweep", repo, "--kb", flat, "--ladder", "offline", "--quiet", "--config", CONFIG])).code).toBe(0);
      const shards = [1, 2, 3].map(() => tmpDir());
      for (const [i, dir] of shards.entries()) {
        cpSync(merged, dir, { recursive: true }); // what `kb pull` gives every shard: the KB of earlier nights
        const r = await scrum(["sweep", repo, "--kb", dir, "--ladder", "offline", "--quiet", "--config", CONFIG, "--shard", `${i + 1}/3`, "--night", `night-${n}`]);
        expect(r.code).toBe(0);
      }
      expect((await scrum(["kb", "merge", ...shards, "--into", merged])).code).toBe(0);
    };
    await night(1);
    // Night 2: one fix lands, one new finding appears, one file is unchanged.
    writeTree(repo, { "src/db.ts": "export function q(run: () => void) {\n  run();\n}\n", "src/b.ts": "export function b(x: number) {\n  try { return x * 2; } catch (e) {}\n}\n" });
    git(repo, "commit", "-qam", "night 2");
    await night(2);

    const queries = [
      "select iter, file, chunk, status, verdict, score, confidence, gradient_tier, critical_failures_count, cached from reviews order by all",
      "select iter, file, title, line, fingerprint from findings order by all",
      "select * from file_iters order by iter, file",
      "select kind, iter, file, model, outcome from trust order by all",
    ];
    for (const args of [["compare"], ["compare", "--json"], ["signals"], ["signals", "--json"], ["trust"], ["trust", "--json"], ...queries.map((q) => ["query", q, "--format", "json"])]) {
      const a = await scrum([...args, "--kb", flat, "--config", CONFIG]);
      const b = await scrum([...args, "--kb", merged, "--config", CONFIG]);
      expect({ args, code: b.code, out: b.out }).toEqual({ args, code: a.code, out: a.out });
    }
    // Not vacuous: the KB has findings, both iterations and a moving signal.
    const sig = JSON.parse((await scrum(["signals", "--json", "--kb", merged, "--config", CONFIG])).out) as { file: string; signal: string }[];
    expect(sig.length).toBe(7);
    expect(new Set(sig.map((s) => s.signal)).size).toBeGreaterThan(1);
    const nights = JSON.parse((await scrum(["query", "select iter, night, count(distinct shard_index) shards, count(*) n from reviews group by all order by iter", "--format", "json", "--kb", merged, "--config", CONFIG])).out);
    expect(nights).toEqual([{ iter: 1, night: "night-1", shards: 3, n: 7 }, { iter: 2, night: "night-2", shards: 3, n: 7 }]);
  }, 120_000);
});
