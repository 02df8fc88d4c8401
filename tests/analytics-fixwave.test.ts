import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileIters } from "../pipeline/analytics/file-iter";
import { limitFixwave, parseFixwaveTargets, rankFixwave, renderFixwave } from "../pipeline/analytics/fixwave";
import { computeSignals } from "../pipeline/analytics/signals";
import { runCli } from "../pipeline/cli/main";
import { loadConfig } from "../pipeline/cli/load-config";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { item, reviewRow } from "./support/kb-builder";

const ROOT = join(import.meta.dir, "..");
const cfg = loadConfig({ cwd: ROOT }).config.signals;
const A = item("Empty catch block swallows the error", 12);
const ROWS = [
  reviewRow({ iter: 1, file: "src/loop.ts", score: 4, criticals: [A] }),
  reviewRow({ iter: 2, file: "src/loop.ts", score: 4.2, criticals: [A], targeted_by_fixwave: true, confidence: 0.6 }),
  reviewRow({ iter: 1, file: "src/worse.py", score: 7, criticals: [] }),
  reviewRow({ iter: 2, file: "src/worse.py", score: 2, confidence: 0.9, criticals: [item("Hardcoded API key in settings", 3)], gradient_tier: "block" }),
  reviewRow({ iter: 2, file: "src/clean.ts", score: 9, criticals: [] }),
];

describe("fix-wave doc", () => {
  const entries = rankFixwave(fileIters(ROWS, 10).filter((r) => r.iter === 2), computeSignals(ROWS, cfg));
  const doc = renderFixwave({ iter: 2, entries, signals: cfg });

  test("ranks LOOPING first even when another file is worse, and leaves clean files out", () => {
    expect(entries.map((e) => [e.file, e.signal])).toEqual([["src/loop.ts", "LOOPING"], ["src/worse.py", "REGRESSING"]]);
  });

  test("carries the sweep contract: the marker line near the top and one heading per file", () => {
    const lines = doc.split("\n");
    expect(lines.slice(0, 5)).toContain('<!-- scrum-fixwave {"iter":2,"files":["src/loop.ts","src/worse.py"]} -->');
    expect(lines.filter((l) => l.startsWith("### "))).toEqual(["### `src/loop.ts`", "### `src/worse.py`"]);
    expect(doc).toContain("> evidence for Empty catch block swallows the error");
    expect(doc).toContain("`src/loop.ts#swallowed-error@L11` no longer reported");
  });

  test("parseFixwaveTargets reads the marker back, and refuses docs without a valid one", () => {
    expect(parseFixwaveTargets(doc)).toEqual(["src/loop.ts", "src/worse.py"]);
    expect(parseFixwaveTargets("# a doc\n### `x.ts`\n")).toBeNull();
    expect(parseFixwaveTargets('<!-- scrum-fixwave {"iter":1,"files":[3]} -->')).toBeNull();
    expect(parseFixwaveTargets("<!-- scrum-fixwave {not json} -->")).toBeNull();
  });

  test("`scrum fixwave` writes the doc from the KB; an unknown iteration exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-fw-"));
    appendJsonl(kbPaths(join(dir, "kb")).reviews, ROWS);
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {}, cwd: dir, env: {}, isTTY: false };
    expect(await runCli(["fixwave", "--kb", "kb", "--config", join(ROOT, "scrum.config.yaml")], io)).toBe(0);
    const written = readFileSync(join(dir, "docs/SCRUM_FIX_WAVE.md"), "utf8");
    expect(parseFixwaveTargets(written)).toEqual(["src/loop.ts", "src/worse.py"]);
    await expect(runCli(["fixwave", "--kb", "kb", "--iter", "9", "--config", join(ROOT, "scrum.config.yaml")], io)).rejects.toMatchObject({ exitCode: 2 });
  });

  test("--limit keeps the most urgent files, and the doc and --json say how many were left out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-fwl-"));
    appendJsonl(kbPaths(join(dir, "kb")).reviews, ROWS);
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {}, cwd: dir, env: {}, isTTY: false };
    const args = ["fixwave", "--kb", "kb", "--config", join(ROOT, "scrum.config.yaml")];
    expect(await runCli([...args, "--limit", "1", "--json"], io)).toBe(0);
    expect(JSON.parse(out.join(""))).toMatchObject({ iter: 2, files: [{ file: "src/loop.ts" }], omitted: 1 });
    const written = readFileSync(join(dir, "docs/SCRUM_FIX_WAVE.md"), "utf8");
    expect(parseFixwaveTargets(written)).toEqual(["src/loop.ts"]);
    expect(written).toContain("2 file(s) with critical failures");
    expect(written).toContain("**1 more file(s) left out** by the limit");
    expect(written).not.toContain("### `src/worse.py`");
    // Under the limit nothing is left out and the note is absent.
    expect(await runCli([...args, "--limit", "5"], io)).toBe(0);
    expect(readFileSync(join(dir, "docs/SCRUM_FIX_WAVE.md"), "utf8")).not.toContain("left out");
    await expect(runCli([...args, "--limit", "0"], io)).rejects.toMatchObject({ exitCode: 2 });
  });

  test("the default limit comes from config fixwave.limit", () => {
    expect(loadConfig({ cwd: ROOT }).config.fixwave.limit).toBe(25);
    expect(limitFixwave(entries, 25)).toEqual({ entries, omitted: 0 });
    expect(limitFixwave(entries, 1).omitted).toBe(1);
  });
});
