// A big generated KB for the UI's browser tests and bench/ui.ts: review rows written straight to JSONL in
// large streamed writes (no objects, no schema pass), deterministic, with a directory tree worth a treemap,
// recurring findings, static rule hits, trust rows for the last iteration, run rows, and one planted finding.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { kbPaths } from "../../pipeline/kb/paths";

export interface BigKbOptions {
  files: number;
  iters: number;
  /** A finding with this title is planted in `plantFile` at the last iteration (search tests look for it). */
  plantTitle?: string;
  seed?: number;
}

export interface BigKb {
  rows: number;
  files: number;
  iters: number;
  plantFile: string;
  /** One file the generator always writes, for TRACE. */
  sampleFile: string;
}

const AREAS = ["src/api", "src/core", "src/ui/components", "src/auth", "src/db", "lib/util", "services/billing", "services/search", "tools/cli", "tests/e2e"];
const TITLES = [
  "Empty catch block swallows the database error", "Hardcoded API key in source", "Auth middleware is never applied to the admin router",
  "Parameter `limit` is ignored", "Function returns a hard-coded result", "Test has no assertions", "TLS certificate verification disabled",
  "Possible race condition on cache refill", "Unvalidated request body passed to the query builder", "Missing error handling on file read",
  "SQL built by string concatenation", "File handle never closed on the error path",
];
const RULES = [["ts-empty-catch", "swallowed-error"], ["ts-hardcoded-secret", "hardcoded-secret"], ["ts-unwired-auth", "unwired-auth"], ["ts-tls-disabled", "tls-disabled"]] as const;
const MODELS = [["ollama", "kimi-k2:1t"], ["ollama", "deepseek-v3.1:671b"], ["ollama", "gpt-oss:120b"], ["static", "static-floor"]] as const;
const TIERS = ["auto", "dry_run", "dry_run", "sim", "block"];

const hex = (s: string) => createHash("sha256").update(s).digest("hex");

/** Deterministic pseudo-random numbers, so every run generates the same KB. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/** The path of file number f: ten top areas, modules of about a hundred files each. */
export function bigKbFile(f: number, files: number): string {
  const area = AREAS[f % AREAS.length]!;
  const perArea = Math.ceil(files / AREAS.length);
  const mod = Math.floor(Math.floor(f / AREAS.length) / 100) % Math.max(1, Math.ceil(perArea / 100));
  return `${area}/mod${mod}/file${f}.${f % 9 === 0 ? "py" : "ts"}`;
}

/** Buffered appends to one file descriptor: strings go out in ~4 MB writes. */
function sink(path: string) {
  const fd = openSync(path, "w");
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length) writeSync(fd, parts.join(""));
    parts = [];
    size = 0;
  };
  return {
    push(s: string) {
      parts.push(s);
      size += s.length;
      if (size > 4 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/** Write `files × iters` review rows (iteration-major, as nightly sweeps append them) plus trust and run rows. */
export function writeBigKb(dir: string, o: BigKbOptions): BigKb {
  mkdirSync(dir, { recursive: true });
  const paths = kbPaths(dir);
  const rand = rng(o.seed ?? 42);
  const names = Array.from({ length: o.files }, (_, f) => bigKbFile(f, o.files));
  // One hash per file; the content "changes" every fourth iteration through the last two hex digits.
  const shas = names.map((n) => hex(n).slice(0, 62));
  // Modules differ (some are in worse shape than others), so the map shows structure, not a uniform average.
  const bias = names.map((n) => {
    const h = parseInt(hex(n.slice(0, n.lastIndexOf("/"))).slice(0, 6), 16);
    return ((h % 9) - 4) * 0.7;
  });
  const plantFile = names[Math.min(o.files - 1, 7)]!;
  const prompts = [hex("forensic-a"), hex("forensic-b")];
  const reviews = sink(paths.reviews), trust = sink(paths.trust), runs = sink(paths.runs);
  for (let iter = 1; iter <= o.iters; iter++) {
    const run = `run-${iter}`;
    const day = `2026-${String(1 + Math.floor((iter - 1) / 28) % 12).padStart(2, "0")}-${String(1 + ((iter - 1) % 28)).padStart(2, "0")}T02:00:00.000Z`;
    const prompt = prompts[iter > o.iters / 2 ? 1 : 0];
    const runHead = `{"schema_version":2,"run_id":"${run}","iter":${iter},"night":null,"shard":null,"repo":"/srv/app","commit":"c${iter}","ladder":"cloud","prompt":{"name":"forensic","sha256":"${prompt}"},"policy_version":"2026.11.1","files_planned":${o.files}`;
    runs.push(`${runHead},"phase":"start","created_at":"${day}"}\n`);
    let failedFiles = 0;
    for (let f = 0; f < o.files; f++) {
      const file = names[f]!;
      const failed = rand() < 0.02;
      if (failed) failedFiles++;
      const [provider, model] = MODELS[(f + (rand() < 0.3 ? iter : 0)) % MODELS.length]!;
      const nCrit = failed ? 0 : Math.max(0, Math.floor(rand() * 3.2 - bias[f]! / 2)) % 5;
      const crit: string[] = [];
      for (let k = 0; k < nCrit; k++) {
        const title = TITLES[(f + k + (rand() < 0.25 ? iter : 0)) % TITLES.length]!;
        crit.push(`{"title":"${title}","line":${10 + ((f * 7 + k * 31) % 300)},"evidence":"catch (e) {}","verified":${rand() < 0.9}}`);
      }
      if (o.plantTitle && iter === o.iters && file === plantFile) crit.push(`{"title":${JSON.stringify(o.plantTitle)},"line":12,"evidence":"planted","verified":true}`);
      const score = failed ? "null" : Math.max(0, Math.min(10, 3.2 + bias[f]! + ((f % 7) * 0.5 + iter * 0.08 + rand() * 2.5))).toFixed(2);
      const conf = failed ? "null" : (0.55 + rand() * 0.45).toFixed(2);
      const tier = failed ? "block" : TIERS[(f + Math.floor(rand() * 2)) % TIERS.length];
      const rule = f % 5 === 0 && !failed ? RULES[f % RULES.length]! : null;
      const statics = rule ? `[{"class":"${rule[1]}","rule_id":"${rule[0]}","severity":"warning","file":"${file}","line":${20 + (f % 50)},"end_line":${21 + (f % 50)},"snippet":"","message":"${rule[0]} matched","model_verdict":"${rand() < 0.7 ? "confirmed" : "rejected"}"}]` : "[]";
      const verdict = failed ? "null" : nCrit ? '"fail"' : '"pass"';
      const nc = crit.length;
      reviews.push(
        `{"schema_version":5,"run_id":"${run}","iter":${iter},"night":null,"shard":null,"repo":"/srv/app","commit":"c${iter}","file":"${file}","chunk":1,"chunks":1,` +
        `"file_sha256":"${shas[f]}${(iter >> 2 & 255).toString(16).padStart(2, "0")}","prompt":{"name":"forensic","sha256":"${prompt}"},"policy_version":"2026.11.1",` +
        `"status":"${failed ? "failed" : "accepted"}","provider":${failed ? "null" : `"${provider}"`},"model":${failed ? "null" : `"${model}"`},"rung":${failed ? "null" : 0},` +
        `"attempts":[{"rung":0,"provider":"${provider}","model":"${model}","outcome":"${failed ? "error" : "accepted"}","latency_ms":1200,"tries":1}],` +
        `"accepted_on_attempt":${failed ? "null" : 1},"verdict":${verdict},"score":${score},"confidence":${conf},` +
        `"critical_failures":[${crit.join(",")}],"verified_components":[],"missing_components":[],` +
        `"critical_failures_count":${nc},"verified_components_count":0,"missing_components_count":0,"unverified_count":0,` +
        `"summary":${failed ? "null" : `"${nc ? `${nc} critical in ${file}` : `clean review of ${file}`}"`},"output_format":${failed ? "null" : '"json"'},"gradient_tier":"${tier}",` +
        `"static_findings":${statics},"latency_ms":1200,"tokens":{"prompt":${1000 + (f % 900)},"completion":${150 + (f % 200)}},"cached":false,` +
        `"targeted_by_fixwave":${iter > 1 && f % 11 === 0},"fixwave":null,"redactions":0,"raw_answer":null,"error":${failed ? '"timeout after 120000 ms"' : "null"},` +
        `"created_at":"${day}"}\n`,
      );
      if (iter === o.iters && !failed) {
        trust.push(`{"schema_version":1,"run_id":"${run}","iter":${iter},"file":"${file}","chunk":1,"file_sha256":"${shas[f]}00","provider":"${provider}","model":"${model}","rung":0,"accepted_on_attempt":1,"output_format":"json","latency_ms":1200,"tokens":{"prompt":1000,"completion":150},"parse_failures":0,"findings":${nc},"unverified_findings":0,"cached":false,"created_at":"${day}"}\n`);
      }
    }
    runs.push(`${runHead},"phase":"end","reviewed":${o.files - failedFiles},"cached":0,"failed":${failedFiles},"skipped":0,"mean_score":5.5,"models":[],"wall_ms":3600000,"interrupted":false,"created_at":"${day}"}\n`);
  }
  reviews.close();
  trust.close();
  runs.close();
  return { rows: o.files * o.iters, files: o.files, iters: o.iters, plantFile, sampleFile: names[1]! };
}
