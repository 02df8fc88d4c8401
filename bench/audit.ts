// Audit benchmark: `scrum audit --range` over 1,000 fix-wave commits against a 1,000,000-row KB, as CLI
// processes (process start included). Prints the claims checked, their outcomes, and the wall time of a
// cold run (the KB's parquet cache built first, as after a fresh clone of the KB) and of warm runs.
// Usage: npx bun bench/audit.ts [--commits 1000] [--rows 1000000] [--runs 2] [--dir /tmp/scrum-bench-audit] [--keep]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { commits: { type: "string", default: "1000" }, rows: { type: "string", default: "1000000" }, runs: { type: "string", default: "2" }, dir: { type: "string", default: "/tmp/scrum-bench-audit" }, keep: { type: "boolean" } } });
const COMMITS = Number(values.commits);
const ROWS = Number(values.rows);
const DIR = resolve(values.dir!);
const KB = join(DIR, "kb");
const REPO = join(DIR, "repo");
const ITERS = 20;
const FILES = Math.ceil(ROWS / ITERS);
/** Files of the KB that also exist in the repository (the first REPO_FILES of the KB's file list). */
const REPO_FILES = 300;
const GUARDS = 200;
const ROOT = resolve(import.meta.dir, "..");
const BUN = join(ROOT, "node_modules/.bin/bun");

const hex = (s: string) => createHash("sha256").update(s).digest("hex");
const fileName = (f: number) => `src/module${f % 50}/file${f}.ts`;
/** Deterministic scores, so a commit message can state the true movement for half its files. */
const score = (f: number, iter: number) => Math.round((2 + ((f * 7 + iter * 3) % 70) / 10) * 10) / 10;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/** 1M valid v4 review rows: FILES files × ITERS iterations, one chunk each. */
function generateKb(): void {
  mkdirSync(KB, { recursive: true });
  const fd = openSync(join(KB, "scrum_reviews.jsonl"), "w");
  const rand = rng(7);
  const prompt = hex("forensic");
  let buf: string[] = [];
  for (let iter = 1; iter <= ITERS; iter++) {
    for (let f = 0; f < FILES && (iter - 1) * FILES + f < ROWS; f++) {
      const file = fileName(f);
      const first = rand() < 0.9 ? 1 : 2;
      const json = rand() < 0.95;
      const crit = rand() < 0.3 ? `{"title":"Empty catch swallows the error","line":${10 + (f % 30)},"evidence":"catch {}","verified":true}` : "";
      buf.push(
        `{"schema_version":4,"run_id":"run-${iter}","iter":${iter},"repo":"bench","commit":"c${iter}","file":"${file}","chunk":1,"chunks":1,` +
        `"file_sha256":"${hex(`${file}@${iter}`)}","prompt":{"name":"forensic","sha256":"${prompt}"},"policy_version":"2026.11.1","status":"accepted",` +
        `"provider":"ollama","model":"kimi-k2:1t","rung":0,"attempts":[{"rung":0,"provider":"ollama","model":"kimi-k2:1t","outcome":"accepted","latency_ms":900,"tries":${first}}],` +
        `"accepted_on_attempt":${first},"verdict":"${crit ? "fail" : "pass"}","score":${score(f, iter)},"confidence":0.8,"critical_failures":[${crit}],` +
        `"verified_components":[],"missing_components":[],"critical_failures_count":${crit ? 1 : 0},"verified_components_count":0,"missing_components_count":0,` +
        `"unverified_count":0,"summary":"reviewed","output_format":"${json ? "json" : "markdown"}","gradient_tier":"dry_run","static_findings":[],"latency_ms":900,` +
        `"tokens":{"prompt":1200,"completion":300},"cached":false,"targeted_by_fixwave":false,"fixwave":null,"redactions":0,"raw_answer":null,"error":null,` +
        `"created_at":"2026-11-${String(iter).padStart(2, "0")}T02:00:00.000Z"}\n`,
      );
      if (buf.length === 20_000) { writeSync(fd, buf.join("")); buf = []; }
    }
  }
  if (buf.length) writeSync(fd, buf.join(""));
  closeSync(fd);
}

const TS = (f: number, extra = "") => `export function handle${f}(req: Request): Response {\n  const body = parse(req);\n  if (!body) return new Response("bad", { status: 400 });\n${extra}  return new Response(JSON.stringify(body));\n}\n`;
const GUARD = (n: number) => `export function requireRole${n}(req: Request, next: () => Response): Response {\n  return req.headers.get("x-role") === "r${n}" ? next() : new Response("forbidden", { status: 403 });\n}\n`;
const TEST = (n: number) => `#[test]\nfn case_${n}() {\n    assert!(gateway::auth::check(${n}));\n}\n`;

/** The message of commit i: a fix wave's claims, true for about half. */
function message(i: number, f: number, g: number, tests: [number, number] | null, guard: number | null): string {
  const [a, b] = i % 4 === 0 ? [10, 11] : [ITERS - 1, ITERS];
  const truthful = i % 2 === 0;
  const lines = [`Fix wave ${i}: harden module${f % 50}`, "", `iter ${a} → iter ${b}:`,
    `- ${fileName(f)} ${score(f, a).toFixed(1)} → ${(truthful ? score(f, b) : score(f, b) + 1).toFixed(1)}`,
    `- ${fileName(g)} ${score(g, a).toFixed(1)} → ${score(g, b).toFixed(1)}`,
    `mean 5.40 → 5.50; movement ↑${20_000 + i} ↓${10_000 + i} =${20_000}; ${45_000 + i}/50000 first-attempt accept; 47500/50000 emitted JSON`,
    `signals CONVERGING: ${1000 + i}, LOOPING: ${i % 7}`];
  if (tests) lines.push(`Tests ${tests[0]} → ${truthful ? tests[1] : tests[1] + 1} (gateway)`);
  if (guard !== null) lines.push(`\`requireRole${guard}\` is now wired into the router.`);
  lines.push("", "Code changes:", `- ${fileName(f)}`, `- ${fileName(truthful ? f : g)}`, "", "No regressions in the module.");
  return lines.join("\n") + "\n";
}

/** A repository of REPO_FILES handlers, GUARDS unmounted guards and a Rust crate, then COMMITS fix-wave commits, via fast-import. */
function generateRepo(): void {
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  spawnSync("git", ["init", "-q", "-b", "main"], { cwd: REPO });
  const out: string[] = [];
  const file = (path: string, content: string) => out.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
  const commit = (msg: string, n: number) => out.push(`commit refs/heads/main\ncommitter bench <bench@example.com> ${1_700_000_000 + n} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`);
  commit("init\n", 0);
  for (let f = 0; f < REPO_FILES; f++) file(fileName(f), TS(f));
  for (let n = 0; n < GUARDS; n++) file(`src/guards/role${n}.ts`, GUARD(n));
  file("gateway/Cargo.toml", '[package]\nname = "gateway"\nversion = "0.1.0"\n');
  file("gateway/src/auth.rs", "pub fn check(n: u32) -> bool {\n    n > 0\n}\n");
  let tests = 3;
  file("gateway/tests/auth.rs", Array.from({ length: tests }, (_, k) => TEST(k)).join(""));
  const edits = new Map<number, number>();
  for (let i = 1; i <= COMMITS; i++) {
    const f = (i * 37) % REPO_FILES, g = (i * 53 + 11) % REPO_FILES;
    const t = i % 10 === 0 ? ([tests, tests + 1] as [number, number]) : null;
    const guard = i % 5 === 0 ? (i / 5) % GUARDS : null;
    commit(message(i, f, g, t, guard), i);
    const k = (edits.get(f) ?? 0) + 1;
    edits.set(f, k);
    file(fileName(f), TS(f, `  audit(${k});\n`));
    if (t) { tests++; file("gateway/tests/auth.rs", Array.from({ length: tests }, (_, k2) => TEST(k2)).join("")); }
    if (guard !== null) file(`src/app/routes${guard}.ts`, `import { requireRole${guard} } from "../guards/role${guard}";\nrouter.use(requireRole${guard});\n`);
  }
  const r = spawnSync("git", ["fast-import", "--quiet"], { cwd: REPO, input: out.join(""), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
}

type AuditDoc = { commits: { claims: { kind: string; status: string }[] }[]; not_backed: number; blocking: number };

/** One `scrum audit --range` process: wall time, and CPU time (user + system), which load from other jobs inflates less. */
function audit(): { ms: number; cpuMs: number; doc: AuditDoc } {
  const root = spawnSync("git", ["rev-list", "--max-parents=0", "HEAD"], { cwd: REPO, encoding: "utf8" }).stdout.trim();
  const t0 = performance.now();
  const r = Bun.spawnSync([BUN, join(ROOT, "pipeline/cli/main.ts"), "audit", "--range", `${root}..HEAD`, "--kb", KB, "--json"], { cwd: REPO, maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`scrum audit exited ${r.exitCode}: ${r.stderr.toString().split("\n")[0]}`);
  return { ms, cpuMs: Number(r.resourceUsage.cpuTime.total) / 1000, doc: JSON.parse(r.stdout.toString()) };
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

if (!existsSync(join(KB, "scrum_reviews.jsonl")) || !values.keep) {
  const t = performance.now();
  generateKb();
  console.log(`generated ${ROWS.toLocaleString("en")} review rows (${FILES.toLocaleString("en")} files × ${ITERS} iterations) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
if (!existsSync(join(REPO, ".git")) || !values.keep) {
  const t = performance.now();
  generateRepo();
  console.log(`generated a repository of ${COMMITS} fix-wave commits in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// Cold: no parquet cache yet (what the first audit after a fresh KB pays once).
rmSync(join(KB, ".cache"), { recursive: true, force: true });
rmSync(join(KB, "scrum_audits.jsonl"), { force: true });
const runs: { label: string; ms: number; cpuMs: number; load: string }[] = [];
let last: AuditDoc | null = null;
for (let i = 0; i <= Number(values.runs); i++) {
  const before = load();
  const r = audit();
  runs.push({ label: i === 0 ? "cold (builds the KB's parquet cache)" : `warm run ${i}`, ms: r.ms, cpuMs: r.cpuMs, load: before });
  last = r.doc;
}
const claims = last!.commits.flatMap((c) => c.claims);
const by = (key: "kind" | "status") => Object.entries(claims.reduce<Record<string, number>>((m, c) => ({ ...m, [c[key]]: (m[c[key]] ?? 0) + 1 }), {})).map(([k, n]) => `${k} ${n}`).join(", ");
console.log(`audited ${last!.commits.length} commits, ${claims.length} claims (${by("kind")})`);
console.log(`outcomes: ${by("status")}; not backed ${last!.not_backed}, blocking ${last!.blocking}`);
for (const r of runs) {
  console.log(`${r.label.padEnd(38)} wall ${(r.ms / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s   (load average before: ${r.load})   bound < 30 s: ${r.ms < 30_000 ? "ok" : "MISSED"}`);
}
if (!values.keep) rmSync(DIR, { recursive: true, force: true });
