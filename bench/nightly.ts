// Nightly benchmark: kb merge of 3 shards totalling 1M rows, kb push/pull of a 60,000-row KB against a
// local bare remote, the sweep's per-file cost with and without --shard, and the capacity table of
// docs/NIGHTLY.md computed from the measured per-file costs. Usage: bun bench/nightly.ts [--quick]
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { appendLines } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { pullKb, pushKb } from "../pipeline/nightly/kb-sync";
import { mergeKbDirs } from "../pipeline/nightly/merge-kb";
import { runSweep } from "../pipeline/sweep/run-sweep";
import { reviewRow, trustRow, item } from "../tests/support/kb-builder";
import { startModelServer } from "../tests/support/model-server";
import { answer, captureIo, testConfig } from "../tests/support/sweep-harness";
import { git, gitRepo, tmpDir as mkTmp } from "../tests/support/tmp-repo";
import { rmSync } from "node:fs";

/** Temp dirs hold GBs at 1M rows: every one is removed at the end. */
const made: string[] = [];
const tmpDir = (prefix?: string) => { const d = mkTmp(prefix); made.push(d); return d; };

const QUICK = process.argv.includes("--quick");
const MERGE_ROWS = QUICK ? 100_000 : 1_000_000;
const SYNC_ROWS = 60_000;
const SWEEP_FILES = QUICK ? 150 : 600;
const load = () => (require("node:os") as typeof import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" ");
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Review rows with one finding and their trust rows, as serialised lines: `n` of each kind in total. */
function kbLines(n: number, opts: { files: number; night: (iter: number) => string; shard?: { index: number; count: number }; fileBase?: number; iterBase?: number }) {
  const base = reviewRow({ criticals: [item("Empty catch swallows the error", 12)], raw_answer: answer({ score: 6, critical_failures: [{ title: "Empty catch swallows the error", line: 12, evidence: "catch (e) {}" }] }) });
  const trust = trustRow(base);
  const reviews: string[] = [], trusts: string[] = [];
  for (let i = 0; i < n; i++) {
    const iter = (opts.iterBase ?? 0) + 1 + Math.floor(i / opts.files);
    const file = `src/pkg${(i % opts.files) % 97}/file${(opts.fileBase ?? 0) + (i % opts.files)}.ts`;
    const run_id = `run-${iter}-${opts.shard?.index ?? 0}`;
    reviews.push(JSON.stringify({ ...base, run_id, iter, night: opts.night(iter), shard: opts.shard ?? null, file, created_at: `2026-11-${String(1 + (iter % 28)).padStart(2, "0")}T02:00:00.000Z` }));
    trusts.push(JSON.stringify({ ...trust, run_id, iter, file }));
  }
  return { reviews, trusts };
}

function writeKb(dir: string, l: { reviews: string[]; trusts: string[] }) {
  mkdirSync(dir, { recursive: true });
  appendLines(kbPaths(dir).reviews, l.reviews);
  appendLines(kbPaths(dir).trust, l.trusts);
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

console.log(`scrum nightly bench${QUICK ? " (--quick)" : ""}; load average at start: ${load()}`);

// 1. kb merge: 3 disjoint shard KBs (each night's files split three ways), reviews and trust rows half each.
{
  const perShard = MERGE_ROWS / 2 / 3;
  const shards = [1, 2, 3].map((k) => {
    const dir = tmpDir("scrum-bench-shard-");
    writeKb(dir, kbLines(perShard, { files: 8_333, night: (it) => `night-${it}`, shard: { index: k, count: 3 }, fileBase: (k - 1) * 10_000 }));
    return dir;
  });
  const into = join(tmpDir("scrum-bench-merge-"), "kb");
  const first = await timed(() => mergeKbDirs(into, shards, { cwd: "/" }));
  const rows = Object.values(first.value.added).reduce((s, n) => s + n, 0);
  const again = await timed(() => mergeKbDirs(into, shards, { cwd: "/" }));
  console.log(`kb merge, 3 disjoint shards into an empty KB: ${rows.toLocaleString("en")} rows in ${secs(first.ms)} (bound 10 s); again (nothing new): ${secs(again.ms)}; load ${load()}`);
  // The nightly case: every shard holds the KB it pulled plus its own night; the merge job merges them
  // into the same pulled KB. (a) 3 shards totalling 1M rows (a 300,000-row KB + 33,334 own rows each);
  // (b) the 1M-row KB above as the pulled KB (3 shards of 1M+ rows each).
  for (const [label, baseDir, baseRows, own] of [["totalling 1M rows", "", 300_000, 33_334], ["over the merged 1M-row KB", into, rows, 5_554]] as const) {
    const pulled = join(tmpDir("scrum-bench-pulled-"), "kb");
    if (baseDir) cpSync(baseDir, pulled, { recursive: true });
    else writeKb(pulled, kbLines(baseRows / 2, { files: 5_000, night: (it) => `night-${it}` }));
    const night = [1, 2, 3].map((k) => {
      const dir = tmpDir("scrum-bench-shard-");
      cpSync(pulled, dir, { recursive: true });
      writeKb(dir, kbLines(own / 2, { files: own / 2, night: () => "night-next", shard: { index: k, count: 3 }, fileBase: 50_000 + k * 20_000, iterBase: 1_000 }));
      return dir;
    });
    const m = await timed(() => mergeKbDirs(pulled, night, { cwd: "/" }));
    console.log(`kb merge, a night's 3 shards ${label} (each = the pulled ${baseRows.toLocaleString("en")}-row KB + ${own.toLocaleString("en")} own rows) into the pulled KB: +${Object.values(m.value.added).reduce((x, n) => x + n, 0).toLocaleString("en")} rows in ${secs(m.ms)}; load ${load()}`);
  }
}

// 2. kb push / pull of a 60,000-row KB (60,000 review rows and their 60,000 trust rows) against a local bare remote.
{
  const seed = gitRepo({ "src/a.ts": "export const a = 1;\n" });
  const remote = join(tmpDir("scrum-bench-remote-"), "r.git");
  git(seed, "clone", "-q", "--bare", seed, remote);
  const clone = () => { const d = join(tmpDir("scrum-bench-clone-"), "w"); git(seed, "clone", "-q", remote, d); return d; };
  const kb = tmpDir("scrum-bench-kb-");
  writeKb(kb, kbLines(SYNC_ROWS, { files: 200, night: (it) => `night-${it}` }));
  const ref = (repoDir: string) => ({ repoDir, remote: "origin", branch: "scrum-kb" });
  const push = await timed(() => pushKb(kb, ref(clone())));
  const pullDir = join(tmpDir(), "kb");
  const pull = await timed(() => pullKb(pullDir, ref(clone())));
  // The next night: +200 rows pushed from a fresh clone (fetch, read all parts, merge, one new part).
  writeKb(pullDir, kbLines(200, { files: 200, night: () => "night-next", iterBase: 1_000 }));
  const inc = await timed(() => pushKb(pullDir, ref(clone())));
  const pull2 = await timed(() => pullKb(join(tmpDir(), "kb"), ref(clone())));
  const size = git(remote, "count-objects", "-vH").match(/size-pack: (.*)/)?.[1] ?? "?";
  console.log(`kb push of a ${SYNC_ROWS.toLocaleString("en")}-row KB (+${SYNC_ROWS.toLocaleString("en")} trust rows) into an empty remote: ${secs(push.ms)} (bound 5 s); load ${load()}`);
  console.log(`kb pull of it into an empty KB from a fresh clone: ${secs(pull.ms)} (bound 5 s); next night's push of +200 rows: ${secs(inc.ms)}; pull of both parts: ${secs(pull2.ms)}; remote pack ${size}; load ${load()}`);
}

// 3. The sweep's per-file cost with and without --shard (instant answers: the pipeline's own cost).
{
  const files: Record<string, string> = {};
  for (let i = 0; i < SWEEP_FILES; i++) files[`src/m${i % 20}/mod${i}.ts`] = `// module ${i}\nexport function f${i}(x: number): number {\n  if (x > ${i}) return x - ${i};\n  return x + ${i};\n}\n`.repeat(8);
  const repo = gitRepo(files);
  const server = await startModelServer({ script: () => ({ text: answer({ score: 7 }) }) });
  const cfg = testConfig([{ provider: "ollama", model: "m1", host: server.url, timeoutMs: 30_000 }]);
  cfg.concurrency.perProvider.ollama = 8;
  const run = async (shard: { index: number; count: number } | null, dryRun: boolean) => {
    const r = await timed(() => runSweep({ repo, kbDir: tmpDir("scrum-bench-kb-"), config: cfg, ladder: "test", quiet: true, concurrency: 8, fresh: true, shard, dryRun }, captureIo()));
    const planned = r.value.kind === "plan" ? r.value.plan.files.length : r.value.summary.files_planned;
    return { ms: r.ms, planned };
  };
  await run(null, false); // warm-up: rule compilation, JIT
  // Three interleaved rounds (load from other jobs hits every configuration alike); medians reported.
  const configs = [null, { index: 1, count: 3 }, { index: 2, count: 3 }, { index: 3, count: 3 }];
  const samples = configs.map(() => ({ planned: 0, plan: [] as number[], total: [] as number[] }));
  for (let round = 0; round < 3; round++) {
    for (const [i, shard] of configs.entries()) {
      const plan = await run(shard, true);
      const full = await run(shard, false);
      samples[i]!.planned = full.planned;
      samples[i]!.plan.push(plan.ms);
      samples[i]!.total.push(full.ms);
    }
  }
  await server.stop();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = configs.map((shard, i) => ({ label: shard ? `--shard ${shard.index}/3` : "unsharded", planned: samples[i]!.planned, plan: median(samples[i]!.plan), total: median(samples[i]!.total) }));
  const unsharded = rows[0]!;
  const perFile = (r: (typeof rows)[number]) => (r.total - r.plan) / r.planned;
  for (const r of rows) {
    console.log(`sweep ${r.label.padEnd(11)} ${String(r.planned).padStart(4)} files: plan (walk + floor over all ${SWEEP_FILES}) ${r.plan.toFixed(0)} ms, review ${perFile(r).toFixed(2)} ms/file (ratio to unsharded ${(perFile(r) / perFile(unsharded)).toFixed(2)}), total ${(r.total / r.planned).toFixed(2)} ms/file (medians of 3)`);
  }
  const floorPerFile = unsharded.plan / SWEEP_FILES;
  const pipelinePerFile = perFile(unsharded);
  console.log(`load ${load()}`);

  // 4. Capacity: hours for one shard = floor over every file + (files / N) × (chunks × latency / in-flight + pipeline).
  const CHUNKS = 1.2, IN_FLIGHT = 8, WINDOW_H = 6;
  const hours = (files: number, n: number, latencyS: number) => (files * floorPerFile / 1000 + (files / n) * (CHUNKS * latencyS / IN_FLIGHT + pipelinePerFile / 1000)) / 3600;
  const shardsFor = (files: number, latencyS: number) => {
    for (let n = 1; n <= 200; n++) if (hours(files, n, latencyS) <= WINDOW_H) return n;
    return NaN;
  };
  console.log(`\ncapacity (measured: floor ${floorPerFile.toFixed(2)} ms/file over the whole repo, pipeline ${pipelinePerFile.toFixed(2)} ms/file; assumed ${CHUNKS} chunks/file, ${IN_FLIGHT} answers in flight per shard): shards to finish within ${WINDOW_H} h`);
  const lat = [2, 10, 30];
  console.log(`| files | ${lat.map((l) => `${l} s/answer`).join(" | ")} |`);
  console.log(`|---|${lat.map(() => "---").join("|")}|`);
  for (const files of [1_000, 5_000, 20_000, 50_000, 100_000]) {
    console.log(`| ${files.toLocaleString("en")} | ${lat.map((l) => { const n = shardsFor(files, l); return `${n} (${hours(files, n, l).toFixed(1)} h)`; }).join(" | ")} |`);
  }
}
for (const d of made) rmSync(d, { recursive: true, force: true });
