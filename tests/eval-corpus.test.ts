// End to end: `scrum eval` sweeps the shipped corpus with the offline ladder and meets the quality bar.
import { describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../pipeline/cli/main";
import type { Io } from "../pipeline/cli/command";

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: {}, isTTY: false };
  return { value, out, err };
}

describe("scrum eval", () => {
  test("the floor finds ≥ 90% of planted defects with ≥ 90% precision on the shipped corpus", async () => {
    const t = io(join(import.meta.dir, ".."));
    expect(await runCli(["eval", "--ladder", "offline", "--json"], t.value)).toBe(0);
    const r = JSON.parse(t.out.join(""));
    expect(r.ladder).toBe("offline");
    expect(r.total.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.total.precision).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(r.by_language).sort()).toEqual(["go", "python", "rust", "typescript"]);
  });

  test("a corpus whose ground truth names defects that are not there scores low recall", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-evalc-"));
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "ok.ts"), "export const add = (a: number, b: number) => a + b;\n");
    writeFileSync(join(dir, "ground-truth.yaml"), "version: 1\ndefects:\n  - { file: src/ok.ts, line: 1, class: stub }\n");
    const t = io(join(import.meta.dir, ".."));
    expect(await runCli(["eval", dir, "--ladder", "offline", "--json"], t.value)).toBe(0);
    const r = JSON.parse(t.out.join(""));
    expect(r.total).toMatchObject({ expected: 1, found: 0, recall: 0 });
  });

  test("--keep DIR leaves the corpus copy and its KB there, and refuses a directory that is not empty", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-evalc-"));
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "ok.ts"), "export const add = (a: number, b: number) => a + b;\n");
    writeFileSync(join(dir, "ground-truth.yaml"), "version: 1\ndefects:\n  - { file: src/ok.ts, line: 1, class: stub }\n");
    const keep = join(mkdtempSync(join(tmpdir(), "scrum-keep-")), "kept");
    const t = io(join(import.meta.dir, ".."));
    expect(await runCli(["eval", dir, "--ladder", "offline", "--keep", keep, "--json"], t.value)).toBe(0);
    const r = JSON.parse(t.out.join(""));
    expect(r.kept).toEqual({ dir: keep, copy: join(keep, "corpus"), kb: join(keep, "kb") });
    expect(existsSync(join(keep, "corpus", "src", "ok.ts"))).toBe(true);
    expect(existsSync(join(keep, "corpus", "ground-truth.yaml"))).toBe(false);
    expect(readdirSync(join(keep, "kb"))).toContain("scrum_reviews.jsonl");
    const text = io(join(import.meta.dir, ".."));
    await expect(runCli(["eval", dir, "--ladder", "offline", "--keep", keep], text.value)).rejects.toThrow(/--keep .*directory is not empty/);
    const plain = io(join(import.meta.dir, ".."));
    expect(await runCli(["eval", dir, "--ladder", "offline", "--keep", join(keep, "..", "again")], plain.value)).toBe(0);
    expect(plain.out.join("")).toContain(`kept: corpus copy ${join(keep, "..", "again", "corpus")}`);
  });

  test("a missing corpus is an input error", async () => {
    const t = io(tmpdir());
    await expect(runCli(["eval", "/nonexistent/corpus"], t.value)).rejects.toThrow(/corpus not found/);
  });
});
