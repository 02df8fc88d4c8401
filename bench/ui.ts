// Control plane benchmark: `scrum ui` as its own process over generated KBs (default 100,000 and 1,000,000 review
// rows, 20 iterations). A first start builds the cache (parquet parts and their search index) and is timed; then a
// fresh server is started over the cache ("after the cache exists") and every view is requested once, in the
// order a person would open them; the server's RSS (now and peak, from /proc) is read after each.
// Usage: npx bun bench/ui.ts [--rows 100000,1000000] [--dir /tmp/scrum-ui-bench] [--keep] [--memory-limit SIZE]
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeBigKb } from "../tests/support/big-kb";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000,1000000" }, dir: { type: "string", default: "/tmp/scrum-ui-bench" }, keep: { type: "boolean" }, "memory-limit": { type: "string" } } });
const ROOT = resolve(import.meta.dir, "..");
const BUN = join(ROOT, "node_modules/.bin/bun");
const ITERS = 20;
const PLANT = "Planted zebra-quartz token leak in the payment webhook";
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");
const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;

function memOf(pid: number): { rss: number; peak: number } {
  const s = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(s)?.[1] ?? 0);
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

async function timed(url: string): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
  return { ms: performance.now() - t, bytes: body.byteLength };
}

/** `scrum ui` over `dir` as a child process; resolves once it listens. */
async function serve(dir: string) {
  const t = performance.now();
  const args = ["ui", "--kb", dir, "--repo", dir, "--port", "0", ...(values["memory-limit"] ? ["--memory-limit", values["memory-limit"]] : [])];
  const child = spawn(BUN, [join(ROOT, "pipeline/cli/main.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise((r) => child.on("exit", r));
  const url = await new Promise<string>((ok, fail) => {
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m) ok(m[1]!);
    });
    child.on("exit", (code) => fail(new Error(`scrum ui exited ${code}: ${err}`)));
  });
  return { child, url, ms: performance.now() - t, exited, stop: () => child.kill("SIGTERM") };
}

async function bench(rows: number) {
  const files = Math.ceil(rows / ITERS);
  const dir = join(resolve(values.dir!), String(rows));
  let t = performance.now();
  let kb = existsSync(join(dir, "scrum_reviews.jsonl")) ? null : writeBigKb(dir, { files, iters: ITERS, plantTitle: PLANT });
  const genMs = kb ? performance.now() - t : null;
  kb ??= { rows: files * ITERS, files, iters: ITERS, plantFile: "", sampleFile: "src/core/mod0/file1.ts" };
  const size = statSync(join(dir, "scrum_reviews.jsonl")).size;
  rmSync(join(dir, ".cache"), { recursive: true, force: true });
  const cold = await serve(dir);
  cold.stop();
  await cold.exited;
  const warm = await serve(dir);
  const { child, url } = warm;
  const out: [string, number, number, { rss: number; peak: number }][] = [];
  try {
    // A person opening the page right after start: the first MAP waits for its table only.
    const first = await timed(`${url}/api/map`);
    out.push(["MAP, first request right after start", first.ms, first.bytes, memOf(child.pid!)]);
    t = performance.now();
    for (;;) {
      const st = (await (await fetch(`${url}/api/status`)).json()) as { warm: { prefetched: boolean } };
      if (st.warm.prefetched) break;
      await Bun.sleep(100);
    }
    const warmMs = performance.now() - t + first.ms;
    const views: [string, string][] = [
      ["MAP signal overlay", "/api/map?signals=1"],
      ["MAP one directory deeper", "/api/map?dir=src%2Fcore"],
      ["MAP import edges", "/api/map/edges?dir=src%2Fcore%2Fmod0"],
      ["TRACE", `/api/trace?file=${encodeURIComponent(kb.sampleFile)}`],
      ["TRAJECTORY", "/api/trajectory"],
      ["TRAJECTORY page 10, largest drops", "/api/trajectory?sort=delta&offset=450"],
      ["METRICS (computed in the warm-up)", "/api/metrics"],
      ["METRICS trust table (in the warm-up)", "/api/metrics/section?id=trust"],
      ["KB (failed rows)", "/api/kb?status=failed"],
      ["KB page 200", "/api/kb?offset=10000"],
      ["file finder", "/api/files?q=file12"],
    ];
    for (const [name, path] of views) {
      const r = await timed(url + path);
      out.push([name, r.ms, r.bytes, memOf(child.pid!)]);
    }
    const st = (await (await fetch(`${url}/api/status`)).json()) as { search: { parts: number; ready: number } };
    if (st.search.ready !== st.search.parts) throw new Error(`search index not built with the cache: ${JSON.stringify(st.search)}`);
    for (const [name, path] of [["SEARCH rare words (planted finding)", "/api/search?q=zebra+quartz"], ["SEARCH common word", "/api/search?q=swallow"], ["SEARCH word and path", "/api/search?q=race+mod0"]] as const) {
      const r = await timed(url + path);
      out.push([name, r.ms, r.bytes, memOf(child.pid!)]);
    }
    const mem = memOf(child.pid!);
    console.log(`\n${rows.toLocaleString("en")} rows (${files.toLocaleString("en")} files × ${ITERS} iterations, ${(size / 1e6).toFixed(0)} MB JSONL)${genMs === null ? "" : `, generated in ${(genMs / 1000).toFixed(1)} s`}; load average ${load()}`);
    console.log(`  first start on a new KB (cache + index)    ${(cold.ms / 1000).toFixed(2)} s`);
    console.log(`  start over the cache, to listening         ${(warm.ms / 1000).toFixed(2)} s`);
    console.log(`  background warm-up after start (tables, METRICS and its tables) ${(warmMs / 1000).toFixed(2)} s; the views below are requested after it`);
    for (const [name, ms, bytes, m] of out) console.log(`  ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} KiB  RSS ${mib(m.rss)}`);
    console.log(`  server RSS now ${mib(mem.rss)}, peak ${mib(mem.peak)}`);
  } finally {
    warm.stop();
    await warm.exited;
  }
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

console.log(`bench/ui.ts: scrum ui over generated KBs; load average at start ${load()}`);
for (const rows of values.rows!.split(",").map(Number)) await bench(rows);
