import { describe, expect, test } from "bun:test";
import { existsSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { ROOT, testConfig } from "./support/sweep-harness";
import { gitRepo, tmpDir, writeTree } from "./support/tmp-repo";

async function cli(args: string[], env: Record<string, string> = {}) {
  const p = Bun.spawn([process.execPath, join(ROOT, "pipeline/cli/main.ts"), ...args], { cwd: ROOT, stdout: "pipe", stderr: "pipe", env: { ...process.env, OLLAMA_API_KEY: "", SCRUM_OBSERVER_URL: "", ...env } });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { out, err, code };
}

describe("scrum sweep (CLI)", () => {
  test("with no model configured it runs the offline ladder, says so in one line, and prints a JSON summary", async () => {
    const repo = gitRepo({ "src/a.ts": "export function f() {\n  try { g(); } catch (e) {}\n}\n", "src/b.py": "def g():\n    return 1\n", "logo.png": new Uint8Array([0x89, 0x50, 0, 0]) });
    const kb = tmpDir();
    const r = await cli(["sweep", repo, "--kb", kb, "--json"]);
    expect(r.code).toBe(0);
    expect(r.err.trim().split("\n").filter((l) => l.includes("offline"))).toHaveLength(1);
    const s = JSON.parse(r.out);
    for (const k of ["run_id", "iter", "reviewed", "skipped", "failed", "mean_score", "models"]) expect(s).toHaveProperty(k);
    expect([s.iter, s.reviewed, s.failed, s.ladder]).toEqual([1, 2, 0, "offline"]);
    expect(s.skipped_files).toContainEqual(expect.objectContaining({ path: "logo.png" }));
    expect(s.models[0]).toMatchObject({ model: "static-floor", accepted: 2, first_attempt_accepts: 2, json_rate: 1, requests: 0 });
    const again = await cli(["sweep", repo, "--kb", kb, "--json"]);
    expect(JSON.parse(again.out).iter).toBe(2);
  });

  test("the readable summary names verdicts, the gradient, skipped files and wall time", async () => {
    const repo = gitRepo({ "src/a.ts": "export const a = 1;\n", "yarn.lock": "x\n" });
    const r = await cli(["sweep", repo, "--kb", tmpDir()]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("permission gradient:");
    expect(r.out).toContain("verdicts:");
    expect(r.out).toContain("skipped: yarn.lock (lockfile)");
    expect(r.out).toMatch(/wall time \d+\.\d s/);
  });

  test("--dry-run prints the plan with chunks, tokens and cost, calls nothing and writes no KB", async () => {
    const repo = gitRepo({ "src/a.ts": "export const a = 1;\n", "src/big.ts": Array.from({ length: 300 }, (_, i) => `export const v${i} = ${i} * 2 + 1; // value number ${i}`).join("\n") });
    const dir = tmpDir();
    const cfg = testConfig([{ provider: "openai", model: "priced", baseURL: "http://127.0.0.1:9/v1", price: { promptPerMTok: 1, completionPerMTok: 2 } }]);
    cfg.prompt.budgetTokens = 1000;
    writeFileSync(join(dir, "scrum.config.yaml"), stringify(cfg));
    const kb = join(dir, "kb");
    const r = await cli(["sweep", repo, "--kb", kb, "--config", join(dir, "scrum.config.yaml"), "--ladder", "test", "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan.files.find((f: { path: string }) => f.path === "src/big.ts").chunks).toBeGreaterThan(1);
    expect(plan.estimated_prompt_tokens).toBeGreaterThan(1000);
    expect(plan.estimated_cost_usd).toBeGreaterThan(0);
    expect(existsSync(join(kb, "scrum_reviews.jsonl"))).toBe(false);
    const text = await cli(["sweep", repo, "--kb", kb, "--config", join(dir, "scrum.config.yaml"), "--ladder", "test", "--dry-run"]);
    expect(text.out).toContain("no model was called");
    expect(text.out).toMatch(/src\/big\.ts\s+300 lines, \d+ chunks/);
  });

  test("unreadable files are skipped with a reason, not fatal", async () => {
    // A dangling symlink cannot be read by anyone, root included (chmod 000 would not stop root).
    const root = tmpDir();
    writeTree(root, { "a.ts": "export const a = 1;\n" });
    symlinkSync(join(root, "gone.ts"), join(root, "link.ts"));
    const r = await cli(["sweep", root, "--kb", tmpDir(), "--json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.reviewed).toBe(1);
    expect(s.skipped_files).toContainEqual(expect.objectContaining({ path: "link.ts", reason: "unreadable" }));
  });
});

describe("scrum sweep --files", () => {
  test("takes several globs after one --files, and REPO before them", async () => {
    const repo = gitRepo({ "src/a.ts": "export const a = 1;\n", "lib/b.py": "b = 1\n", "cmd/c.go": "package c\n" });
    const r = await cli(["sweep", repo, "--kb", tmpDir(), "--json", "--files", "src/**", "lib/**"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files_planned).toBe(2);
    const comma = await cli(["sweep", repo, "--kb", tmpDir(), "--json", "--files", "cmd/**,lib/**"]);
    expect(JSON.parse(comma.out).files_planned).toBe(2);
  });

  test("a stray second argument without --files is a usage error", async () => {
    const r = await cli(["sweep", ROOT, "extra"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unexpected argument 'extra'");
  });
});

describe("sweep → fixwave → sweep", () => {
  test("files the fix-wave doc targets are marked on the next iteration's rows", async () => {
    const repo = gitRepo({
      "src/load.ts": "export async function load(url: string) {\n  try {\n    return await fetch(url);\n  } catch (e) {}\n}\n",
      "src/ok.ts": "export const ok = 1;\n",
    });
    const kb = tmpDir();
    expect((await cli(["sweep", repo, "--kb", kb, "--quiet"])).code).toBe(0);
    const fw = await cli(["fixwave", "--kb", kb, "--out", join(repo, "docs/SCRUM_FIX_WAVE.md")]);
    expect(fw.code).toBe(0);
    const next = await cli(["sweep", repo, "--kb", kb, "--json"]);
    const s = JSON.parse(next.out);
    expect(s.iter).toBe(2);
    expect(s.targeted_by_fixwave).toEqual(["src/load.ts"]);
    const { readReviews } = await import("../pipeline/kb/read-kb");
    const rows = readReviews(kb, () => {}).filter((r) => r.iter === 2);
    expect(rows.find((r) => r.file === "src/load.ts")!.targeted_by_fixwave).toBe(true);
    expect(rows.find((r) => r.file === "src/ok.ts")!.targeted_by_fixwave).toBe(false);
  });
});

describe("scrum sweep input checks and the KB lock", () => {
  test("--kb naming a file and --sarif into a missing directory are one-line errors before any work", async () => {
    const repo = gitRepo({ "a.ts": "export const a = 1;\n" });
    const file = join(tmpDir(), "kb.txt");
    writeFileSync(file, "x");
    const kb = await cli(["sweep", repo, "--kb", file]);
    expect([kb.code, kb.err.trim()]).toEqual([2, `scrum: --kb must be a directory: ${file} is a file`]);
    const dir = tmpDir();
    const sarif = await cli(["sweep", repo, "--kb", join(dir, "kb"), "--sarif", join(dir, "no/such/out.sarif")]);
    expect(sarif.code).toBe(2);
    expect(sarif.err).toContain("--sarif: directory not found");
    expect(existsSync(join(dir, "kb", "scrum_reviews.jsonl"))).toBe(false);
  });

  test("a second sweep on a KB held by a live sweep is refused; a stale lock is taken over", async () => {
    const repo = gitRepo({ "a.ts": "export const a = 1;\n" });
    const kb = tmpDir();
    const holder = Bun.spawn(["sleep", "30"]);
    writeFileSync(join(kb, ".sweep.lock"), `${holder.pid}\n`);
    const refused = await cli(["sweep", repo, "--kb", kb]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`another sweep (pid ${holder.pid}) is writing to`);
    holder.kill();
    await holder.exited;
    const ok = await cli(["sweep", repo, "--kb", kb, "--json"]);
    expect(ok.code).toBe(0);
    expect(existsSync(join(kb, ".sweep.lock"))).toBe(false);
  });
});
