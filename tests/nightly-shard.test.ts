import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assignShards, selectShard, SLACK, FILE_OVERHEAD_BYTES } from "../pipeline/nightly/shard";
import { resolveNight, resolveShard } from "../pipeline/nightly/shard-spec";
import { pickIteration } from "../pipeline/sweep/iteration";
import { spawnScrum } from "./support/run-cli";
import { gitRepo, tmpDir } from "./support/tmp-repo";

const files = (n: number, size = (i: number) => 200 + ((i * 7919) % 5000)) => Array.from({ length: n }, (_, i) => ({ path: `src/m${i}/file${i}.ts`, bytes: size(i) }));

const CLEAN = { SCRUM_SHARD: "", SCRUM_NIGHT: "", CI_NODE_INDEX: "", CI_NODE_TOTAL: "", JOB_COMPLETION_INDEX: "", GITHUB_RUN_ID: "", CI_PIPELINE_ID: "" };
const cli = (args: string[], env: Record<string, string> = {}) => spawnScrum(args, { env: { ...CLEAN, ...env } });

describe("shard assignment", () => {
  test("every file lands in exactly one shard, and the same input gives the same answer", () => {
    const fs = files(500);
    const a = assignShards(fs, 4);
    expect(a.size).toBe(500);
    expect([...new Set(a.values())].sort()).toEqual([1, 2, 3, 4]);
    expect([...assignShards([...fs].reverse(), 4)]).toEqual(expect.arrayContaining([...a]));
    const union = [1, 2, 3, 4].flatMap((k) => selectShard(fs, { index: k, count: 4 }).map((f) => f.path));
    expect(union.sort()).toEqual(fs.map((f) => f.path).sort());
  });

  test("shards are balanced by size: none exceeds (1 + SLACK) × the mean weight plus one file", () => {
    // A skewed repository: a few big files among many small ones.
    const fs = files(2000, (i) => (i % 97 === 0 ? 200_000 : 300 + (i % 13) * 100));
    for (const n of [2, 3, 8]) {
      const a = assignShards(fs, n);
      const load = new Array(n + 1).fill(0);
      for (const f of fs) load[a.get(f.path)!] += f.bytes + FILE_OVERHEAD_BYTES;
      const mean = load.reduce((s, x) => s + x, 0) / n;
      const max = Math.max(...load.slice(1));
      expect(max).toBeLessThanOrEqual((1 + SLACK) * mean + 200_000 + FILE_OVERHEAD_BYTES);
      expect(Math.min(...load.slice(1))).toBeGreaterThan(0.7 * mean);
    }
  });

  test("stable across nights: adding, growing or removing a few files moves few others", () => {
    const before = files(1000);
    const a = assignShards(before, 3);
    const after = [...before.slice(5), ...files(1010).slice(1000)].map((f, i) => (i % 100 === 0 ? { ...f, bytes: f.bytes * 2 } : f));
    const b = assignShards(after, 3);
    const kept = before.slice(5).filter((f) => a.get(f.path) === b.get(f.path)).length;
    expect(kept / 995).toBeGreaterThan(0.95);
  });

  test("one shard is the whole repository", () => {
    expect([...assignShards(files(10), 1).values()].every((k) => k === 1)).toBe(true);
  });
});

describe("--shard, --shards and --night", () => {
  test("K/N is 1-based and checked", () => {
    expect(resolveShard("2/3", undefined, {})).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "x", "1/0", "1-3"]) expect(() => resolveShard(bad, undefined, {})).toThrow(/--shard must be K\/N/);
    expect(() => resolveShard("2/3", "4", {})).toThrow(/--shards 4 disagrees/);
    expect(() => resolveShard(undefined, "3", {})).toThrow(/--shards needs --shard auto/);
    expect(resolveShard(undefined, undefined, { CI_NODE_INDEX: "1", CI_NODE_TOTAL: "3" })).toBeNull();
  });

  test("auto reads SCRUM_SHARD, then GitLab's parallel variables, then Kubernetes' 0-based completion index with --shards", () => {
    expect(resolveShard("auto", undefined, { SCRUM_SHARD: "3/5", CI_NODE_INDEX: "1", CI_NODE_TOTAL: "2" })).toEqual({ index: 3, count: 5 });
    expect(resolveShard("auto", undefined, { CI_NODE_INDEX: "2", CI_NODE_TOTAL: "3" })).toEqual({ index: 2, count: 3 });
    expect(resolveShard("auto", "3", { JOB_COMPLETION_INDEX: "0" })).toEqual({ index: 1, count: 3 });
    expect(resolveShard("auto", "3", { JOB_COMPLETION_INDEX: "2" })).toEqual({ index: 3, count: 3 });
    expect(() => resolveShard("auto", "3", { JOB_COMPLETION_INDEX: "3" })).toThrow(/1 ≤ K ≤ N/);
    expect(() => resolveShard("auto", undefined, { JOB_COMPLETION_INDEX: "0" })).toThrow(/needs --shards N/);
    expect(() => resolveShard("auto", undefined, { CI_NODE_INDEX: "1" })).toThrow(/must both be set/);
    expect(() => resolveShard("auto", undefined, {})).toThrow(/no shard in the environment/);
  });

  test("the night comes from the flag, SCRUM_NIGHT, or for a sharded sweep the CI run id", () => {
    expect(resolveNight("n-7", false, {})).toBe("n-7");
    expect(resolveNight(undefined, false, { GITHUB_RUN_ID: "99" })).toBeNull();
    expect(resolveNight(undefined, true, { GITHUB_RUN_ID: "99" })).toBe("99");
    expect(resolveNight(undefined, true, { CI_PIPELINE_ID: "1001" })).toBe("1001");
    expect(resolveNight(undefined, false, { SCRUM_NIGHT: "scrum-nightly-2911" })).toBe("scrum-nightly-2911");
    expect(resolveNight("auto", false, { CI_PIPELINE_ID: "5" })).toBe("5");
    expect(() => resolveNight("auto", false, {})).toThrow(/no night id/);
    expect(() => resolveNight("a b", false, {})).toThrow(/--night must be letters/);
  });

  test("a night joins the iteration it already has; otherwise it takes last + 1 and never resumes another night", () => {
    const run = (iter: number, phase: "start" | "end", night: string | null) => ({ iter, phase, interrupted: false, night });
    expect(pickIteration([{ iter: 3, night: "a" }], [run(3, "start", "a")], undefined, "a")).toEqual({ iter: 3, resuming: true, byNight: true });
    expect(pickIteration([{ iter: 3, night: "a" }], [run(3, "start", "a")], undefined, "b")).toEqual({ iter: 4, resuming: false, byNight: false });
    expect(pickIteration([], [run(2, "start", "a"), run(2, "end", "a")], undefined, "a")).toEqual({ iter: 2, resuming: false, byNight: true });
  });
});

describe("scrum sweep --shard (CLI)", () => {
  const repo = () => gitRepo({
    "src/a.ts": "export const a = 1;\n", "src/b.ts": "export function b() {\n  try { run(); } catch (e) {}\n}\n", "src/c.py": "def c():\n    return 3\n",
    "src/d.ts": "export const d = 4;\n", "src/e.ts": "export const e = 5;\n", "src/f.go": "package f\n\nfunc F() int { return 6 }\n",
  });

  test("the shards of one night cover every file once, share its iteration and night, and carry their shard on rows", async () => {
    const r = repo();
    const kbs = [1, 2, 3].map(() => tmpDir());
    const outs = [];
    for (const k of [1, 2, 3]) {
      const res = await cli(["sweep", r, "--kb", kbs[k - 1]!, "--shard", "auto", "--json"], { CI_NODE_INDEX: String(k), CI_NODE_TOTAL: "3", CI_PIPELINE_ID: "4242" });
      expect(res.code).toBe(0);
      outs.push(JSON.parse(res.out));
    }
    expect(outs.map((o) => [o.iter, o.night, o.shard.index, o.shard.count, o.shard.of])).toEqual([[1, "4242", 1, 3, 6], [1, "4242", 2, 3, 6], [1, "4242", 3, 3, 6]]);
    expect(outs.reduce((s, o) => s + o.files_planned, 0)).toBe(6);
    const rows = kbs.flatMap((kb) => (existsSync(join(kb, "scrum_reviews.jsonl")) ? readFileSync(join(kb, "scrum_reviews.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l)) : []));
    expect(rows.map((x: { file: string }) => x.file).sort()).toEqual(["src/a.ts", "src/b.ts", "src/c.py", "src/d.ts", "src/e.ts", "src/f.go"]);
    for (const x of rows) expect([x.schema_version, x.night, x.shard.count]).toEqual([5, "4242", 3]);
  }, 60_000);

  test("--dry-run names the shard; bad shard flags are usage errors (exit 2) in one line", async () => {
    const r = repo();
    const plan = await cli(["sweep", r, "--kb", tmpDir(), "--shard", "2/3", "--dry-run", "--json"]);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.out).shard).toMatchObject({ index: 2, count: 3, of: 6 });
    const bad = await cli(["sweep", r, "--kb", tmpDir(), "--shard", "4/3"]);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toContain("--shard must be K/N");
  }, 60_000);
});
