// Analytics benchmark: 1,000,000 generated review rows; times `scrum query`, `compare` and `signals`
// as CLI processes (cold cache and warm) against DuckDB reading the same JSONL directly.
// Usage: npx bun bench/analytics.ts [--rows 1000000] [--dir /tmp/scrum-bench-kb] [--keep]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadConfig } from "../pipeline/cli/load-config";
import { compareDb, signalsDb } from "../pipeline/query/kb-queries";
import { openKb, type KbDb } from "../pipeline/query/open-kb";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" }, dir: { type: "string", default: "/tmp/scrum-bench-kb" }, keep: { type: "boolean" }, regen: { type: "boolean" } } });
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

function generate(path: string): void {
  const fd = openSync(path, "w");
  const rand = rng(42);
  const parts: string[] = [];
  const fileSha = hex("content");
  for (let i = 0; i < ROWS; i++) {
    const iter = (i % ITERS) + 1;
    const f = Math.floor(i / ITERS);
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

function cli(args: string[]): number {
  const r = time(() => spawnSync(join(ROOT, "node_modules/.bin/bun"), [join(ROOT, "pipeline/cli/main.ts"), ...args, "--kb", DIR], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 }));
  if (r.value.status !== 0) throw new Error(`scrum ${args.join(" ")} failed: ${r.value.stderr.split("\n")[0]}`);
  return r.ms;
}

async function direct(sql: string): Promise<number> {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  await con.runAndReadAll(sql);
  con.closeSync();
  return performance.now() - t0;
}

const reviews = join(DIR, "scrum_reviews.jsonl");
if (values.regen || !existsSync(reviews)) {
  mkdirSync(DIR, { recursive: true });
  const g = time(() => generate(reviews));
  console.log(`generated ${ROWS} rows (${(statSync(reviews).size / 1e6).toFixed(0)} MB) in ${(g.ms / 1000).toFixed(1)} s`);
}
rmSync(join(DIR, ".cache"), { recursive: true, force: true });

const baseline = await direct(`select count(*) from read_ndjson_auto('${reviews}')`);
// The same work with the views reading the JSONL directly (no columnar cache), in-process.
const cfg = loadConfig({ cwd: ROOT }).config;
async function noCache(fn: (db: KbDb) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  const db = await openKb(DIR, cfg.signals, { cache: false });
  try { await fn(db); } finally { db.close(); }
  return performance.now() - t0;
}
const direct3 = [
  await noCache((db) => db.all("select count(*) from findings")),
  await noCache((db) => compareDb(db, {})),
  await noCache((db) => signalsDb(db)),
];
const cold = cli(["query", "select count(*) from findings", "--json"]);
const rows: [string, number][] = [
  ["query \"select count(*) from findings\"", cli(["query", "select count(*) from findings", "--json"])],
  ["compare --json", cli(["compare", "--json"])],
  ["signals --json", cli(["signals", "--json"])],
];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`rows ${ROWS}, files ${FILES}, iterations ${ITERS}, ${(statSync(reviews).size / 1e6).toFixed(0)} MB JSONL`);
console.log(`DuckDB direct: select count(*) from read_ndjson_auto(...)          ${fmt(baseline)}`);
console.log(`scrum query, cold (builds the parquet cache)                        ${fmt(cold)}`);
rows.forEach(([name, ms], i) =>
  console.log(`scrum ${name.padEnd(40)} warm ${fmt(ms)}  ${(ms / baseline).toFixed(2)}x count(*) direct; same SQL over JSONL directly ${fmt(direct3[i]!)} (${(ms / direct3[i]!).toFixed(2)}x)`));
if (!values.keep) rmSync(DIR, { recursive: true, force: true });
