// The control plane's HTTP API over a real server and a small KB read through DuckDB: each view's data, paging,
// search, import edges, bad parameters, read-only methods, path traversal, the API key and following appends.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../pipeline/cli/load-config";
import { kbPaths } from "../pipeline/kb/paths";
import { startUi, type RunningUi } from "../pipeline/ui/server";
import { buildUiFixture, type UiFixture } from "./fixtures/observer/ui-kb";

const { config } = loadConfig({ cwd: join(import.meta.dir, "..") });
let fx: UiFixture;
let ui: RunningUi;
beforeAll(async () => {
  fx = buildUiFixture(mkdtempSync(join(tmpdir(), "ui-app-")));
  writeFileSync(join(fx.repo, ".env"), "API_KEY=do-not-serve\n");
  ui = await startUi({ kbDir: fx.kb, repoDir: fx.repo, signals: config.signals, refreshMs: 0 }, { host: "127.0.0.1", port: 0 });
  await ui.warm;
}, 60_000);
afterAll(async () => {
  await ui?.stop();
  rmSync(fx.root, { recursive: true, force: true });
});

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${ui.url}${path}`, init);
  return { status: res.status, body: (res.headers.get("content-type")?.startsWith("application/json") ? await res.json() : await res.text()) as any, headers: res.headers };
};

describe("MAP", () => {
  test("the root level has a tile per top entry, each with every overlay's value", async () => {
    const { body } = await get("/api/map?signals=1");
    expect(body.totals).toEqual({ files: 5, latest: 3 });
    const by = Object.fromEntries(body.tiles.map((t: any) => [t.name, t]));
    expect(Object.keys(by).sort()).toEqual(["leak.ts", "lib", "src"]);
    expect(by.src).toMatchObject({ kind: "dir", files: 3, criticals: 2, tiers: { auto: 1, sim: 2 }, signals: { CONVERGING: 1, LOOPING: 1, REGRESSING: 1 } });
    expect(by.src.score).toBeCloseTo((7.5 + 6 + 6) / 3);
    expect(by["leak.ts"]).toMatchObject({ kind: "file", path: "leak.ts", score: 5, tier: "dry_run", model: "kimi-k2:1t", signal: "PLATEAU" });
  });

  test("a directory level; signals are left out until asked for", async () => {
    const { body } = await get("/api/map?dir=src");
    expect(body.dir).toBe("src");
    expect(body.signals).toBe(false);
    expect(body.tiles.map((t: any) => t.path).sort()).toEqual(["src/api", "src/auth", "src/util"]);
    expect(body.tiles.every((t: any) => t.signal === null)).toBe(true);
  });

  test("a level holding one directory opens it", async () => {
    const { body } = await get("/api/map?dir=src/api");
    expect(body.dir).toBe("src/api");
    expect(body.tiles).toEqual([expect.objectContaining({ kind: "file", path: "src/api/handler.ts" })]);
  });

  test("import edges between the level's tiles come from the source (TypeScript, .js specifiers included)", async () => {
    const { body } = await get("/api/map/edges?dir=src");
    expect(body.edges).toEqual(expect.arrayContaining([{ from: "api", to: "auth", n: 1 }, { from: "api", to: "util", n: 1 }, { from: "auth", to: "util", n: 1 }]));
    expect(body.edges).toHaveLength(3);
    expect((await get("/api/map/edges?dir=")).body).toMatchObject({ edges: [], note: "no imports between these tiles" });
  });
});

describe("TRACE, TRAJECTORY, METRICS, KB", () => {
  test("trace: the whole score history, then iterations a page at a time; unknown files are 404", async () => {
    const { body } = await get(`/api/trace?file=${encodeURIComponent("src/auth/login.ts")}`);
    expect(body.history.map((h: any) => [h.iter, h.score, h.criticals])).toEqual([[1, 3, 2], [2, 5, 1], [3, 7.5, 0]]);
    expect(body.iterations.map((i: any) => i.iter)).toEqual([3, 2, 1]);
    expect(body.iterations[0].chunks[0]).toMatchObject({ prompt: { name: "forensic-v2" }, policy_version: "2026.11.1", run_id: "run-3", model: "kimi-k2:1t" });
    expect(body.signal).toMatchObject({ signal: "CONVERGING" });
    expect(body.next).toBeNull();
    const older = (await get(`/api/trace?file=${encodeURIComponent("src/auth/login.ts")}&before=3`)).body;
    expect(older.iterations.map((i: any) => i.iter)).toEqual([2, 1]);
    expect((await get("/api/trace?file=nope.ts")).status).toBe(404);
    expect((await get("/api/trace")).status).toBe(400);
  });

  test("trajectory: per-iteration distribution and tiers, counts per signal, files filtered and sorted", async () => {
    const { body } = await get("/api/trajectory");
    expect(body.iters.map((i: any) => [i.iter, i.files, i.scored])).toEqual([[1, 5, 4], [2, 5, 5], [3, 5, 5]]);
    expect(body.iters[0].mean).toBeCloseTo(5.75);
    expect(body.counts.find((c: any) => c.signal === "PLATEAU").n).toBe(2);
    expect(body.total).toBe(5);
    const drops = (await get("/api/trajectory?sort=delta&limit=2")).body;
    expect(drops.files.map((f: any) => f.file)).toEqual(["src/util/math.ts", "leak.ts"]);
    expect((await get("/api/trajectory?signal=LOOPING")).body.files.map((f: any) => f.file)).toEqual(["src/api/handler.ts"]);
    expect((await get("/api/trajectory?signal=NOPE")).status).toBe(400);
  });

  test("metrics: every figure with its meaning, tables from the sections, the slow one on request", async () => {
    const { body } = await get("/api/metrics?from=1&to=3");
    expect(body.compare).toEqual({ from: 1, to: 3 });
    for (const f of body.figures) expect([f.meaning.length > 10, f.good.length > 5, Boolean(f.value)]).toEqual([true, true, true]);
    expect(body.figures.find((f: any) => f.id === "bar_raised").value).toContain("yes");
    expect(body.sections.map((s: any) => s.id)).toEqual(["moves", "iterations", "trust", "evals"]);
    // Drops first, then rises, largest first.
    expect(body.sections[0].rows.map((r: any) => [r.file, r.delta])).toEqual([["src/util/math.ts", -3], ["src/auth/login.ts", 4.5]]);
    expect(body.sections[2].rows).toBeNull();
    const trust = (await get("/api/metrics/section?id=trust")).body;
    expect(trust.rows[0]).toMatchObject({ model: "ollama/kimi-k2:1t", files_accepted: 5 });
    // The latest mutation eval only: the older one (e-old) is left out.
    expect(body.sections[3].rows).toEqual([
      { class: "swallowed-error", reviewer: "ollama/kimi-k2:1t", caught: 1, reviewed: 2, recall: 0.5, false_alarms: 1 },
      { class: "swallowed-error", reviewer: "static floor", caught: 2, reviewed: 2, recall: 1, false_alarms: 0 },
    ]);
    expect((await get("/api/metrics?from=9")).status).toBe(400);
    expect((await get("/api/metrics?from=x")).status).toBe(400);
  });

  test("kb: filters and pages in SQL, one row in full by its key", async () => {
    const failed = (await get("/api/kb?status=failed")).body;
    expect(failed.total).toBe(1);
    expect(failed.rows[0]).toMatchObject({ file: "lib/legacy.py", iter: 1 });
    expect(failed.options.status).toEqual(["accepted", "failed"]);
    const page = (await get("/api/kb?limit=4&offset=12")).body;
    expect([page.total, page.rows.length]).toEqual([15, 3]);
    // A page across an iteration boundary is the same slice of the whole ordered list.
    const all = (await get("/api/kb?limit=50")).body.rows;
    expect((await get("/api/kb?limit=4&offset=3")).body.rows).toEqual(all.slice(3, 7));
    expect((await get("/api/kb?limit=4&offset=3&status=accepted")).body.rows).toEqual(all.filter((r: any) => r.status === "accepted").slice(3, 7));
    expect((await get("/api/kb?file=AUTH")).body.total).toBe(3);
    const r = failed.rows[0];
    const row = (await get(`/api/kb/row?${new URLSearchParams({ repo: r.repo, iter: r.iter, file: r.file, chunk: r.chunk })}`)).body;
    expect(row).toMatchObject({ error: "timeout after 120000 ms", status: "failed" });
    expect(row.raw_answer).toBeUndefined();
    expect((await get("/api/kb/row?repo=x&iter=1&file=y&chunk=1")).status).toBe(404);
    expect((await get("/api/kb?limit=5000")).status).toBe(400);
  });
});

describe("SEARCH", () => {
  test("finds a finding by a word prefix, with its class, file, iterations and latest line", async () => {
    await ui.search.start();
    const { body } = await get("/api/search?q=swallow");
    expect(body.total).toBe(1);
    expect(body.hits[0]).toMatchObject({ kind: "finding", text: "swallowed error in handle", file: "src/api/handler.ts", class: "swallowed-error", first_iter: 1, last_iter: 3, n: 3, line: 2 });
    expect(body.index).toMatchObject({ parts: 1, ready: 1 });
  });

  test("every word must match, in the text or in the path; filters narrow", async () => {
    expect((await get("/api/search?q=swallowed+handler")).body.total).toBe(1);
    expect((await get("/api/search?q=swallowed+login")).body.total).toBe(0);
    const login = (await get("/api/search?q=login&kind=file")).body;
    expect(login.hits.map((h: any) => h.file)).toEqual(["src/auth/login.ts"]);
    expect((await get("/api/search?q=review+legacy&iter=2")).body.hits).toEqual([expect.objectContaining({ kind: "summary", file: "lib/legacy.py", last_iter: 2 })]);
    expect((await get("/api/search?q=critical&class=other&iter=1")).body.total).toBeGreaterThan(0);
    expect((await get("/api/search?q=zzzqqq")).body).toMatchObject({ total: 0, hits: [] });
    expect((await get("/api/search?class=nope")).status).toBe(400);
  });

  test("KB text comes back as text (markup in a finding title is not interpreted by the server)", async () => {
    const { body } = await get("/api/search?q=script+alert");
    expect(body.hits[0].text).toContain("<script>alert(1)</script>");
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
  test("raw KB files come from an allow-list only, streamed byte for byte", async () => {
    const res = await fetch(`${ui.url}/api/kb-file?name=scrum_reviews.jsonl`);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(kbPaths(fx.kb).reviews))).toBe(true);
    for (const n of ["../secret.txt", "..%2Fsecret.txt", fx.secret]) expect((await get(`/api/kb-file?name=${encodeURIComponent(n)}`)).status).toBe(404);
  });
  test("assets are served from the assets directory only, with a strict content security policy", async () => {
    const page = await get("/");
    expect(page.body).toContain("/assets/app.js");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await get("/assets/views/map.js")).status).toBe(200);
    expect((await get("/assets/palette.js")).body).toContain("SIGNAL_COLOURS");
    expect((await get("/assets/../server.ts")).status).toBe(404);
  });

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
    for (const h of [`localhost:${ui.port}`, `127.0.0.1:${ui.port}`]) expect(await raw("/api/status", h)).toMatch(/^HTTP\/1.1 200/);
  });
  test("only GET: writes are refused", async () => {
    expect((await get("/api/kb", { method: "POST", body: "{}" })).status).toBe(405);
  });
});

describe("API key and the command", () => {
  test("with a key every route needs it, and a browser is asked for Basic auth", async () => {
    const keyed = await startUi({ kbDir: fx.kb, repoDir: fx.repo, signals: config.signals, apiKey: "ui-k3y" }, { host: "127.0.0.1", port: 0 });
    try {
      const none = await fetch(`${keyed.url}/`);
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toContain("Basic");
      const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}` });
      expect((await fetch(`${keyed.url}/api/status`, { headers: basic("lead", "wrong") })).status).toBe(401);
      expect((await fetch(`${keyed.url}/api/status`, { headers: basic("lead", "ui-k3y") })).status).toBe(200);
      expect((await fetch(`${keyed.url}/api/console/stream`)).status).toBe(401);
      expect((await fetch(`${keyed.url}/api/status`, { headers: { "x-api-key": "ui-k3y" } })).status).toBe(200);
    } finally {
      await keyed.stop();
    }
  }, 60_000);

  test("scrum ui refuses a non-loopback bind without SCRUM_UI_KEY, and a bad --memory-limit: exit 2, one line", () => {
    const env = { ...process.env };
    delete env.SCRUM_UI_KEY;
    const run = (args: string[]) => Bun.spawnSync([process.execPath, join(import.meta.dir, "..", "pipeline/cli/main.ts"), "ui", ...args, "--port", "0", "--kb", fx.kb, "--repo", fx.repo], { env, stdout: "pipe", stderr: "pipe", timeout: 15_000 });
    for (const [args, want] of [[["--host", "0.0.0.0"], "SCRUM_UI_KEY"], [["--memory-limit", "lots"], "--memory-limit"]] as const) {
      const p = run([...args]);
      expect(p.exitCode).toBe(2);
      const err = p.stderr.toString().trim();
      expect(err.split("\n")).toHaveLength(1);
      expect(err).toContain(want);
    }
  }, 60_000);
});

describe("an empty KB", () => {
  test("a KB directory with no rows yet serves every view, empty", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ui-empty-"));
    const empty = await startUi({ kbDir: join(dir, "kb"), repoDir: dir, signals: config.signals }, { host: "127.0.0.1", port: 0 });
    try {
      const j = async (p: string) => (await fetch(`${empty.url}${p}`)).json() as Promise<any>;
      expect((await j("/api/map")).tiles).toEqual([]);
      expect((await j("/api/trajectory")).iters).toEqual([]);
      expect((await j("/api/metrics")).note).toContain("compare needs two iterations (the KB has 0)");
      expect((await j("/api/kb")).total).toBe(0);
      expect((await j("/api/search?q=anything")).total).toBe(0);
    } finally {
      await empty.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("following the KB", () => {
  test("an append is picked up: the cache grows by a part, views and the search index follow", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ui-follow-"));
    const f = buildUiFixture(dir);
    const live = await startUi({ kbDir: f.kb, repoDir: f.repo, signals: config.signals, refreshMs: 0 }, { host: "127.0.0.1", port: 0 });
    try {
      const map = async () => (await (await fetch(`${live.url}/api/map`)).json()) as any;
      expect((await map()).totals.files).toBe(5);
      const row = JSON.parse(readFileSync(kbPaths(f.kb).reviews, "utf8").split("\n")[0]!);
      appendFileSync(kbPaths(f.kb).reviews, JSON.stringify({ ...row, file: "src/new.ts", iter: 3, critical_failures: [{ title: "Quokka overflow in the ledger", line: 1, verified: true }], critical_failures_count: 1 }) + "\n");
      expect((await map()).totals.files).toBe(6);
      expect(live.db.kb.cache).toBe("appended");
      await live.search.start();
      const hits = (await (await fetch(`${live.url}/api/search?q=quokka`)).json()) as any;
      expect(hits.hits.map((h: any) => h.file)).toEqual(["src/new.ts"]);
      expect(readdirSync(join(f.kb, ".cache")).filter((n) => n.endsWith(".terms.parquet"))).toHaveLength(2);
    } finally {
      await live.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
