import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { readReviews } from "../pipeline/kb/read-kb";
import { startModelServer } from "./support/model-server";
import { answer, ROOT, testConfig } from "./support/sweep-harness";
import { gitRepo, tmpDir } from "./support/tmp-repo";

const N = 24;
const server = await startModelServer({ script: () => ({ text: answer({ score: 7 }), delayMs: 120 }) });
afterAll(() => server.stop());

const lineCount = (p: string) => (existsSync(p) ? readFileSync(p, "utf8").split("\n").filter((l) => l.trim()).length : 0);
const chats = () => server.requests.filter((r) => r.path === "/api/chat").length;

function sweepProcess(repo: string, kb: string, cfg: string) {
  return Bun.spawn([process.execPath, join(ROOT, "pipeline/cli/main.ts"), "sweep", repo, "--kb", kb, "--config", cfg, "--ladder", "test", "--iter", "1", "--concurrency", "2", "--json"], {
    cwd: ROOT, stdout: "pipe", stderr: "pipe", env: { ...process.env, SCRUM_OBSERVER_URL: "" },
  });
}

describe("resume", () => {
  test("a sweep killed with SIGKILL mid-run and started again with the same --iter ends with exactly one row per file", async () => {
    const files = Object.fromEntries(Array.from({ length: N }, (_, i) => [`src/m${String(i).padStart(2, "0")}.ts`, `export const v${i} = ${i};\n`]));
    const repo = gitRepo(files);
    const kb = tmpDir("scrum-kb-");
    const cfgPath = join(tmpDir(), "scrum.config.yaml");
    writeFileSync(cfgPath, stringify(testConfig([{ provider: "ollama", model: "m1", host: server.url }])));
    const reviews = join(kb, "scrum_reviews.jsonl");

    const first = sweepProcess(repo, kb, cfgPath);
    const deadline = Date.now() + 20_000;
    while (lineCount(reviews) < 8 && Date.now() < deadline) await Bun.sleep(20);
    first.kill("SIGKILL");
    await first.exited;
    expect(first.signalCode).toBe("SIGKILL");
    // Let any request the child sent just before dying reach the server, so the count below is final.
    for (let seen = -1; seen !== chats(); ) { seen = chats(); await Bun.sleep(250); }
    const before = readReviews(kb, () => {}).length;
    expect(before).toBeGreaterThanOrEqual(8);
    expect(before).toBeLessThan(N);
    const callsBefore = chats();

    const second = sweepProcess(repo, kb, cfgPath);
    const out = await new Response(second.stdout).text();
    expect(await second.exited).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.iter).toBe(1);
    expect(summary.resumed_chunks).toBe(before);

    const rows = readReviews(kb, () => {}).filter((r) => r.iter === 1);
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.file)).size).toBe(N);
    expect(rows.every((r) => r.status === "accepted")).toBe(true);
    // The resumed run asked the model only for the files still missing.
    expect(chats() - callsBefore).toBe(N - before);
    expect(summary.reviewed).toBe(N);
    // One accept per file, even when the kill fell between a review row and its trust row.
    const { readTrust } = await import("../pipeline/kb/read-kb");
    const accepts = readTrust(kb, () => {}).accepts.filter((t) => t.iter === 1);
    expect(accepts).toHaveLength(N);
    expect(new Set(accepts.map((t) => t.file)).size).toBe(N);
  }, 60_000);
});

describe("trust rows after a kill between appends", () => {
  test("a resumed sweep rebuilds trust rows lost after their review row was written", async () => {
    const { sweep } = await import("./support/sweep-harness");
    const { readTrust } = await import("../pipeline/kb/read-kb");
    const { writeFileSync: write, readFileSync: read } = await import("node:fs");
    const repo = gitRepo({ "a.ts": "export const a = 1;\n", "b.ts": "export const b = 2;\n" });
    const cfg = testConfig([{ provider: "ollama", model: "m1", host: server.url }]);
    const first = await sweep(repo, cfg);
    const trustPath = join(first.kbDir, "model_trust.jsonl");
    // Simulate the kill: the last trust row never made it, and the run never ended.
    const lines = read(trustPath, "utf8").trim().split("\n");
    write(trustPath, lines.slice(0, -1).join("\n") + "\n");
    const runsPath = join(first.kbDir, "scrum_runs.jsonl");
    write(runsPath, read(runsPath, "utf8").trim().split("\n").slice(0, 1).join("\n") + "\n");
    expect(readTrust(first.kbDir, () => {}).accepts).toHaveLength(1);
    await sweep(repo, cfg, { kbDir: first.kbDir });
    const accepts = readTrust(first.kbDir, () => {}).accepts;
    expect(accepts.map((t) => t.file).sort()).toEqual(["a.ts", "b.ts"]);
  });
});

describe("npx wrapper killed", () => {
  test("SIGKILL of the node wrapper stops the bun child; a resume then ends with one row per file", async () => {
    // 100 files one at a time take ~12 s: an orphaned child that kept going would still hold the lock below.
    const files = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`w/m${i}.ts`, `export const w${i} = ${i};\n`]));
    const repo = gitRepo(files);
    const kb = tmpDir("scrum-kb-");
    const cfgPath = join(tmpDir(), "scrum.config.yaml");
    writeFileSync(cfgPath, stringify(testConfig([{ provider: "ollama", model: "m1", host: server.url }])));
    const args = ["sweep", repo, "--kb", kb, "--config", cfgPath, "--ladder", "test", "--iter", "1", "--json"];
    const wrapper = Bun.spawn(["node", join(ROOT, "bin/scrum.cjs"), ...args, "--concurrency", "1"], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
    const reviews = join(kb, "scrum_reviews.jsonl");
    const deadline = Date.now() + 20_000;
    while (lineCount(reviews) < 3 && Date.now() < deadline) await Bun.sleep(20);
    wrapper.kill("SIGKILL");
    await wrapper.exited;
    // The orphaned child notices and releases the KB lock within a few seconds.
    const lock = join(kb, ".sweep.lock");
    const until = Date.now() + 6_000;
    while (existsSync(lock) && Date.now() < until) await Bun.sleep(50);
    expect(existsSync(lock)).toBe(false);
    const again = Bun.spawn([process.execPath, join(ROOT, "pipeline/cli/main.ts"), ...args, "--concurrency", "8"], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
    expect(await again.exited).toBe(0);
    const rows = readReviews(kb, () => {}).filter((r) => r.iter === 1);
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.file)).size).toBe(100);
  }, 60_000);
});
