// Analytics benchmark: 1,000,000 generated review rows; times `scrum query`, `compare`, `signals` and `trust`
// as CLI processes (process start included) against DuckDB reading the same JSONL directly, in the same run:
// (a) a plain count(*) over read_ndjson and (b) the same compare/signals SQL over the JSONL (no cache).
// Then appends a nightly sweep (one iteration of every file) and times the first command after it.
// Usage: npx bun bench/analytics.ts [--rows 1000000] [--runs 3] [--dir /tmp/scrum-bench-kb] [--keep] [--regen]
//        [--only signals,trust] (those commands and (a) only: no (b) baselines, no append step; the quick ratio check)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, truncateSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadConfig } from "../pipeline/cli/load-config";
import { compareDb, signalsJsonText } from "../pipeline/query/kb-queries";
import { openKb } from "../pipeline/query/open-kb";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" }, dir: { type: "string", default: "/tmp/scrum-bench-kb" }, keep: { type: "boolean" }, regen: { type: "boolean" }, runs: { type: "string", default: "3" }, baseline: { type: "string" }, only: { type: "string" } } });
const ROWS = Number(values.rows);
const DIR = resolve(values.dir!);
const ITERS = 20;
const FILES = Math.ceil(ROWS / ITERS);
const ROOT = resolve(import.meta.dir, "..");

const TITLES = [
  "Empty catch block swallows the database error", "[swallowed-error] catch without rethrow", "Hardcoded API key in source",
  "Auth middleware is never applied to the admin router", "Parameter `limit` is ignored", "Function returns a hard-coded result",
  "Test has no assertions", "TLS certificate verification disabled", "Possible race condition on cache refill",
  "Unvalidated request body passed to the query builder", "Missing error handling on file read", "Stale comment about retries",
];
const MODELS = [["ollama", "kimi-k2:1t"], ["ollama", "deepseek-v3.1:671b"], ["ollama", "gpt-oss:120b"], ["static", "static-floor"]] as const;
const TIERS = ["auto", "dry_run", "dry_run", "dry_run", "sim", "block"];
const hex = (s: string) => createHash("sha256").update(s).digest("hex");
const PROMPT_A = hex("forensic-a");
const PROMPT_B = hex("forensic-b");

/** Deterministic pseudo-random numbers so every run measures the same KB. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/** Write `count` rows; row i is iteration iterOf(i) of file fileOf(i). `flag` "a" appends (a nightly sweep). */
function generate(path: string, count: number, iterOf: (i: number) => number, fileOf: (i: number) => number, seed: number, flag: "w" | "a" = "w"): void {
  const fd = openSync(path, flag);
  const rand = rng(seed);
  const parts: string[] = [];
  const fileSha = hex("content");
  for (let i = 0; i < count; i++) {
    const iter = iterOf(i);
    const f = fileOf(i);
    const file = `src/module${f % 500}/file${f}.ts`;
    const [provider, model] = MODELS[Math.floor(rand() * MODELS.length)]!;
    const failed = rand() < 0.03;
    const nCrit = failed ? 0 : Math.floor(rand() * 4);
    const crit = Array.from({ length: nCrit }, (_, k) => {
      const t = TITLES[(f + k + (rand() < 0.3 ? iter : 0)) % TITLES.length]!;
      const line = 10 + ((f * 7 + k * 31) % 400);
      return `{"title":${JSON.stringify(t)},"line":${line},"evidence":"if (err) { /* ignored */ }","verified":${rand() < 0.9}}`;
    }).join(",");
    const score = failed ? "null" : (2 + ((f % 7) + iter * 0.2 + rand() * 2) % 8).toFixed(2);
    const conf = failed ? "null" : (0.5 + rand() * 0.5).toFixed(2);
    const tier = failed ? "block" : TIERS[Math.floor(rand() * TIERS.length)];
    const prompt = iter > 10 ? PROMPT_B : PROMPT_A;
    const tries = 1 + (rand() < 0.1 ? 1 : 0);
    parts.push(
      `{"schema_version":4,"run_id":"run-${iter}","iter":${iter},"repo":"/srv/app","commit":"c0ffee${iter}","file":"${file}","chunk":1,"chunks":1,` +
      `"file_sha256":"${fileSha}","prompt":{"name":"forensic","sha256":"${prompt}"},"policy_version":"2026.11.1",` +
      `"status":"${failed ? "failed" : "accepted"}","provider":${failed ? "null" : `"${provider}"`},"model":${failed ? "null" : `"${model}"`},"rung":${failed ? "null" : 0},` +
      `"attempts":[{"rung":0,"provider":"${provider}","model":"${model}","outcome":"${failed ? "error" : "accepted"}","latency_ms":1834,"tries":${tries}}],` +
      `"accepted_on_attempt":${failed ? "null" : 1},"verdict":${failed ? "null" : nCrit ? '"fail"' : '"pass"'},"score":${score},"confidence":${conf},` +
      `"critical_failures":[${crit}],"verified_components":[{"title":"input validated by zod","line":12,"verified":true}],"missing_components":[],` +
      `"critical_failures_count":${nCrit},"verified_components_count":1,"missing_components_count":0,"unverified_count":0,` +
      `"summary":"Reviewed ${file}: ${nCrit} critical failures.","output_format":${failed ? "null" : rand() < 0.95 ? '"json"' : '"markdown"'},"gradient_tier":"${tier}",` +
      `"static_findings":[],"latency_ms":1834,"tokens":{"prompt":${1500 + (f % 900)},"completion":${200 + (f % 300)}},"cached":false,` +
      `"targeted_by_fixwave":${rand() < 0.2},"fixwave":null,"redactions":0,"raw_answer":"{\\"verdict\\":\\"fail\\",\\"score\\":${score},\\"summary\\":\\"see findings\\"}","error":null,` +
      `"created_at":"2026-11-${String(iter).padStart(2, "0")}T02:00:00.000Z"}\n`,
    );
    if (parts.length === 20000) { writeSync(fd, parts.join("")); parts.length = 0; }
  }
  if (parts.length) writeSync(fd, parts.join(""));
  closeSync(fd);
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const BUN = join(ROOT, "node_modules/.bin/bun");

/** One CLI process as a user runs it: process start, config, DuckDB, cache, query, output. */
function cli(args: string[]): number {
  const r = time(() => spawnSync(BUN, [join(ROOT, "pipeline/cli/main.ts"), ...args, "--kb", DIR], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 }));
  if (r.value.status !== 0) throw new Error(`scrum ${args.join(" ")} failed: ${r.value.stderr.split("\n")[0]}`);
  return r.ms;
}

/** A baseline in its own bun process (same start-up cost as the CLI); returns wall time and DuckDB-only time. */
function baseline(kind: string): { ms: number; engineMs: number } {
  const r = time(() => spawnSync(BUN, [import.meta.path, "--baseline", kind, "--dir", DIR], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 }));
  if (r.value.status !== 0) throw new Error(`baseline ${kind} failed: ${r.value.stderr.split("\n")[0]}`);
  return { ms: r.ms, engineMs: Number(r.value.stdout.trim().split("\n").at(-1)) };
}

const reviews = join(DIR, "scrum_reviews.jsonl");

// Child mode: DuckDB alone over the JSONL, no scrum cache, no de-duplication; prints its engine time.
if (values.baseline) {
  const t0 = performance.now();
  if (values.baseline === "count") {
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.runAndReadAll(`select count(*) from read_ndjson('${reviews}')`);
  } else {
    const cfg = loadConfig({ cwd: ROOT }).config;
    const db = await openKb(DIR, cfg.signals, { cache: false, dedupe: false });
    if (values.baseline === "query") await db.all("select count(*) from findings");
    if (values.baseline === "compare") JSON.stringify(await compareDb(db, {}));
    if (values.baseline === "signals") await signalsJsonText(db, {});
    db.close();
  }
  console.log(String(performance.now() - t0));
  process.exit(0);
}

if (values.regen || !existsSync(reviews)) {
  mkdirSync(DIR, { recursive: true });
  const g = time(() => generate(reviews, ROWS, (i) => (i % ITERS) + 1, (i) => Math.floor(i / ITERS), 42));
  console.log(`generated ${ROWS} rows (${(statSync(reviews).size / 1e6).toFixed(0)} MB) in ${(g.ms / 1000).toFixed(1)} s`);
}
const baseSize = statSync(reviews).size;
rmSync(join(DIR, ".cache"), { recursive: true, force: true });

const RUNS = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const spread = (xs: number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;

const cold = cli(["query", "select count(*) from findings", "--json"]);
const COMMANDS: [string, string[], string][] = [
  ['query "select count(*) from findings"', ["query", "select count(*) from findings", "--json"], "query"],
  ["compare --json", ["compare", "--json"], "compare"],
  ["signals --json", ["signals", "--json"], "signals"],
  ["trust --json", ["trust", "--json"], ""],
];
const only = values.only?.split(",").map((x) => x.trim());
if (only) for (let i = COMMANDS.length - 1; i >= 0; i--) if (!only.includes(COMMANDS[i]![0].split(" ")[0]!)) COMMANDS.splice(i, 1);
// Interleaved rounds, so load from other jobs hits every measurement alike.
const times = new Map<string, number[]>();
const add = (k: string, ms: number) => times.set(k, [...(times.get(k) ?? []), ms]);
for (let round = 0; round < RUNS; round++) {
  const c = baseline("count");
  add("count", c.ms);
  add("count engine", c.engineMs);
  for (const [name, args, direct] of COMMANDS) {
    add(name, cli(args));
    if (direct && !only) add(`direct ${direct}`, baseline(direct).ms);
  }
}

// A nightly sweep: one more iteration of every file appended; the next command extends the cache.
const tail = only ? null : time(() => generate(reviews, FILES, () => ITERS + 1, (i) => i, 7, "a"));
const appended = only ? 0 : cli(["query", "select count(*) from findings", "--json"]);
const afterAppend = only ? 0 : cli(["signals", "--json"]);
if (!only) truncateSync(reviews, baseSize);

const load = (await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ");
console.log(`rows ${ROWS}, files ${FILES}, iterations ${ITERS}, ${(baseSize / 1e6).toFixed(0)} MB JSONL; ${RUNS} interleaved rounds, median (min–max); load average now ${load}`);
console.log(`(a) DuckDB count(*) over read_ndjson, own process          ${spread(times.get("count")!)}   [DuckDB alone, in-process: ${fmt(median(times.get("count engine")!))}]`);
console.log(`scrum query, cold (full parquet build)                     ${fmt(cold)}`);
if (tail) console.log(`nightly sweep appended: ${FILES} rows (${(tail.ms / 1000).toFixed(1)} s to write); first query after it ${fmt(appended)} (extends the cache), then signals ${fmt(afterAppend)}`);
for (const [name, , direct] of COMMANDS) {
  const t = median(times.get(name)!);
  const a = median(times.get("count")!);
  const b = direct && !only ? median(times.get(`direct ${direct}`)!) : null;
  console.log(`scrum ${name.padEnd(40)} ${spread(times.get(name)!)}  vs (a) ${(t / a).toFixed(2)}x` +
    (b === null ? "" : `  vs (b) same SQL over the JSONL ${spread(times.get(`direct ${direct}`)!)} ${(t / b).toFixed(2)}x`));
}
if (!values.keep) rmSync(DIR, { recursive: true, force: true });
