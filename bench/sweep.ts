// Sweep benchmark: 200 files against the local model server (200 ms answers at --concurrency 8, then
// instant answers), and a re-sweep of the unchanged repository. Usage: bun bench/sweep.ts [files]
import { join } from "node:path";
import { readReviews } from "../pipeline/kb/read-kb";
import { runSweep } from "../pipeline/sweep/run-sweep";
import { startModelServer } from "../tests/support/model-server";
import { answer, captureIo, ROOT, testConfig } from "../tests/support/sweep-harness";
import { gitRepo, tmpDir } from "../tests/support/tmp-repo";

const FILES = Number(process.argv[2] ?? 200);
const CONC = 8;
const DELAY = 200;

function repoOf(n: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    files[`src/mod${i}.ts`] = `// module ${i}\nexport function f${i}(x: number): number {\n  if (x > ${i}) return x - ${i};\n  return x + ${i};\n}\n`.repeat(8);
  }
  return gitRepo(files);
}

async function timed(delayMs: number, repo: string, kbDir: string, fresh: boolean) {
  const server = await startModelServer({ script: () => ({ text: answer({ score: 7 }), delayMs }) });
  const cfg = testConfig([{ provider: "ollama", model: "m1", host: server.url, timeoutMs: 30_000 }]);
  cfg.concurrency.perProvider.ollama = CONC;
  const t0 = performance.now();
  const out = await runSweep({ repo, kbDir, config: cfg, ladder: "test", quiet: true, concurrency: CONC, fresh }, captureIo());
  const ms = performance.now() - t0;
  const calls = server.requests.filter((r) => r.path === "/api/chat").length;
  await server.stop();
  if (out.kind !== "summary") throw new Error("no summary");
  return { ms, calls, reviewed: out.summary.reviewed };
}

const repo = repoOf(FILES);
const kb = tmpDir("scrum-bench-kb-");
const slow = await timed(DELAY, repo, kb, true);
const ideal = (FILES * DELAY) / CONC;
const fast = await timed(0, repo, tmpDir("scrum-bench-kb-"), true);
const again = await timed(DELAY, repo, kb, false);

// The re-sweep again through the CLI, as a user runs it (process start included).
const cfgServer = await startModelServer({ script: () => ({ text: answer({ score: 7 }) }) });
const cfgPath = join(tmpDir(), "scrum.config.yaml");
const cliCfg = testConfig([{ provider: "ollama", model: "m1", host: cfgServer.url }]);
await Bun.write(cfgPath, (await import("yaml")).stringify(cliCfg));
const cliKb = tmpDir("scrum-bench-kb-");
// Async spawn: the model server lives in this process and must keep answering.
const cli = (args: string[]) => Bun.spawn([process.execPath, join(ROOT, "pipeline/cli/main.ts"), "sweep", repo, "--kb", cliKb, "--config", cfgPath, "--ladder", "test", "--quiet", ...args]).exited;
await cli([]);
const callsBefore = cfgServer.requests.filter((r) => r.path === "/api/chat").length;
const t1 = performance.now();
await cli([]);
const cliMs = performance.now() - t1;
const cliCalls = cfgServer.requests.filter((r) => r.path === "/api/chat").length - callsBefore;
await cfgServer.stop();

// A long-lived KB: 300 nightly iterations of the same 200 files (60,000 rows), then a re-sweep.
const longKb = tmpDir("scrum-bench-kb-");
{
  const lines = (await Bun.file(join(kb, "scrum_reviews.jsonl")).text()).trim().split("\n").slice(0, FILES);
  const out: string[] = [];
  for (let it = 1; it <= 300; it++) for (const l of lines) out.push(l.replace(/"iter":\d+/, `"iter":${it}`));
  await Bun.write(join(longKb, "scrum_reviews.jsonl"), out.join("\n") + "\n");
}
const long = await timed(DELAY, repo, longKb, false);

const rows = readReviews(kb, () => {}).length;
console.log(JSON.stringify({ files: FILES, concurrency: CONC, delay_ms: DELAY, rows }));
console.log(`200 ms answers: ${slow.ms.toFixed(0)} ms for ${slow.reviewed} files (ideal ${ideal.toFixed(0)} ms, ratio ${(slow.ms / ideal).toFixed(3)}, bound 1.25)`);
console.log(`instant answers: ${fast.ms.toFixed(0)} ms, ${(fast.ms / FILES).toFixed(2)} ms per file (bound 5 ms)`);
console.log(`re-sweep unchanged (in-process): ${again.ms.toFixed(0)} ms, ${again.calls} model calls (bound 2000 ms, 0 calls)`);
console.log(`re-sweep unchanged (CLI, process start included): ${cliMs.toFixed(0)} ms, ${cliCalls} model calls`);
console.log(`re-sweep unchanged over a 60,000-row KB (300 iterations): ${long.ms.toFixed(0)} ms, ${long.calls} model calls`);
