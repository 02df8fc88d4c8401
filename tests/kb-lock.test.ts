// KB lock liveness: a lock held by a dead process, a zombie or a reused pid is taken over; a live holder blocks.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { processAlive, processInfo } from "../pipeline/core/liveness";
import { holderAlive, lockKb, readHolder } from "../pipeline/kb/lock";
import { readReviews } from "../pipeline/kb/read-kb";
import { startModelServer } from "./support/model-server";
import { answer, ROOT, testConfig } from "./support/sweep-harness";
import { gitRepo, tmpDir } from "./support/tmp-repo";

const spawned: { kill: (s?: number | NodeJS.Signals) => void }[] = [];
afterAll(() => { for (const p of spawned) try { p.kill("SIGKILL"); } catch { /* already gone */ } });

const lockPath = (kb: string) => join(kb, ".sweep.lock");
const waitFor = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await Bun.sleep(20);
  return ok();
};

/** A real zombie: bash starts a short sleep, then execs into a long sleep that never reaps it. */
async function zombie(): Promise<number> {
  const parent = Bun.spawn(["bash", "-c", "sleep 0.05 & echo $!; exec sleep 30"], { stdout: "pipe" });
  spawned.push(parent);
  const reader = parent.stdout.getReader();
  const { value } = await reader.read();
  const pid = Number(new TextDecoder().decode(value).trim());
  expect(await waitFor(() => processInfo(pid)?.state === "Z")).toBe(true);
  return pid;
}

describe("KB lock liveness", () => {
  test("a lock held by a zombie is taken over (old pid-only lock and new JSON lock alike)", async () => {
    const pid = await zombie();
    // kill(pid, 0) still succeeds for a zombie: that is what used to block a resume.
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(processAlive(pid)).toBe(false);
    for (const text of [`${pid}\n`, JSON.stringify({ pid, start: processInfo(pid)!.start, host: hostname(), since: "x" })]) {
      const kb = tmpDir("scrum-lock-");
      writeFileSync(lockPath(kb), text);
      const release = lockKb(kb);
      expect(readHolder(readFileSync(lockPath(kb), "utf8"))!.pid).toBe(process.pid);
      release();
      expect(existsSync(lockPath(kb))).toBe(false);
    }
  });

  test("a lock held by a dead, reaped process is taken over", async () => {
    const p = Bun.spawn(["true"]);
    await p.exited;
    const kb = tmpDir("scrum-lock-");
    writeFileSync(lockPath(kb), JSON.stringify({ pid: p.pid, start: "1", host: hostname(), since: "x" }));
    lockKb(kb)();
  });

  test("a live holder blocks; the same pid with another start time is a reused pid and is taken over", async () => {
    const live = Bun.spawn(["sleep", "30"]);
    spawned.push(live);
    await waitFor(() => processInfo(live.pid) !== null);
    const kb = tmpDir("scrum-lock-");
    const start = processInfo(live.pid)!.start;
    writeFileSync(lockPath(kb), JSON.stringify({ pid: live.pid, start, host: hostname(), since: "x" }));
    expect(() => lockKb(kb)).toThrow(`another sweep (pid ${live.pid}) is writing to ${kb}`);
    writeFileSync(lockPath(kb), `${live.pid}\n`);
    expect(() => lockKb(kb)).toThrow("another sweep");
    writeFileSync(lockPath(kb), JSON.stringify({ pid: live.pid, start: `${start}0`, host: hostname(), since: "x" }));
    lockKb(kb)();
    live.kill("SIGKILL");
  });

  test("a lock from another host cannot be checked here and blocks, naming the host", () => {
    const kb = tmpDir("scrum-lock-");
    writeFileSync(lockPath(kb), JSON.stringify({ pid: 999_999, start: "1", host: "build-7", since: "x" }));
    expect(holderAlive({ pid: 999_999, start: "1", host: "build-7", since: "x" })).toBe(true);
    expect(() => lockKb(kb)).toThrow("(pid 999999 on build-7)");
  });

  test("release leaves a lock another sweep took over in place", () => {
    const kb = tmpDir("scrum-lock-");
    const release = lockKb(kb, process.pid);
    writeFileSync(lockPath(kb), JSON.stringify({ pid: 424242, start: null, host: hostname(), since: "x" }));
    release();
    expect(existsSync(lockPath(kb))).toBe(true);
  });
});

describe("kill -9 of a running sweep under the npx wrapper", () => {
  const server = startModelServer({ script: () => ({ text: answer({ score: 7 }), delayMs: 150 }) });
  afterAll(async () => (await server).stop());

  function sweepVia(wrapper: boolean, repo: string, kb: string, cfg: string) {
    const args = ["sweep", repo, "--kb", kb, "--config", cfg, "--ladder", "test", "--iter", "1", "--concurrency", "1", "--json"];
    const cmd = wrapper ? ["node", join(ROOT, "bin/scrum.cjs"), ...args] : [process.execPath, join(ROOT, "pipeline/cli/main.ts"), ...args];
    const p = Bun.spawn(cmd, { cwd: ROOT, stdout: "pipe", stderr: "pipe", env: { ...process.env, SCRUM_OBSERVER_URL: "" } });
    spawned.push(p);
    return p;
  }

  test("the killed sweep's process is a zombie holding the lock; a resume started at once takes over and completes", async () => {
    const { url } = await server;
    const N = 10;
    const repo = gitRepo(Object.fromEntries(Array.from({ length: N }, (_, i) => [`m${i}.ts`, `export const v${i} = ${i};\n`])));
    const kb = tmpDir("scrum-kb-");
    const cfg = join(tmpDir(), "scrum.config.yaml");
    writeFileSync(cfg, stringify(testConfig([{ provider: "ollama", model: "m1", host: url }])));
    const reviews = join(kb, "scrum_reviews.jsonl");

    const first = sweepVia(true, repo, kb, cfg);
    expect(await waitFor(() => existsSync(reviews) && readFileSync(reviews, "utf8").split("\n").length > 3, 30_000)).toBe(true);
    const holder = readHolder(readFileSync(lockPath(kb), "utf8"))!;
    // Freeze the wrapper so it cannot reap its child, then kill -9 the sweep: its pid stays a zombie.
    process.kill(first.pid, "SIGSTOP");
    process.kill(holder.pid, "SIGKILL");
    expect(await waitFor(() => processInfo(holder.pid)?.state === "Z")).toBe(true);
    expect(existsSync(lockPath(kb))).toBe(true);

    // A live sweep still blocks: start one, and while it holds the lock a second is refused.
    const resume = sweepVia(false, repo, kb, cfg);
    // The lock file is replaced during the takeover: absent for a moment is "not yet", not a failure.
    const holderPid = () => { try { return readHolder(readFileSync(lockPath(kb), "utf8"))?.pid; } catch { return undefined; } };
    expect(await waitFor(() => holderPid() === resume.pid, 15_000)).toBe(true);
    const blocked = sweepVia(false, repo, kb, cfg);
    expect(await blocked.exited).toBe(1);
    expect(await new Response(blocked.stderr).text()).toContain(`another sweep (pid ${resume.pid}) is writing`);

    expect(await resume.exited).toBe(0);
    const summary = JSON.parse(await new Response(resume.stdout).text());
    expect(summary.reviewed).toBe(N);
    const rows = readReviews(kb, () => {}).filter((r) => r.iter === 1);
    expect(new Set(rows.map((r) => r.file)).size).toBe(N);
    expect(rows).toHaveLength(N);
    expect(existsSync(lockPath(kb))).toBe(false);
    first.kill("SIGKILL");
    process.kill(first.pid, "SIGCONT");
  }, 90_000);
});
