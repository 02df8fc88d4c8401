// Failure analysis and playbook consolidation: deterministic offline groups, dedupe across cycles, and the model path.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RedactionConfig, Rung } from "../pipeline/core/config";
import { completeOnLadder } from "../pipeline/ladder/complete";
import { groupFailures } from "../pipeline/observer/analyzer";
import { toOpRow, type ObserverEvent, type OpRow } from "../pipeline/observer/event";
import { AnalysisRow, PlaybookRow } from "../pipeline/observer/insight-rows";
import { InsightCycle } from "../pipeline/observer/insight-cycle";
import { normaliseError } from "../pipeline/observer/normalise-error";
import { consolidateSuccesses } from "../pipeline/observer/playbook";
import { startModelServer, type ModelServer } from "./support/model-server";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "obs-ins-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

let t = 0;
const op = (e: Partial<ObserverEvent> & { endpoint: string; success: boolean }): OpRow =>
  toOpRow({ input_summary: "", output_summary: "", duration_ms: 10, source: "scenario", ...e }, new Date(Date.UTC(2026, 10, 20, 0, 0, t++)));
const readRows = (name: string) => readFileSync(join(dir, name), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const offline = [Rung.parse({ provider: "static" })];

function cycle(ops: OpRow[], extra: Partial<ConstructorParameters<typeof InsightCycle>[0]> = {}) {
  return new InsightCycle({ dataDir: dir, snapshot: () => ops, rungs: offline, env: {}, now: () => new Date("2026-11-21T00:00:00Z"), warn: () => {}, playbookEvery: 5, minSuccesses: 3, ...extra });
}

describe("error normalisation", () => {
  test("numbers, ids, urls and quoted values do not split a pattern", () => {
    expect(normaliseError("user 12345 not found")).toBe(normaliseError("user 9 not found"));
    expect(normaliseError("timeout after 1500ms on req 8f3a9c2e-1111-2222-3333-444455556666")).toBe("timeout after <n> on req <id>");
    expect(normaliseError("HTTP 503 from http://10.0.0.2:11434/api/chat")).toBe("HTTP <n> from <url>");
    expect(normaliseError("file 'src/a.ts' failed")).toBe(normaliseError('file "lib/b.py" failed'));
    expect(normaliseError("connection refused")).not.toBe(normaliseError("connection reset"));
    expect(normaliseError(null)).toBe("(no error text)");
  });
});

describe("failure groups", () => {
  test("group by endpoint and normalised error, largest first, with the endpoint's failure rate", () => {
    const ops = [
      op({ endpoint: "/match", success: false, error: "staffer 17 unavailable", input_summary: "a" }),
      op({ endpoint: "/match", success: false, error: "staffer 4 unavailable", input_summary: "b" }),
      op({ endpoint: "/match", success: true }),
      op({ endpoint: "/match", success: false, error: "db timeout" }),
      op({ endpoint: "/fill", success: false, error: "staffer 2 unavailable" }),
    ];
    const g = groupFailures(ops);
    expect(g.map((x) => [x.endpoint, x.error_pattern, x.count])).toEqual([
      ["/match", "staffer <n> unavailable", 2],
      ["/fill", "staffer <n> unavailable", 1],
      ["/match", "db timeout", 1],
    ]);
    expect(g[0]!.endpoint_calls).toBe(4);
    expect(g[0]!.samples).toEqual(["b", "a"]);
  });
});

describe("insight cycle offline", () => {
  test("writes one analysis per group, and nothing when the data has not changed", async () => {
    const ops = [op({ endpoint: "/m", success: false, error: "e 1" }), op({ endpoint: "/m", success: false, error: "e 2" })];
    const c = cycle(ops);
    expect((await c.run()).analyses).toBe(1);
    expect((await c.run()).analyses).toBe(0);
    const rows = readRows("analyses.jsonl").map((r) => AnalysisRow.parse(r));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mode: "offline", endpoint: "/m", error_pattern: "e <n>", count: 2, cause: null });
    // a restarted observer remembers what it wrote
    expect((await cycle(ops).run()).analyses).toBe(0);
    ops.push(op({ endpoint: "/m", success: false, error: "e 3" }));
    expect((await cycle(ops).run()).analyses).toBe(1);
    expect(readRows("analyses.jsonl").at(-1).count).toBe(3);
  });

  test("consolidates repeated successes every fifth cycle, with matching overseer corrections", async () => {
    const ops = [
      ...[1, 2, 3].map((i) => op({ endpoint: "/fill", success: true, task_class: "night-shift", input_summary: `req ${i}`, output_summary: "filled" })),
      op({ endpoint: "/fill", success: true, task_class: "day-shift" }),
      op({ endpoint: "overseer/correction", success: true, source: "overseer", task_class: "night-shift", correction: "confirm the city first" }),
    ];
    const c = cycle(ops);
    for (let i = 1; i <= 4; i++) expect((await c.run()).playbooks).toBe(0);
    expect((await c.run()).playbooks).toBe(1);
    const [entry] = readRows("playbooks.jsonl").map((r) => PlaybookRow.parse(r));
    expect(entry).toMatchObject({ endpoint: "/fill", task_class: "night-shift", successes: 3, corrections: ["confirm the city first"], mode: "offline" });
    expect(entry!.guidance).toContain("succeeded 3 times");
    for (let i = 0; i < 5; i++) await c.run();
    expect(readRows("playbooks.jsonl")).toHaveLength(1);
    expect(consolidateSuccesses(ops, 4)).toHaveLength(0);
  });
});

describe("insight cycle with a model ladder", () => {
  let server: ModelServer;
  afterEach(async () => server?.stop());

  const rungs = (url: string) => [Rung.parse({ provider: "ollama", model: "m1", host: url, retries: 0, timeoutMs: 5000 }), ...offline];

  test("a model answer adds cause and suggestion, keyed to the group", async () => {
    const ops = [op({ endpoint: "/m", success: false, error: "db timeout" })];
    const key = groupFailures(ops)[0]!.key;
    server = await startModelServer({ script: () => ({ text: JSON.stringify({ groups: [{ key, cause: "the database is slow", suggestion: "check the pool size" }] }) }) });
    const r = await cycle(ops, { rungs: rungs(server.url), complete: completeOnLadder }).run();
    expect(r.mode).toBe("model");
    const [row] = readRows("analyses.jsonl");
    expect(row).toMatchObject({ mode: "model", provider: "ollama", model: "m1", cause: "the database is slow", suggestion: "check the pool size" });
    expect(JSON.stringify(server.requests.find((q) => q.path === "/api/chat")?.body)).toContain("db timeout");
  });

  test("a model that fails or answers nonsense leaves the deterministic analysis", async () => {
    const ops = [op({ endpoint: "/m", success: false, error: "db timeout" })];
    server = await startModelServer({ script: (req) => (req.n === 1 ? { status: 500 } : { text: "I think it is fine" }) });
    const first = await cycle(ops, { rungs: rungs(server.url), complete: completeOnLadder }).run();
    expect(first.mode).toBe("offline");
    expect(first.reasons.join()).toContain("m1");
    expect(readRows("analyses.jsonl")[0]).toMatchObject({ mode: "offline", cause: null });
    ops.push(op({ endpoint: "/m", success: false, error: "db timeout" }));
    const second = await cycle(ops, { rungs: rungs(server.url), complete: completeOnLadder }).run();
    expect(second).toMatchObject({ mode: "offline", analyses: 1 });
    expect(second.reasons.join()).toContain("no JSON object");
  });
});

describe("secrets in observer prompts", () => {
  let server: ModelServer;
  afterEach(async () => server?.stop());
  // A GitHub-token-shaped fake: secretlint's recommended rules know its shape.
  const TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
  const leaky = () => [
    op({ endpoint: "/sync", success: false, error: `401 from api.github.com with token ${TOKEN}`, input_summary: `push with GITHUB_TOKEN=${TOKEN}` }),
    ...[1, 2, 3].map((i) => op({ endpoint: "/fill", success: true, task_class: "night", input_summary: `req ${i} token ${TOKEN}` })),
    op({ endpoint: "overseer/correction", success: true, source: "overseer", task_class: "night", correction: `never log ${TOKEN}` }),
  ];
  const seen = () => server.requests.filter((q) => q.path === "/api/chat").map((q) => JSON.stringify(q.body));
  const answer = () => ({ text: JSON.stringify({ groups: [], entries: [] }) });

  test("a remote rung never sees a key from an error, a sample or a correction (analysis and playbook)", async () => {
    server = await startModelServer({ script: answer });
    // 0.0.0.0 reaches this machine but is not a loopback name, so the rung counts as remote.
    const remote = [Rung.parse({ provider: "ollama", model: "m1", host: server.url.replace("127.0.0.1", "0.0.0.0"), retries: 0, timeoutMs: 5000 }), ...offline];
    await cycle(leaky(), { rungs: remote, complete: completeOnLadder, playbookEvery: 1 }).run();
    const bodies = seen();
    expect(bodies).toHaveLength(2);
    for (const b of bodies) {
      expect(b).not.toContain(TOKEN);
      expect(b).toContain("[REDACTED]");
    }
  });

  test("a loopback rung gets the plain prompt unless redaction.local is set", async () => {
    server = await startModelServer({ script: answer });
    const local = [Rung.parse({ provider: "ollama", model: "m1", host: server.url, retries: 0, timeoutMs: 5000 }), ...offline];
    await cycle(leaky(), { rungs: local, complete: completeOnLadder }).run();
    expect(seen()[0]).toContain(TOKEN);
    const redaction = RedactionConfig.parse({ local: true });
    await cycle([...leaky(), op({ endpoint: "/sync", success: false, error: `again ${TOKEN}` })], { rungs: local, complete: completeOnLadder, redaction }).run();
    expect(seen()).toHaveLength(2);
    expect(seen()[1]).not.toContain(TOKEN);
  });

  test("a complete function that ignores the per-rung hook still gets the redacted prompt", async () => {
    const users: string[] = [];
    const complete = async (_r: unknown, req: { user: string }) => (users.push(req.user), { ok: false as const, reasons: ["none"] });
    await cycle(leaky(), { rungs: [Rung.parse({ provider: "ollama", model: "m1", host: "http://127.0.0.1:1" })], complete }).run();
    expect(users).toHaveLength(1);
    expect(users[0]).not.toContain(TOKEN);
  });
});

describe("observer prompts", () => {
  test("live in prompts/observer with a name and version, and the model gets their body", async () => {
    const { loadPrompt, OBSERVER_PROMPTS } = await import("../pipeline/observer/prompt-file");
    expect(OBSERVER_PROMPTS).toBe(join(import.meta.dir, "..", "prompts", "observer"));
    expect(loadPrompt("analyze-failures").id).toBe("observer-analyze-failures@1");
    expect(loadPrompt("consolidate-playbook").text).toStartWith("You consolidate repeated successes");
    expect(() => loadPrompt("no-such-prompt")).toThrow();
  });
});
