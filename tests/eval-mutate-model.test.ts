// `scrum eval --mutate` on a model ladder: the model server catches some classes and misses others, so
// the recall reported per model must match the script exactly; requests equal the mutated files' chunks.
import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { trustProfile } from "../pipeline/analytics/trust";
import { readEvals, readReviews, readTrust } from "../pipeline/kb/read-kb";
import { startModelServer, type ScriptRequest } from "./support/model-server";
import { fixtureRepo, scrumCli, treeHash } from "./support/mutate-fixture";
import { answer, testConfig } from "./support/sweep-harness";
import { tmpDir } from "./support/tmp-repo";

// What the scripted model recognises: stubs and swallowed errors. It is blind to secrets and TLS.
const CATCHES: [string, RegExp][] = [
  ["stub", /throw new Error\("not implemented"\)|raise NotImplementedError|panic\("not implemented"\)|todo!\(\)/],
  ["swallowed-error", /catch \(\w*\) \{\}|let _ = |^\s*except\b.*:\s*$/],
];

function scriptedModel(req: ScriptRequest) {
  const user = req.messages.map((m) => m.content).join("\n");
  const found = [...user.matchAll(/^\s*(\d+) \| (.*)$/gm)].flatMap(([, n, text]) =>
    CATCHES.filter(([, re]) => re.test(text!)).map(([cls]) => ({ title: `[${cls}] planted-looking code`, line: Number(n), evidence: text!.trim() })));
  return { text: answer({ verdict: found.length ? "fail" : "pass", score: found.length ? 3 : 9, confidence: 0.9, critical_failures: found }) };
}

const server = await startModelServer({ script: scriptedModel });
afterAll(() => server.stop());
const chats = () => server.requests.filter((q) => q.path === "/v1/chat/completions").length;

const scrum = scrumCli;

describe("scrum eval --mutate on a model ladder", () => {
  test("per-model recall matches what the model was scripted to catch; only the mutated files cost requests", async () => {
    const repo = fixtureRepo();
    const before = treeHash(repo);
    const dir = tmpDir();
    const kb = join(dir, "kb");
    const cfg = join(dir, "scrum.config.yaml");
    writeFileSync(cfg, stringify(testConfig([{ provider: "openai", model: "reviewer", baseURL: `${server.url}/v1` }], { kb })));
    // The nightly sweep: the baseline the eval reuses.
    const sweep = await scrum(["sweep", repo, "--ladder", "test", "--config", cfg, "--kb", kb]);
    expect(sweep.code).toBe(0);
    const sweepRequests = chats();
    expect(sweepRequests).toBeGreaterThan(0);

    const classes = "stub,swallowed-error,hardcoded-secret,tls-disabled";
    const r = await scrum(["eval", "--mutate", repo, "--ladder", "test", "--config", cfg, "--kb", kb, "--classes", classes, "--per-class", "1", "--json"]);
    expect(r.err).not.toContain("    at ");
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(treeHash(repo)).toBe(before);
    expect(res.mutants.length).toBe(4);
    // Unmutated files came from the cache: the eval's requests are the mutated files' chunks (one each here).
    expect(res.plan.baseline_requests).toBe(0);
    expect(res.requests).toEqual({ baseline: 0, mutated: res.plan.mutant_requests });
    expect(chats() - sweepRequests).toBe(res.plan.mutant_requests);
    expect(res.plan.mutant_requests).toBe(res.mutants.length);

    const model = res.reviewers.find((s: { label: string }) => s.label === "reviewer");
    const byClass = Object.fromEntries(model.by_class.map((c: { class: string; caught: number; reviewed: number }) => [c.class, `${c.caught}/${c.reviewed}`]));
    expect(byClass).toEqual({ stub: "1/1", "swallowed-error": "1/1", "hardcoded-secret": "0/1", "tls-disabled": "0/1" });
    expect(model.total.recall).toBe(0.5);
    expect(model.false_alarms).toBe(0);
    expect(model.confusion["stub"]).toEqual({ stub: 1 });
    expect(model.confusion["tls-disabled"]).toEqual({ nothing: 1 });

    // scrum trust shows the accuracy columns, and DuckDB agrees with the TS profile.
    const t = await scrum(["trust", "--config", cfg, "--kb", kb]);
    expect(t.out).toContain("mut. recall (n)");
    expect(t.out).toMatch(/reviewer .* 50% \(2\/4\)/);
    const sql = JSON.parse((await scrum(["trust", "--config", cfg, "--kb", kb, "--json"])).out);
    const ts = trustProfile(readReviews(kb, () => {}), { ...readTrust(kb, () => {}), evals: readEvals(kb, () => {}) });
    for (const m of ts) expect(sql.find((x: { model: string }) => x.model === m.model).accuracy).toEqual(m.accuracy);
    expect(ts.find((m) => m.model === "reviewer")!.accuracy).toMatchObject({ reviewed: 4, caught: 2, mutation_recall: 0.5 });
    expect(ts.find((m) => m.model === "static-floor")!.accuracy.reviewed).toBe(4);
  }, 90_000);

  test("--max-requests plants only what fits, and says why the rest was not planted", async () => {
    const repo = fixtureRepo();
    const dir = tmpDir();
    const kb = join(dir, "kb");
    const cfg = join(dir, "scrum.config.yaml");
    writeFileSync(cfg, stringify(testConfig([{ provider: "openai", model: "reviewer", baseURL: `${server.url}/v1` }], { kb })));
    expect((await scrum(["sweep", repo, "--ladder", "test", "--config", cfg, "--kb", kb])).code).toBe(0);
    const r = await scrum(["eval", "--mutate", repo, "--ladder", "test", "--config", cfg, "--kb", kb, "--classes", "stub,swallowed-error,tls-disabled", "--per-class", "1", "--max-requests", "2", "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res.mutants.length).toBe(2);
    expect(res.not_planted).toEqual([expect.objectContaining({ reason: "over_budget" })]);
    // Without the baseline cached, a cap below the baseline's cost is refused before any request.
    const fresh = tmpDir("scrum-kb-");
    const before = chats();
    const r2 = await scrum(["eval", "--mutate", repo, "--ladder", "test", "--config", cfg, "--kb", fresh, "--max-requests", "2", "--json"]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("the baseline alone needs");
    expect(chats()).toBe(before);
  }, 60_000);
});
