// Run the real sweep in-process against the model server: a config with test ladders, a captured Io.
import { join } from "node:path";
import type { Io } from "../../pipeline/cli/command";
import { loadConfig } from "../../pipeline/cli/load-config";
import { Config, type Rung } from "../../pipeline/core/config";
import { readReviews, readTrust } from "../../pipeline/kb/read-kb";
import { runSweep, type SweepOptions } from "../../pipeline/sweep/run-sweep";
import type { SweepSummary } from "../../pipeline/sweep/summary";
import { tmpDir } from "./tmp-repo";

export const ROOT = join(import.meta.dir, "..", "..");

export function testConfig(rungs: Partial<Rung>[], over: Record<string, unknown> = {}): Config {
  const base = loadConfig({ cwd: ROOT }).config;
  return Config.parse({
    ...base,
    ladder: "test",
    ladders: { test: rungs.map((r) => ({ timeoutMs: 2000, retries: 0, ...r })), offline: [{ provider: "static" }] },
    retry: { ...base.retry, baseMs: 1, maxMs: 5000 },
    ...over,
  });
}

export function answer(o: Partial<{ verdict: string; score: number; confidence: number; critical_failures: unknown[]; verified_components: unknown[]; static_claims: unknown[] }> = {}): string {
  return JSON.stringify({ verdict: "concerns", score: 6, confidence: 0.8, critical_failures: [], verified_components: [], missing_components: [], summary: "reviewed", ...o });
}

export function captureIo(cwd = ROOT, env: Record<string, string | undefined> = {}): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env, isTTY: false, stdout, stderr };
}

export async function sweep(repo: string, config: Config, extra: Partial<SweepOptions> & { kbDir?: string } = {}) {
  const kbDir = extra.kbDir ?? tmpDir("scrum-kb-");
  const io = captureIo();
  const sleeps: number[] = [];
  const outcome = await runSweep(
    { repo, kbDir, config, ladder: "test", quiet: true, retryDeps: { sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5 }, ...extra },
    io,
  );
  if (outcome.kind !== "summary") throw new Error("expected a summary");
  return { summary: outcome.summary as SweepSummary, rows: readReviews(kbDir, () => {}), trust: readTrust(kbDir, () => {}), kbDir, sleeps, io };
}
