// Observer reliability bench: N events from C concurrent clients on loopback, kill -9 midway, restart, verify.
// Usage: npx bun bench/observer.ts [--events 20000] [--clients 50]
//        npx bun bench/observer.ts --ui-rows 100000   (the control plane over a big KB: RSS and view latencies)
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { percentile, runCrashLoad } from "../tests/fixtures/observer/crash-load";

const { values } = parseArgs({ options: { events: { type: "string" }, clients: { type: "string" }, "ui-rows": { type: "string" } } });

async function crashBench() {
  const events = Number(values.events ?? 20_000);
  const clients = Number(values.clients ?? 50);
  const dir = mkdtempSync(join(tmpdir(), "obs-bench-"));
  try {
    const r = await runCrashLoad({ dataDir: join(dir, "data"), events, clients, killAfter: Math.floor(events / 2) });
    const upSec = (r.wallMs - r.downMs) / 1000;
    const ok = r.missing.length === 0 && r.duplicates.length === 0 && r.statsTotalAfter === r.fileRows;
    console.log(`events sent          ${events} from ${clients} clients, kill -9 after ${Math.floor(events / 2)} acks`);
    console.log(`acknowledged         ${r.acked}`);
    console.log(`unacknowledged       ${r.unacked} (in flight at the kill or refused while down; ${r.unackedButStored} of them stored anyway)`);
    console.log(`missing after restart ${r.missing.length}`);
    console.log(`stored twice         ${r.duplicates.length}`);
    console.log(`/stats total after   ${r.statsTotalAfter} (ops.jsonl rows ${r.fileRows})`);
    console.log(`throughput           ${Math.round(r.acked / upSec)} events/s while up (${Math.round(r.acked / (r.wallMs / 1000))} events/s including the ${Math.round(r.downMs)} ms restart)`);
    console.log(`latency              p50 ${percentile(r.latencies, 0.5).toFixed(2)} ms, p99 ${percentile(r.latencies, 0.99).toFixed(2)} ms, max ${percentile(r.latencies, 1).toFixed(2)} ms`);
    console.log(ok ? "PASS: every acknowledged event present exactly once" : "FAIL");
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Write `rows` review rows (rows/5 files × 5 iterations, a 1.5 KB raw answer each) without holding them. */
async function writeBigKb(kbDir: string, rows: number) {
  const { reviewRow, item } = await import("../tests/support/kb-builder");
  const { kbPaths } = await import("../pipeline/kb/paths");
  mkdirSync(kbDir, { recursive: true });
  const fd = openSync(kbPaths(kbDir).reviews, "w");
  const files = Math.max(1, Math.floor(rows / 5));
  const raw = JSON.stringify({ verdict: "concerns", score: 6, summary: "x".repeat(1400) });
  try {
    for (let i = 0; i < rows; i++) {
      const iter = 1 + Math.floor(i / files);
      const f = i % files;
      const r = reviewRow({ file: `src/d${f % 200}/m${f}.ts`, iter, score: (f * 7 + iter * 3) % 11, raw_answer: raw, criticals: f % 4 === 0 ? [item(`issue in m${f}`, 10 + iter)] : [] });
      writeSync(fd, JSON.stringify(r) + "\n");
    }
  } finally {
    closeSync(fd);
  }
}

async function uiBench(rows: number) {
  const dir = mkdtempSync(join(tmpdir(), "ui-bench-"));
  try {
    const kb = join(dir, "kb");
    await writeBigKb(kb, rows);
    Bun.gc(true);
    const { loadConfig } = await import("../pipeline/cli/load-config");
    const { createUiApp } = await import("../pipeline/ui/app");
    const { kbLoader } = await import("../pipeline/ui/kb-cache");
    const { config } = loadConfig({ cwd: resolve(import.meta.dir, "..") });
    const rssBefore = process.memoryUsage().rss;
    const app = createUiApp({ loadKb: kbLoader(kb, () => {}), kbDir: kb, repoDir: dir, signals: config.signals, observer: async () => ({ ok: false, url: null, reason: "none" }) });
    const time = async (path: string) => {
      const t = performance.now();
      const res = await app.fetch(new Request(`http://ui${path}`));
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      return performance.now() - t;
    };
    const routes = ["/api/map", "/api/trajectory", "/api/metrics", "/api/kb?status=accepted&offset=100", `/api/trace?file=${encodeURIComponent("src/d7/m7.ts")}`, "/api/kb-file?name=scrum_reviews.jsonl"];
    console.log(`KB: ${rows} review rows (${Math.floor(rows / 5)} files × 5 iterations)`);
    for (const r of routes) {
      const first = await time(r);
      const again = [await time(r), await time(r), await time(r)].sort((a, b) => a - b)[1]!;
      console.log(`${r.padEnd(44)} first ${first.toFixed(0).padStart(6)} ms   repeated ${again.toFixed(1).padStart(7)} ms`);
    }
    Bun.gc(true);
    console.log(`RSS: ${(rssBefore / 2 ** 20).toFixed(0)} MiB before loading, ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB after every view`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values["ui-rows"]) await uiBench(Number(values["ui-rows"]));
else await crashBench();
