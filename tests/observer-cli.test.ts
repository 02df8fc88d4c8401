// `scrum observe` from the command line: the bind policy, flag errors, and a real server with a key.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Rung } from "../pipeline/core/config";
import { apiKeyFor } from "../pipeline/observer/listen-policy";
import { startObserver } from "../pipeline/observer/server";
import { ObserverClient } from "../pipeline/sweep/observer-client";
import { spawnObserver } from "./fixtures/observer/crash-load";

const ROOT = resolve(import.meta.dir, "..");
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "obs-cli-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function scrum(args: string[], env: Record<string, string> = {}) {
  const e = { ...process.env, ...env };
  if (!("SCRUM_OBSERVER_KEY" in env)) delete e.SCRUM_OBSERVER_KEY;
  const p = Bun.spawnSync([process.execPath, join(ROOT, "pipeline/cli/main.ts"), ...args], { cwd: ROOT, env: e, stdout: "pipe", stderr: "pipe", timeout: 15_000 });
  return { code: p.exitCode, err: p.stderr.toString() };
}

describe("I/O failures are one-line errors, not internal errors", () => {
  test("a data directory that cannot be created is an input error (exit 2)", () => {
    const r = scrum(["observe", "--port", "0", "--data", "/proc/nope/data"]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("cannot use data directory /proc/nope/data");
    expect(r.err).not.toContain("internal error");
  });

  test("a data path that is a file is an input error too", () => {
    writeFileSync(join(dir, "f"), "x");
    const r = scrum(["observe", "--port", "0", "--data", join(dir, "f")]);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain("internal error");
  });

  test("a port in use is a runtime error that says so, for observe and ui", async () => {
    const busy = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response("busy") });
    try {
      for (const args of [["observe", "--port", String(busy.port), "--data", join(dir, "d")], ["ui", "--port", String(busy.port), "--kb", join(dir, "kb"), "--repo", dir]]) {
        const r = scrum(args);
        expect(r.code).toBe(1);
        expect(r.err).toContain(`127.0.0.1:${busy.port}: the port is in use`);
        expect(r.err).not.toContain("internal error");
      }
    } finally {
      busy.stop(true);
    }
  });
});

describe("scrum observe", () => {
  test("refuses a non-loopback bind without an API key: exit 2, one line", () => {
    const r = scrum(["observe", "--host", "0.0.0.0", "--port", "0", "--data", join(dir, "d")]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("SCRUM_OBSERVER_KEY");
  });

  test("a bad port is a usage error", () => {
    const r = scrum(["observe", "--port", "http", "--data", join(dir, "d")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--port");
  });

  test("the bind policy: loopback is open, other addresses need the key", () => {
    expect(apiKeyFor("127.0.0.1", {}, "K")).toBeUndefined();
    expect(apiKeyFor("::1", {}, "K")).toBeUndefined();
    expect(() => apiKeyFor("0.0.0.0", {}, "K")).toThrow("refusing to bind 0.0.0.0");
    expect(() => apiKeyFor("192.168.1.4", { K: "  " }, "K")).toThrow();
    expect(apiKeyFor("0.0.0.0", { K: "abc" }, "K")).toBe("abc");
    expect(apiKeyFor("127.0.0.1", { K: "abc" }, "K")).toBe("abc");
  });

  test("a running observer with a key on loopback guards everything but /health, and ingests corrections", async () => {
    const corrections = join(dir, "corrections.jsonl");
    writeFileSync(corrections, JSON.stringify({ correction: "check the city", task_class: "fill" }) + "\n");
    const obs = await startObserver({
      host: "127.0.0.1", port: 0, dataDir: join(dir, "d"), ringSize: 100, maxBodyBytes: 4096, apiKey: "k-123", cycleMs: 60_000,
      corrections, rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {},
    });
    try {
      expect((await fetch(`${obs.url}/health`)).status).toBe(200);
      expect((await fetch(`${obs.url}/stats`)).status).toBe(401);
      const res = await fetch(`${obs.url}/event`, { method: "POST", headers: { authorization: "Bearer k-123", "content-type": "application/json" }, body: JSON.stringify({ endpoint: "/fill", success: false, error: "no staffer 12" }) });
      expect(res.status).toBe(200);
      appendFileSync(corrections, JSON.stringify({ correction: "second", task_class: "fill" }) + "\n");
      await obs.pollCorrections();
      const stats = (await (await fetch(`${obs.url}/stats`, { headers: { "x-api-key": "k-123" } })).json()) as any;
      expect(stats.by_source).toEqual({ overseer: 2, scenario: 1 });
      const r = await obs.cycle();
      expect(r).toMatchObject({ analyses: 1, mode: "offline" });
      const after = (await (await fetch(`${obs.url}/stats`, { headers: { "x-api-key": "k-123" } })).json()) as any;
      expect(after.analyses[0].error_pattern).toBe("no staffer <n>");
    } finally {
      await obs.stop();
    }
  });

  test("SIGTERM shuts the observer down cleanly with exit 0, keeping what it stored", async () => {
    const child = await spawnObserver(join(dir, "d"));
    const res = await fetch(`${child.url}/event`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: "/x", success: true }) });
    expect(res.status).toBe(200);
    child.proc.kill("SIGTERM");
    expect(await child.proc.exited).toBe(0);
    expect(readFileSync(join(dir, "d", "ops.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
  });

  test("the sweep's fire-and-forget client is accepted as a scrum operation", async () => {
    const obs = await startObserver({
      host: "127.0.0.1", port: 0, dataDir: join(dir, "d"), ringSize: 100, maxBodyBytes: 4096, cycleMs: 60_000,
      rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {},
    });
    try {
      const client = new ObserverClient(obs.url, 2000);
      client.post({ source: "scrum", timestamp: new Date().toISOString(), endpoint: "review", input_summary: "src/a.ts", success: true, duration_ms: 812, output_summary: "concerns 6.5", error: null, file: "src/a.ts", iter: 2, score: 6.5, model: "kimi-k2:1t" });
      await client.flush();
      expect(client.sent).toBe(1);
      expect(obs.state.recent("scrum", 1)[0]).toMatchObject({ file: "src/a.ts", iter: 2, score: 6.5, model: "kimi-k2:1t" });
    } finally {
      await obs.stop();
    }
  });
});
