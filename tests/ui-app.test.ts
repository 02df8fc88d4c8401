// The control plane's fetch handler: each view's data, read-only methods, path traversal, and the observer feed.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../pipeline/cli/load-config";
import { Rung } from "../pipeline/core/config";
import { kbPaths } from "../pipeline/kb/paths";
import { startObserver, type RunningObserver } from "../pipeline/observer/server";
import { createUiApp } from "../pipeline/ui/app";
import { kbLoader } from "../pipeline/ui/kb-cache";
import { fetchObserverStats } from "../pipeline/ui/observer-feed";
import { startUi, type RunningUi } from "../pipeline/ui/server";
import { buildUiFixture, type UiFixture } from "./fixtures/observer/ui-kb";

const { config } = loadConfig({ cwd: join(import.meta.dir, "..") });
let fx: UiFixture;
let app: ReturnType<typeof createUiApp>;
beforeAll(() => {
  fx = buildUiFixture(mkdtempSync(join(tmpdir(), "ui-app-")));
  writeFileSync(join(fx.repo, ".env"), "API_KEY=do-not-serve\n");
  app = createUiApp({ loadKb: kbLoader(fx.kb, () => {}), kbDir: fx.kb, repoDir: fx.repo, signals: config.signals, observer: async () => ({ ok: false, url: null, reason: "none" }) });
});
afterAll(() => rmSync(fx.root, { recursive: true, force: true }));

const get = async (path: string) => {
  const res = await app.fetch(new Request(`http://ui${path}`));
  return { status: res.status, body: (res.headers.get("content-type")?.startsWith("application/json") ? await res.json() : await res.text()) as any, headers: res.headers };
};

describe("ui views", () => {
  test("map lists each file once with its latest score and signal", async () => {
    const { body } = await get("/api/map");
    expect(body.iterations).toEqual([1, 2, 3]);
    const byFile = Object.fromEntries(body.files.map((f: any) => [f.file, f]));
    expect(byFile["src/auth/login.ts"]).toMatchObject({ iter: 3, score: 7.5, signal: "CONVERGING" });
    expect(byFile["src/util/math.ts"]).toMatchObject({ signal: "REGRESSING" });
    expect(byFile["src/api/handler.ts"].signal).toBe("LOOPING");
  });

  test("trace follows one file across iterations; an unknown file is 404", async () => {
    const { body } = await get(`/api/trace?file=${encodeURIComponent("src/auth/login.ts")}`);
    expect(body.iterations.map((i: any) => [i.iter, i.score, i.criticals])).toEqual([[1, 3, 2], [2, 5, 1], [3, 7.5, 0]]);
    expect(body.iterations[0].chunks[0].prompt.name).toBe("forensic");
    expect((await get("/api/trace?file=nope.ts")).status).toBe(404);
    expect((await get("/api/trace")).status).toBe(400);
  });

  test("metrics carry every figure with its meaning and what good looks like", async () => {
    const { body } = await get("/api/metrics?from=1&to=3");
    expect(body.compare).toMatchObject({ from: 1, to: 3 });
    for (const f of body.figures) {
      expect(f.meaning.length).toBeGreaterThan(10);
      expect(f.good.length).toBeGreaterThan(5);
      expect(f.value).toBeTruthy();
    }
    expect(body.figures.find((f: any) => f.id === "bar_raised").value).toContain("yes");
    expect((await get("/api/metrics?from=9")).status).toBe(400);
    expect((await get("/api/metrics?from=x")).status).toBe(400);
  });

  test("kb filters and pages rows and never ships the raw answer", async () => {
    const { body } = await get("/api/kb?status=failed");
    expect(body.total).toBe(1);
    expect(body.rows[0]).toMatchObject({ file: "lib/legacy.py", iter: 1 });
    expect(body.rows[0].raw_answer).toBeUndefined();
    const page = (await get("/api/kb?limit=4&offset=12")).body;
    expect(page.rows).toHaveLength(3);
  });

  test("the page and its assets are served with a strict content security policy", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("/assets/app.js");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await get("/assets/app.js")).status).toBe(200);
  });

  test("only GET: writes are refused", async () => {
    expect((await app.fetch(new Request("http://ui/api/kb", { method: "POST", body: "{}" }))).status).toBe(405);
  });
});

describe("nothing outside the KB and the repository is served", () => {
  const source = (p: string) => get(`/api/source?path=${p}`);
  test("a reviewed file inside the repository is served", async () => {
    const { status, body } = await source("src/util/math.ts");
    expect(status).toBe(200);
    expect(body.text).toContain("export const add");
  });
  test.each([
    ["../secret.txt"], ["..%2Fsecret.txt"], ["%2e%2e%2Fsecret.txt"], ["%252e%252e%252Fsecret.txt"], ["src%2F..%2F..%2Fsecret.txt"],
    ["%2Fetc%2Fpasswd"], ["..%5C..%5Csecret.txt"], ["C:%5Cwindows%5Cwin.ini"],
  ])("%s is refused", async (p) => {
    const r = await source(p);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(r.body)).not.toContain("TOP SECRET");
  });
  test("a reviewed path that is a symlink out of the repository is refused", async () => {
    const r = await source("leak.ts");
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).not.toContain("TOP SECRET");
  });
  test("a file inside the repository the KB never reviewed is not served", async () => {
    expect((await source(".env")).status).toBe(404);
  });
  test("raw KB files come from an allow-list only", async () => {
    expect((await get("/api/kb-file?name=scrum_reviews.jsonl")).status).toBe(200);
    for (const n of ["../secret.txt", "..%2Fsecret.txt", fx.secret]) expect((await get(`/api/kb-file?name=${encodeURIComponent(n)}`)).status).toBe(404);
  });
});

describe("the real server", () => {
  let ui: RunningUi;
  beforeAll(() => (ui = startUi({ loadKb: kbLoader(fx.kb, () => {}), kbDir: fx.kb, repoDir: fx.repo, signals: config.signals, observer: async () => ({ ok: false, url: null, reason: "none" }) }, { host: "127.0.0.1", port: 0 })));
  afterAll(() => ui.stop());

  /** Send a raw request line so no client normalises the path first. */
  const raw = (path: string, host?: string) => new Promise<string>((resolve, reject) => {
    const sock = connect(ui.port, "127.0.0.1", () => sock.write(`GET ${path} HTTP/1.1\r\nHost: ${host ?? `127.0.0.1:${ui.port}`}\r\nConnection: close\r\n\r\n`));
    let out = "";
    sock.on("data", (d) => (out += d));
    sock.on("end", () => resolve(out));
    sock.on("error", reject);
  });

  test.each([["/../secret.txt"], ["/assets/../../secret.txt"], ["/assets/%2e%2e/%2e%2e/secret.txt"], ["/%2e%2e/%2e%2e/etc/passwd"], ["//etc/passwd"], [`/${"x/".repeat(3)}..%2f..%2f..%2fsecret.txt`]])(
    "raw request %s does not leak", async (p) => {
      const res = await raw(p);
      expect(res).toMatch(/^HTTP\/1.1 (400|403|404)/);
      expect(res).not.toContain("TOP SECRET");
      expect(res).not.toContain("root:");
    });

  test("a DNS-rebinding Host is refused with 421; the loopback names are served", async () => {
    expect(await raw("/api/map", `rebind.example:${ui.port}`)).toMatch(/^HTTP\/1.1 421/);
    expect(await raw("/api/map", "x")).toMatch(/^HTTP\/1.1 421/);
    for (const h of [`localhost:${ui.port}`, `127.0.0.1:${ui.port}`]) expect(await raw("/api/map", h)).toMatch(/^HTTP\/1.1 200/);
  });
});

describe("observer feed", () => {
  let obs: RunningObserver;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ui-obs-"));
    obs = await startObserver({ host: "127.0.0.1", port: 0, dataDir: dir, ringSize: 50, maxBodyBytes: 4096, apiKey: "k", cycleMs: 60_000, rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {} });
    await fetch(`${obs.url}/event`, { method: "POST", headers: { "x-api-key": "k", "content-type": "application/json" }, body: JSON.stringify({ source: "scrum", endpoint: "review", success: true, file: "src/a.ts", iter: 1, score: 7 }) });
  });
  afterAll(async () => {
    await obs.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("reads /stats with the key", async () => {
    const feed = await fetchObserverStats(obs.url, { fetch, timeoutMs: 2000, apiKey: "k" });
    expect(feed.ok).toBe(true);
    expect((feed as any).stats.recent.scrum[0]).toMatchObject({ file: "src/a.ts", score: 7 });
  });
  test("a wrong key, a dead port and no URL each degrade to a reason", async () => {
    expect(await fetchObserverStats(obs.url, { fetch, timeoutMs: 2000 })).toMatchObject({ ok: false, reason: "observer answered HTTP 401" });
    const dead = await fetchObserverStats("http://127.0.0.1:1", { fetch, timeoutMs: 2000 });
    expect(dead.ok).toBe(false);
    expect((dead as any).reason).toContain("unreachable");
    expect((await fetchObserverStats(undefined, { fetch, timeoutMs: 10 })).ok).toBe(false);
  });
});

describe("API key", () => {
  const keyed = () => createUiApp({ loadKb: kbLoader(fx.kb, () => {}), kbDir: fx.kb, repoDir: fx.repo, signals: config.signals, apiKey: "ui-k3y", observer: async () => ({ ok: false, url: null, reason: "none" }) });
  test("with a key every route needs it, and a browser is asked for Basic auth", async () => {
    const a = keyed();
    const none = await a.fetch(new Request("http://ui/"));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Basic");
    expect((await a.fetch(new Request("http://ui/api/source?path=src/util/math.ts"))).status).toBe(401);
    const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}` });
    expect((await a.fetch(new Request("http://ui/api/map", { headers: basic("lead", "wrong") }))).status).toBe(401);
    expect((await a.fetch(new Request("http://ui/api/map", { headers: basic("lead", "ui-k3y") }))).status).toBe(200);
    expect((await a.fetch(new Request("http://ui/api/map", { headers: { "x-api-key": "ui-k3y" } }))).status).toBe(200);
    expect((await a.fetch(new Request("http://ui/api/map", { headers: { authorization: "Bearer ui-k3y" } }))).status).toBe(200);
  });

  test("scrum ui refuses a non-loopback bind without SCRUM_UI_KEY: exit 2, one line", () => {
    const env = { ...process.env };
    delete env.SCRUM_UI_KEY;
    const p = Bun.spawnSync([process.execPath, join(import.meta.dir, "..", "pipeline/cli/main.ts"), "ui", "--host", "0.0.0.0", "--port", "0", "--kb", fx.kb, "--repo", fx.repo], { env, stdout: "pipe", stderr: "pipe", timeout: 15_000 });
    expect(p.exitCode).toBe(2);
    const err = p.stderr.toString().trim();
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toContain("SCRUM_UI_KEY");
  });
});

describe("big KBs", () => {
  test("views are computed once per KB state and recomputed after an append", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ui-memo-"));
    try {
      const f = buildUiFixture(dir);
      const load = kbLoader(f.kb, () => {});
      const computed: string[] = [];
      const counting = () => {
        const snap = load();
        return { ...snap, memo: <T>(key: string, fn: () => T) => snap.memo(key, () => (computed.push(key), fn())) };
      };
      const a = createUiApp({ loadKb: counting, kbDir: f.kb, repoDir: f.repo, signals: config.signals, observer: async () => ({ ok: false, url: null, reason: "none" }) });
      const map = async () => (await (await a.fetch(new Request("http://ui/api/map"))).json()) as any;
      const first = await map();
      await a.fetch(new Request("http://ui/api/trajectory"));
      const n = computed.length;
      expect(computed.filter((k) => k === "signals")).toHaveLength(1);
      expect(await map()).toEqual(first);
      await a.fetch(new Request("http://ui/api/trajectory"));
      expect(computed).toHaveLength(n);
      const row = JSON.parse(readFileSync(kbPaths(f.kb).reviews, "utf8").split("\n")[0]!);
      appendFileSync(kbPaths(f.kb).reviews, JSON.stringify({ ...row, file: "src/new.ts", iter: 3 }) + "\n");
      const after = await map();
      expect(after.files.map((x: any) => x.file)).toContain("src/new.ts");
      expect(computed.filter((k) => k === "signals")).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the raw KB file is streamed from disk, byte for byte", async () => {
    const res = await app.fetch(new Request("http://ui/api/kb-file?name=scrum_reviews.jsonl"));
    const onDisk = readFileSync(kbPaths(fx.kb).reviews);
    expect(res.headers.get("content-type")).toContain("ndjson");
    expect(Number(res.headers.get("content-length"))).toBe(onDisk.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(onDisk)).toBe(true);
  });
});
