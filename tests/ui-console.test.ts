// CONSOLE's feed: the observer's /ops/stream (Server-Sent Events, resumable by Last-Event-ID), the UI's relay
// that reconnects after the observer restarts, and the sweep progress read from the KB.
import { afterEach, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rung } from "../pipeline/core/config";
import { readSse, type SseEvent } from "../pipeline/core/sse";
import { kbPaths } from "../pipeline/kb/paths";
import { startObserver, type RunningObserver } from "../pipeline/observer/server";
import { ConsoleHub, type ConsoleEvent } from "../pipeline/ui/console-hub";
import { ProgressTail } from "../pipeline/ui/sweep-progress";
import { reviewRow } from "./support/kb-builder";

const dirs: string[] = [];
const observers: RunningObserver[] = [];
afterEach(async () => {
  for (const o of observers.splice(0)) await o.stop().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "ui-console-"));
  dirs.push(d);
  return d;
};
const observe = async (dataDir: string, port = 0, ringSize = 100) => {
  const o = await startObserver({ host: "127.0.0.1", port, dataDir, ringSize, maxBodyBytes: 8192, cycleMs: 600_000, rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {} });
  observers.push(o);
  return o;
};
const post = (o: RunningObserver, file: string, success = true) =>
  fetch(`${o.url}/event`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ source: "scrum", endpoint: "scrum/sweep/ollama", success, file, iter: 2, score: 6, model: "kimi-k2:1t", error: success ? null : "timeout" }) });

/** Collect events from an SSE response until `done` says so (or the time runs out). */
async function collect(res: Response, done: (evs: SseEvent[]) => boolean, ms = 5000): Promise<SseEvent[]> {
  const evs: SseEvent[] = [];
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ms);
  const body = res.body!;
  await Promise.race([
    readSse(body, (e) => {
      evs.push(e);
      if (done(evs)) ctl.abort();
    }).catch(() => {}),
    new Promise((r) => ctl.signal.addEventListener("abort", r)),
  ]);
  clearTimeout(timer);
  await body.cancel().catch(() => {});
  return evs;
}

const until = async (cond: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await Bun.sleep(25);
  }
};

describe("observer /ops/stream", () => {
  test("replays what came after Last-Event-ID, numbered by position in the log, then follows live", async () => {
    const o = await observe(tmp());
    for (const f of ["a.ts", "b.ts", "c.ts"]) await post(o, f);
    const res = await fetch(`${o.url}/ops/stream`, { headers: { "last-event-id": "1" } });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const pending = collect(res, (evs) => evs.filter((e) => e.event === "op").length >= 3);
    await Bun.sleep(100);
    await post(o, "d.ts", false);
    const ops = (await pending).filter((e) => e.event === "op");
    expect(ops.map((e) => [e.id, JSON.parse(e.data).file])).toEqual([["2", "b.ts"], ["3", "c.ts"], ["4", "d.ts"]]);
    expect(JSON.parse(ops[2]!.data)).toMatchObject({ success: false, error: "timeout" });
  });

  test("a client further behind than the ring is told how many it missed", async () => {
    const o = await observe(tmp(), 0, 2);
    for (const f of ["a", "b", "c", "d", "e"]) await post(o, f);
    const evs = await collect(await fetch(`${o.url}/ops/stream?since=0`), (e) => e.filter((x) => x.event === "op").length >= 2);
    expect(evs.find((e) => e.event === "gap")!.data).toBe(JSON.stringify({ missed: 3 }));
    expect(evs.filter((e) => e.event === "op").map((e) => e.id)).toEqual(["4", "5"]);
  });

  test("without a position it sends only new ops; other methods are refused", async () => {
    const o = await observe(tmp());
    await post(o, "old.ts");
    const res = await fetch(`${o.url}/ops/stream`);
    const pending = collect(res, (evs) => evs.some((e) => e.event === "op"));
    await Bun.sleep(100);
    await post(o, "new.ts");
    expect((await pending).filter((e) => e.event === "op").map((e) => JSON.parse(e.data).file)).toEqual(["new.ts"]);
    expect((await fetch(`${o.url}/ops/stream`, { method: "POST" })).status).toBe(405);
  });
});

describe("the console hub", () => {
  test("relays ops and status, and after the observer restarts resumes where it was (nothing lost)", async () => {
    const data = tmp();
    const first = await observe(data);
    const port = first.port;
    const seen: ConsoleEvent[] = [];
    const hub = new ConsoleHub({ observerUrl: first.url, fetch, progress: () => null, retryMs: 50, maxRetryMs: 200, pollMs: 50 });
    const stop = hub.subscribe((e) => seen.push(e));
    try {
      await until(() => seen.some((e) => e.kind === "status" && e.status.state === "up"));
      await post(first, "one.ts");
      await until(() => seen.some((e) => e.kind === "op" && e.op.file === "one.ts"));
      await first.stop();
      observers.splice(observers.indexOf(first), 1);
      await until(() => seen.some((e) => e.kind === "status" && e.status.state === "down"));
      const second = await observe(data, port);
      // Stored before the hub is back: it must arrive through Last-Event-ID, not be skipped.
      await post(second, "two.ts");
      await post(second, "three.ts");
      await until(() => seen.filter((e) => e.kind === "op").length >= 3);
      const ops = seen.filter((e): e is Extract<ConsoleEvent, { kind: "op" }> => e.kind === "op");
      expect(ops.map((e) => [e.op.seq, e.op.file])).toEqual([[1, "one.ts"], [2, "two.ts"], [3, "three.ts"]]);
      expect(seen.filter((e) => e.kind === "status").map((e) => (e as any).status.state)).toEqual(expect.arrayContaining(["up", "down"]));
      // A browser that reconnects with the last id it saw gets only what came after.
      const late: ConsoleEvent[] = [];
      hub.subscribe((e) => late.push(e), ops[1]!.id)();
      expect(late.filter((e) => e.kind === "op").map((e) => (e as any).op.file)).toEqual(["three.ts"]);
    } finally {
      stop();
    }
  }, 30_000);

  test("no observer configured and an unreachable one are statuses, not errors", async () => {
    const none: ConsoleEvent[] = [];
    new ConsoleHub({ fetch, progress: () => null }).subscribe((e) => none.push(e))();
    expect(none[0]).toMatchObject({ kind: "status", status: { state: "none" } });
    const dead: ConsoleEvent[] = [];
    const hub = new ConsoleHub({ observerUrl: "http://127.0.0.1:1", fetch, progress: () => null, retryMs: 50 });
    const stop = hub.subscribe((e) => dead.push(e));
    try {
      await until(() => dead.some((e) => e.kind === "status" && e.status.state === "down"));
      expect((dead.find((e) => e.kind === "status" && e.status.state === "down") as any).status.reason).toContain("unreachable");
    } finally {
      stop();
    }
  });
});

describe("sweep progress from the KB", () => {
  const run = (run_id: string, iter: number, phase: "start" | "end", extra: object = {}) =>
    JSON.stringify({ schema_version: 1, run_id, phase, iter, repo: "/r", commit: "c", ladder: "offline", prompt: { name: "p", sha256: "a".repeat(64) }, policy_version: "1", files_planned: 4, created_at: `2026-11-2${iter}T03:00:00.000Z`, ...extra }) + "\n";
  const rows = (run_id: string, iter: number, files: string[], status: "accepted" | "failed" = "accepted") =>
    files.map((file) => JSON.stringify(reviewRow({ run_id, iter, file, status })) + "\n").join("");

  test("counts the running sweep's files as rows are appended, not earlier runs, and sees it end", () => {
    const kb = tmp();
    const p = kbPaths(kb);
    writeFileSync(p.runs, run("r1", 1, "start") + run("r1", 1, "end"));
    writeFileSync(p.reviews, rows("r1", 1, ["a.ts", "b.ts", "c.ts"]));
    const tail = new ProgressTail(kb);
    expect(tail.poll()).toMatchObject({ run_id: "r1", files: 3, ended_at: expect.any(String) });
    appendFileSync(p.runs, run("r2", 2, "start"));
    appendFileSync(p.reviews, rows("r2", 2, ["a.ts", "ü/ß.ts"]));
    expect(tail.poll()).toMatchObject({ run_id: "r2", iter: 2, planned: 4, files: 2, chunks: 2, last_file: "ü/ß.ts", ended_at: null });
    appendFileSync(p.reviews, rows("r2", 2, ["c.ts"], "failed") + '{"run_id":"r2","file":"torn');
    expect(tail.poll()).toMatchObject({ files: 3, failed_chunks: 1, last_file: "c.ts" });
    appendFileSync(p.reviews, 'tail.ts"}\n');
    appendFileSync(p.runs, run("r2", 2, "end", { interrupted: true }));
    expect(tail.poll()).toMatchObject({ files: 4, ended_at: "2026-11-22T03:00:00.000Z", interrupted: true });
  });

  test("a UI started in the middle of a run finds where the run's rows begin", () => {
    const kb = tmp();
    const p = kbPaths(kb);
    writeFileSync(p.runs, run("r1", 1, "start") + run("r1", 1, "end") + run("r2", 2, "start"));
    writeFileSync(p.reviews, rows("r1", 1, Array.from({ length: 500 }, (_, i) => `old${i}.ts`)) + rows("r2", 2, ["x.ts", "y.ts"]));
    expect(new ProgressTail(kb).poll()).toMatchObject({ run_id: "r2", files: 2 });
    expect(new ProgressTail(tmp()).poll()).toBeNull();
  });
});
