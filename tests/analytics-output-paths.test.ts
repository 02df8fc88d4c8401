import { describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFixwaveTargets } from "../pipeline/analytics/fixwave";
import { runCli } from "../pipeline/cli/main";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { item, reviewRow } from "./support/kb-builder";

const CONFIG = join(import.meta.dir, "..", "scrum.config.yaml");

async function run(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, "--config", CONFIG], { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: {}, isTTY: false });
  return { code, out: out.join(""), err: err.join("") };
}

function setup(): { dir: string; kb: string; repo: string } {
  const dir = mkdtempSync(join(tmpdir(), "scrum-out-"));
  const kb = join(dir, "kb");
  const repo = join(dir, "repo");
  mkdirSync(repo);
  appendJsonl(kbPaths(kb).reviews, [reviewRow({ iter: 1, file: "a.ts", score: 3, criticals: [item("Empty catch block", 4)] })]);
  return { dir, kb, repo };
}

describe("fixwave writes where the sweep reads", () => {
  test("--repo DIR puts the doc at DIR/<prompt.proposal>, the path `scrum sweep DIR` reads", async () => {
    const { dir, kb } = setup();
    const r = await run(dir, ["fixwave", "--kb", kb, "--repo", "repo"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const doc = join(dir, "repo/docs/SCRUM_FIX_WAVE.md");
    expect(parseFixwaveTargets(readFileSync(doc, "utf8"))).toEqual(["a.ts"]);
    expect(existsSync(join(dir, "docs"))).toBe(false);
  });

  test("an --out outside the repository is written, with a one-line warning", async () => {
    const { dir, kb } = setup();
    const r = await run(dir, ["fixwave", "--kb", kb, "--repo", "repo", "--out", "elsewhere/wave.md"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "elsewhere/wave.md"))).toBe(true);
    expect(r.err).toMatch(/^scrum: warning: .*elsewhere\/wave\.md is outside the repository .*repo\b.*\n$/);
  });

  test("a --repo that does not exist is an input error (exit 2)", async () => {
    const { dir, kb } = setup();
    await expect(run(dir, ["fixwave", "--kb", kb, "--repo", "nope"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/repository directory not found: nope/) });
  });
});

describe("unwritable outputs are the user's input, not a bug", () => {
  test("fixwave --out naming a directory exits 2 with one line", async () => {
    const { dir, kb } = setup();
    await expect(run(dir, ["fixwave", "--kb", kb, "--out", "repo"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^cannot write .*repo: it is a directory \(EISDIR\)$/) });
  });

  test("report --out through a file exits 2 with one line", async () => {
    const { dir, kb } = setup();
    writeFileSync(join(dir, "plain.txt"), "x");
    await expect(run(dir, ["report", "--kb", kb, "--out", "plain.txt"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^cannot create directory .*plain\.txt: a file is in the way \(EEXIST\)$/) });
    await expect(run(dir, ["report", "--kb", kb, "--out", "plain.txt/sub"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^cannot create directory .*plain\.txt\/sub: /) });
  });
});
