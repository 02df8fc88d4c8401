// The observer's fetch handler, called directly (no port): routes, validation, limits and the API key.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createObserverApp } from "../pipeline/observer/app";
import type { OpRow } from "../pipeline/observer/event";
import { OpState } from "../pipeline/observer/op-state";
import { OpStore } from "../pipeline/observer/op-store";

const NOW = new Date("2026-11-20T08:00:00.000Z");
let dir: string;
let store: OpStore;
let state: OpState;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "obs-app-"));
  state = new OpState(5);
  store = await OpStore.open(join(dir, "ops.jsonl"), { onRow: (r) => state.record(r), warn: () => {} });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function app(extra: { apiKey?: string; append?: (r: OpRow) => Promise<void>; maxBodyBytes?: number } = {}) {
  return createObserverApp({ state, append: extra.append ?? ((r) => store.append(r)), maxBodyBytes: extra.maxBodyBytes ?? 2048, apiKey: extra.apiKey, now: () => NOW });
}
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://o/event", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("observer app", () => {
  test("health answers ok with the ring size", async () => {
    const res = await app().fetch(new Request("http://o/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", ops_in_ring: 0 });
  });

  test("an accepted event is counted, stamped and listed under its source", async () => {
    const a = app();
    const ok = await a.fetch(post({ endpoint: "/match", success: true, duration_ms: 12, input_summary: "q1" }));
    expect(ok.status).toBe(200);
    const sweep = await a.fetch(post({ source: "scrum", endpoint: "review", success: false, error: "timeout", file: "src/a.ts", iter: 2, score: 4.5, model: "kimi-k2:1t" }));
    expect(sweep.status).toBe(200);
    const stats = (await (await a.fetch(new Request("http://o/stats"))).json()) as any;
    expect(stats.total).toBe(2);
    expect(stats.successes).toBe(1);
    expect(stats.failures).toBe(1);
    expect(stats.by_source).toEqual({ scenario: 1, scrum: 1 });
    expect(stats.recent.scenario[0].timestamp).toBe(NOW.toISOString());
    expect(stats.recent.scrum[0]).toMatchObject({ file: "src/a.ts", iter: 2, score: 4.5, model: "kimi-k2:1t" });
  });

  test("malformed JSON is refused with 400 and a reason, and is not stored", async () => {
    const a = app();
    const res = await a.fetch(post("{not json"));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toContain("not valid JSON");
    expect(state.totals.total).toBe(0);
  });

  test("a body that fails the schema names the field", async () => {
    const res = await app().fetch(post({ endpoint: "/x", success: "yes" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toMatch(/^success: /);
    const arr = await app().fetch(post([1, 2]));
    expect(arr.status).toBe(400);
  });

  test("an oversized body gets 413, declared or streamed", async () => {
    const big = JSON.stringify({ endpoint: "/x", success: true, input_summary: "x".repeat(3000) });
    expect((await app().fetch(post(big))).status).toBe(413);
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
    const req = new Request("http://o/event", { method: "POST", body: stream, headers: { "content-type": "application/json" } });
    expect((await app().fetch(req)).status).toBe(413);
    expect(state.totals.total).toBe(0);
  });

  test("a storage failure answers 503 and the event is not counted", async () => {
    const res = await app({ append: () => Promise.reject(new Error("disk full")) }).fetch(post({ endpoint: "/x", success: true }));
    expect(res.status).toBe(503);
    expect(state.totals.total).toBe(0);
  });

  test("with a key: health stays open, everything else needs x-api-key or Bearer", async () => {
    const a = app({ apiKey: "s3cret-key" });
    expect((await a.fetch(new Request("http://o/health"))).status).toBe(200);
    expect((await a.fetch(new Request("http://o/stats"))).status).toBe(401);
    expect((await a.fetch(new Request("http://o/stats", { headers: { "x-api-key": "wrong" } }))).status).toBe(401);
    expect((await a.fetch(new Request("http://o/stats", { headers: { "x-api-key": "s3cret-key" } }))).status).toBe(200);
    expect((await a.fetch(new Request("http://o/stats", { headers: { authorization: "Bearer s3cret-key" } }))).status).toBe(200);
    expect((await a.fetch(post({ endpoint: "/x", success: true }))).status).toBe(401);
    expect((await a.fetch(post({ endpoint: "/x", success: true }, { "x-api-key": "s3cret-key" }))).status).toBe(200);
  });

  test("unknown routes and wrong methods are refused", async () => {
    expect((await app().fetch(new Request("http://o/nope"))).status).toBe(404);
    expect((await app().fetch(new Request("http://o/event"))).status).toBe(405);
  });

  test("the ring keeps the newest rows while totals count them all", async () => {
    const a = app();
    for (let i = 0; i < 8; i++) expect((await a.fetch(post({ endpoint: "/x", success: i % 2 === 0, input_summary: `id-${i}` }))).status).toBe(200);
    const stats = (await (await a.fetch(new Request("http://o/stats"))).json()) as any;
    expect(stats.total).toBe(8);
    expect(stats.ops_in_ring).toBe(5);
    expect(stats.recent.scenario.map((r: OpRow) => r.input_summary)).toEqual(["id-7", "id-6", "id-5", "id-4", "id-3"]);
  });
});

describe("long free text", () => {
  test("an over-long error is clipped, not refused, and stays stable when the log is replayed", async () => {
    const a = createObserverApp({ state, append: (r) => store.append(r), maxBodyBytes: 64 * 1024, now: () => NOW });
    const res = await a.fetch(post({ endpoint: "/x", success: false, error: "E".repeat(10_000) }));
    expect(res.status).toBe(200);
    const stored = state.recent("scenario", 1)[0]!;
    expect(stored.error!.length).toBe(4096);
    expect(stored.error!.endsWith("…")).toBe(true);
    const { OpRow } = await import("../pipeline/observer/event");
    expect(OpRow.parse(JSON.parse(JSON.stringify(stored))).error).toBe(stored.error);
  });
});

describe("cross-site writes and DNS rebinding", () => {
  test("an event that is not application/json is refused with 415 and not stored", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const req = new Request("http://o/event", { method: "POST", headers: type ? { "content-type": type } : {}, body: JSON.stringify({ endpoint: "/x", success: true }) });
      if (!type) req.headers.delete("content-type");
      expect((await app().fetch(req)).status).toBe(415);
    }
    expect((await app().fetch(post({ endpoint: "/x", success: true }, { "content-type": "application/json; charset=utf-8" }))).status).toBe(200);
    expect(state.totals.total).toBe(1);
  });

  test("a foreign Origin is refused with 403; our own origin and no Origin pass", async () => {
    expect((await app().fetch(post({ endpoint: "/x", success: true }, { origin: "https://evil.example" }))).status).toBe(403);
    expect((await app().fetch(post({ endpoint: "/x", success: true }, { origin: "null" }))).status).toBe(403);
    expect((await app().fetch(post({ endpoint: "/x", success: true }, { origin: "http://o" }))).status).toBe(200);
    expect(state.totals.total).toBe(1);
  });

  test("a loopback-bound observer answers only to its own Host names and port", async () => {
    const { hostGuard } = await import("../pipeline/observer/host-guard");
    const ok = hostGuard("127.0.0.1", () => 3800);
    for (const h of ["127.0.0.1:3800", "localhost:3800", "[::1]:3800", "LOCALHOST:3800"]) expect(ok(h)).toBe(true);
    for (const h of ["evil.example:3800", "127.0.0.1:80", "127.0.0.1", "localhost.:3800", "127.0.0.1.nip.io:3800", "a@127.0.0.1:3800", null, ""]) expect(ok(h)).toBe(false);
    expect(hostGuard("::1", () => 9)("[::1]:9")).toBe(true);
    expect(hostGuard("0.0.0.0", () => 9)("anything.example")).toBe(true);
    const a = createObserverApp({ state, append: (r) => store.append(r), maxBodyBytes: 2048, now: () => NOW, allowHost: ok });
    expect((await a.fetch(new Request("http://evil.example:3800/stats", { headers: { host: "evil.example:3800" } }))).status).toBe(421);
    expect((await a.fetch(new Request("http://127.0.0.1:3800/stats", { headers: { host: "127.0.0.1:3800" } }))).status).toBe(200);
  });

  test("the real server refuses a rebinding Host and a cross-site text/plain post", async () => {
    const { startObserver } = await import("../pipeline/observer/server");
    const { Rung } = await import("../pipeline/core/config");
    const { connect } = await import("node:net");
    const obs = await startObserver({ host: "127.0.0.1", port: 0, dataDir: join(dir, "srv"), ringSize: 5, maxBodyBytes: 2048, cycleMs: 60_000, rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {} });
    const raw = (head: string) => new Promise<string>((resolve, reject) => {
      const sock = connect(obs.port, "127.0.0.1", () => sock.write(head));
      let out = "";
      sock.on("data", (d) => (out += d));
      sock.on("end", () => resolve(out));
      sock.on("error", reject);
    });
    try {
      expect(await raw(`GET /stats HTTP/1.1\r\nHost: rebind.example:${obs.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1.1 421/);
      expect(await raw(`GET /stats HTTP/1.1\r\nHost: localhost:${obs.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1.1 200/);
      const body = JSON.stringify({ endpoint: "/x", success: true });
      const res = await fetch(`${obs.url}/event`, { method: "POST", headers: { "content-type": "text/plain", origin: "https://evil.example" }, body });
      expect(res.status).toBe(415);
      const cors = await fetch(`${obs.url}/event`, { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body });
      expect(cors.status).toBe(403);
      expect(obs.state.totals.total).toBe(0);
    } finally {
      await obs.stop();
    }
  });
});
