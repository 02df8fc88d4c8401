import { afterEach, describe, expect, test } from "bun:test";
import { startModelServer, type ModelServer } from "./support/model-server";
import { answer, sweep, testConfig } from "./support/sweep-harness";
import { gitRepo } from "./support/tmp-repo";

let servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});
async function server(opts: Parameters<typeof startModelServer>[0]) {
  const s = await startModelServer(opts);
  servers.push(s);
  return s;
}

const CODE = "export function add(a: number, b: number) {\n  return a + b;\n}\n";

describe("ladder escalation", () => {
  test("garbage from the first model climbs to the second, which is accepted on attempt 2", async () => {
    const s = await server({ perModel: { m1: [{ text: "I think this code is fine overall!" }], m2: [{ text: answer({ score: 7 }) }] } });
    const repo = gitRepo({ "src/add.ts": CODE });
    const { rows, trust, summary } = await sweep(repo, testConfig([{ provider: "ollama", model: "m1", host: s.url }, { provider: "openai", model: "m2", baseURL: s.url + "/v1", apiKeyEnv: undefined }]));
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect([r.status, r.model, r.rung, r.accepted_on_attempt, r.score, r.output_format]).toEqual(["accepted", "m2", 1, 2, 7, "json"]);
    expect(r.attempts.map((a) => a.outcome)).toEqual(["parse_failure", "accepted"]);
    expect(trust.misses.map((m) => [m.model, m.outcome])).toEqual([["m1", "parse_failure"]]);
    expect(trust.accepts[0]).toMatchObject({ model: "m2", parse_failures: 1, accepted_on_attempt: 2 });
    // Each model is credited with its own tokens: m1's garbage answer is m1's cost, not m2's.
    expect(trust.accepts[0]!.tokens).toEqual(r.attempts[1]!.tokens!);
    expect(summary.models.find((m) => m.model === "m1")!.tokens.prompt).toBe(r.attempts[0]!.tokens!.prompt);
    expect(r.attempts[0]!.tokens!.prompt).toBeGreaterThan(0);
    expect(summary.models.find((m) => m.model === "m1")!.parse_failures).toBe(1);
    expect(summary.models.find((m) => m.model === "m2")!.first_attempt_accepts).toBe(0);
  });

  test("low confidence climbs; markdown answers are accepted and recorded as markdown", async () => {
    const md = "Verdict: PASS\nScore: 8/10\nConfidence: 90%\n\nVerified components:\n- adds numbers (line 2): `return a + b;`\n";
    const s = await server({ perModel: { m1: [{ text: answer({ confidence: 0.2 }) }], m2: [{ text: md }] } });
    const { rows } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "ollama", model: "m1", host: s.url }, { provider: "ollama", model: "m2", host: s.url }]));
    expect(rows[0]!.attempts.map((a) => a.outcome)).toEqual(["low_confidence", "accepted"]);
    expect([rows[0]!.output_format, rows[0]!.verdict, rows[0]!.confidence]).toEqual(["markdown", "pass", 0.9]);
    expect(rows[0]!.verified_components[0]).toMatchObject({ line: 2, verified: true });
  });

  test("a 5xx is retried on the same rung and then accepted there", async () => {
    const s = await server({ perModel: { m1: [{ status: 503 }, { status: 500 }, { text: answer() }] } });
    const { rows, sleeps } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "openai", model: "m1", baseURL: s.url + "/v1", retries: 2 }]));
    expect([rows[0]!.status, rows[0]!.accepted_on_attempt]).toEqual(["accepted", 1]);
    expect(rows[0]!.attempts[0]!.tries).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  test("429 honours Retry-After before retrying", async () => {
    const s = await server({ perModel: { m1: [{ status: 429, headers: { "retry-after": "2" } }, { text: answer() }] } });
    const { rows, sleeps } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "ollama", model: "m1", host: s.url, retries: 1 }]));
    expect(rows[0]!.status).toBe("accepted");
    expect(sleeps).toEqual([2000]);
  });

  test("a Retry-After longer than retry.maxMs climbs at once instead of waiting", async () => {
    const s = await server({ perModel: { m1: [{ status: 429, headers: { "retry-after": "600" } }], m2: [{ text: answer() }] } });
    const { rows, sleeps } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "ollama", model: "m1", host: s.url, retries: 3 }, { provider: "ollama", model: "m2", host: s.url }]));
    expect(sleeps).toEqual([]);
    expect(rows[0]!.attempts.map((a) => [a.model, a.outcome, a.tries])).toEqual([["m1", "error", 1], ["m2", "accepted", 1]]);
  });

  test("an endpoint that keeps timing out opens its circuit too", async () => {
    const s = await server({ perModel: { slow: [{ hang: true }], m2: [{ text: answer() }] } });
    const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`src/f${i}.ts`, CODE.replace("add", `add${i}`)]));
    const cfg = testConfig([{ provider: "ollama", model: "slow", host: s.url, timeoutMs: 200, retries: 0 }, { provider: "openai", model: "m2", baseURL: s.url + "/v1" }]);
    const { rows } = await sweep(gitRepo(files), cfg, { concurrency: 1 });
    const timedOut = rows.flatMap((r) => r.attempts).filter((a) => a.model === "slow" && a.outcome === "error").length;
    expect(timedOut).toBe(cfg.retry.circuitAfter);
    expect(rows[3]!.attempts[0]).toMatchObject({ outcome: "circuit_open" });
  });

  test("a timeout climbs to the next rung", async () => {
    const s = await server({ perModel: { slow: [{ hang: true }], m2: [{ text: answer() }] } });
    const { rows } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "ollama", model: "slow", host: s.url, timeoutMs: 300 }, { provider: "ollama", model: "m2", host: s.url }]));
    expect(rows[0]!.attempts[0]).toMatchObject({ outcome: "error", model: "slow" });
    expect(rows[0]!.attempts[0]!.detail).toContain("timeout");
    expect(rows[0]!.model).toBe("m2");
  });

  test("when every rung fails the file still gets a failed row with the reasons", async () => {
    const s = await server({ perModel: { m1: [{ status: 500 }], m2: [{ text: "no idea" }] } });
    const { rows, summary, trust } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "ollama", model: "m1", host: s.url }, { provider: "openai", model: "m2", baseURL: s.url + "/v1" }]));
    expect(rows).toHaveLength(1);
    expect([rows[0]!.status, rows[0]!.score, rows[0]!.gradient_tier]).toEqual(["failed", null, "block"]);
    expect(rows[0]!.error).toContain("m1: error");
    expect(rows[0]!.error).toContain("m2: parse_failure");
    expect(rows[0]!.raw_answer).toBe("no idea");
    expect(summary.failed).toBe(1);
    expect(summary.failed_files[0]!.path).toBe("src/add.ts");
    expect(trust.accepts).toHaveLength(0);
  });

  test("a dead endpoint opens its circuit: later files skip it without connecting", async () => {
    const s = await server({ perModel: { m2: [{ text: answer() }] } });
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/f${i}.ts`, CODE.replace("add", `add${i}`)]));
    const cfg = testConfig([{ provider: "ollama", model: "dead", host: "http://127.0.0.1:9", retries: 2 }, { provider: "ollama", model: "m2", host: s.url }], {});
    const { rows } = await sweep(gitRepo(files), cfg, { concurrency: 1 });
    expect(rows.every((r) => r.status === "accepted" && r.model === "m2")).toBe(true);
    const tries = rows.reduce((a, r) => a + r.attempts.filter((x) => x.model === "dead").reduce((b, x) => b + x.tries, 0), 0);
    expect(tries).toBe(cfg.retry.circuitAfter);
    expect(rows[5]!.attempts[0]).toMatchObject({ outcome: "circuit_open", tries: 0 });
  });
});

describe("rows, evidence and cache", () => {
  test("findings with a wrong line or invented evidence are kept, marked unverified and counted", async () => {
    const reply = answer({ critical_failures: [{ title: "adds", line: 2, evidence: "return a + b;" }, { title: "ghost", line: 40, evidence: "eval(x)" }, { title: "made up", line: 1, evidence: "eval(userInput)" }] });
    const s = await server({ perModel: { m1: [{ text: reply }] } });
    const { rows, trust, summary } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "ollama", model: "m1", host: s.url }]));
    const r = rows[0]!;
    expect(r.critical_failures_count).toBe(3);
    expect(r.critical_failures.map((c) => c.verified)).toEqual([true, false, false]);
    expect(r.unverified_count).toBe(2);
    expect(trust.accepts[0]!.unverified_findings).toBe(2);
    expect(summary.unverified_findings).toBe(2);
  });

  test("re-sweeping an unchanged repository makes no model call and marks rows cached", async () => {
    const s = await server({ perModel: { m1: [{ text: answer({ score: 5 }) }] } });
    const repo = gitRepo({ "src/a.ts": CODE, "src/b.py": "def f(x):\n    return x\n" });
    const cfg = testConfig([{ provider: "ollama", model: "m1", host: s.url }]);
    const first = await sweep(repo, cfg);
    const calls = s.requests.filter((r) => r.path === "/api/chat").length;
    expect(calls).toBe(2);
    const second = await sweep(repo, cfg, { kbDir: first.kbDir });
    expect(s.requests.filter((r) => r.path === "/api/chat").length).toBe(calls);
    const iter2 = second.rows.filter((r) => r.iter === 2);
    expect(iter2).toHaveLength(2);
    expect(iter2.every((r) => r.cached && r.score === 5 && r.tokens.prompt === 0)).toBe(true);
    expect(second.summary.cached).toBe(2);
    const fresh = await sweep(repo, cfg, { kbDir: first.kbDir, fresh: true });
    expect(s.requests.filter((r) => r.path === "/api/chat").length).toBe(calls + 2);
    expect(fresh.summary.cached).toBe(0);
  });

  test("rows carry the v4 provenance: prompt hash, policy version, commit, tokens", async () => {
    const s = await server({ perModel: { m1: [{ text: answer(), tokens: { prompt: 321, completion: 45 } }] } });
    const { rows } = await sweep(gitRepo({ "src/add.ts": CODE }), testConfig([{ provider: "ollama", model: "m1", host: s.url }]));
    const r = rows[0]!;
    expect(r.schema_version).toBe(5);
    expect(r.prompt.name).toBe("forensic");
    expect(r.prompt.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.policy_version).toBe("2026.11.1");
    expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.tokens).toEqual({ prompt: 321, completion: 45 });
    expect(r.file_sha256).toBe(new Bun.CryptoHasher("sha256").update(CODE).digest("hex"));
  });

  test("a file over the prompt budget is split, one row per chunk with chunk/chunks", async () => {
    const s = await server({ script: () => ({ text: answer() }) });
    const big = Array.from({ length: 60 }, (_, i) => `export function f${i}(x: number) {\n  return x * ${i} + ${i};\n}\n`).join("\n");
    const cfg = testConfig([{ provider: "ollama", model: "m1", host: s.url }]);
    const { rows, summary } = await sweep(gitRepo({ "src/big.ts": big }), { ...cfg, prompt: { ...cfg.prompt, budgetTokens: 400 } });
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.map((r) => r.chunk)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.every((r) => r.chunks === rows.length)).toBe(true);
    expect(summary.split_files).toEqual([{ path: "src/big.ts", chunks: rows.length, by: "top-level declarations" }]);
    const prompts = s.requests.filter((r) => r.path === "/api/chat").map((r) => JSON.stringify(r.body));
    expect(prompts[1]).toContain(`part 2 of ${rows.length}`);
  });
});
