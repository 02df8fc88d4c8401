// The hand-labelled panel sample: labels only (no source), valid, and the bench's table math.
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PanelLabel, readLabels, renderPanel, type RepoTally } from "../bench/real-panel";

const DIR = join(import.meta.dir, "panel-labels");

describe("panel labels", () => {
  const all = readdirSync(DIR).filter((f) => f.endsWith(".jsonl")).flatMap((f) => readLabels(readFileSync(join(DIR, f), "utf8"), f));

  test("every label names a file, line, rule, class, a verdict and a one-line reason, and nothing else", () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const l of all) expect(Object.keys(l).sort()).toEqual(["class", "file", "label", "line", "reason", "rule_id"]);
    expect(all.every((l) => !l.reason.includes("\n"))).toBe(true);
  });

  test("a label file with a field that could carry source code is rejected", () => {
    expect(() => readLabels(JSON.stringify({ file: "a.ts", line: 1, rule_id: "r", class: "stub", label: "defensible", reason: "x y z", snippet: "code" }), "bad.jsonl")).toThrow(/bad\.jsonl:1/);
    expect(() => readLabels(JSON.stringify({ file: "a.ts", line: 1, rule_id: "r", class: "stub", label: "maybe", reason: "x y z" }), "bad.jsonl")).toThrow(/label/);
  });

  test("a torn or non-JSON line names its file and line instead of a parser's message", () => {
    const good = JSON.stringify({ file: "a.ts", line: 1, rule_id: "r", class: "stub", label: "defensible", reason: "x y z" });
    expect(() => readLabels(`${good}\n{"file": "b.ts", "li`, "torn.jsonl")).toThrow("torn.jsonl:2: not a JSON object");
  });

  test("the panel bench refuses a bad label file in one line, exit 2, before it scans", () => {
    const dir = mkdtempSync(join(tmpdir(), "panel-labels-"));
    mkdirSync(join(dir, "labels")); mkdirSync(join(dir, "repo"));
    writeFileSync(join(dir, "labels", "repo.jsonl"), JSON.stringify({ file: "a.ts", line: 1, rule_id: "r", class: "stub", label: "defensible", reason: "x".repeat(300) }) + "\n");
    const r = spawnSync(process.execPath, [join(import.meta.dir, "..", "bench", "real-panel.ts"), "--labels", join(dir, "labels"), join(dir, "repo")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^real-panel: .*repo\.jsonl:1: reason: /);
    expect(r.stdout).toBe("");
  });

  test("a directory fetched with another case than its label file still gets its labels, and the bench says so", () => {
    const dir = mkdtempSync(join(tmpdir(), "panel-labels-"));
    mkdirSync(join(dir, "labels")); mkdirSync(join(dir, "Repo"));
    writeFileSync(join(dir, "Repo", "app.ts"), "export const x = 1;\n");
    writeFileSync(join(dir, "labels", "repo.jsonl"), JSON.stringify({ file: "app.ts", line: 1, rule_id: "r", class: "stub", label: "defensible", reason: "x y z" }) + "\n");
    const r = spawnSync(process.execPath, [join(import.meta.dir, "..", "bench", "real-panel.ts"), "--labels", join(dir, "labels"), join(dir, "Repo")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("real-panel: Repo: labels read from repo.jsonl (the case differs)");
    expect(r.stdout).toContain("labels whose finding is no longer reported: 1 (0 of them labelled not-defensible)");
  });
});

describe("renderPanel", () => {
  const repo: RepoTally = {
    repo: "demo", files: 2, lines: { shipped: 2000, test: 1000, other: 0 },
    findings: [
      { repo: "demo", file: "src/a.ts", line: 3, rule_id: "ts-empty-catch", class: "swallowed-error", severity: "warning", place: "shipped", snippet: "" },
      { repo: "demo", file: "test/a.test.ts", line: 9, rule_id: "ts-assertion-free-test", class: "assertion-free-test", severity: "info", place: "test", snippet: "" },
    ],
  };
  const labels = new Map<string, PanelLabel[]>([["demo", [
    { file: "src/a.ts", line: 3, rule_id: "ts-empty-catch", class: "swallowed-error", label: "defensible", reason: "write error lost" },
    { file: "src/gone.ts", line: 1, rule_id: "ts-empty-catch", class: "swallowed-error", label: "not-defensible", reason: "probe" },
    { file: "test/a.test.ts", line: 9, rule_id: "ts-assertion-free-test", class: "assertion-free-test", label: "not-defensible", reason: "parse is the check" },
  ]]]);

  test("findings per 1,000 lines by place, info notes, and label precision with gone labels counted", () => {
    const out = renderPanel([repo], labels);
    expect(out).toContain("| demo | 2 | 2.0 / 1.0 / 0.0 | 1 (0.50) | 1 (1.00) | 0 (0.00) |");
    expect(out).toContain("| of which info-level notes | | | 0 (0.00) | 1 (1.00) | 0 (0.00) |");
    expect(out).toContain("| swallowed-error | 1/1 (100%) | - | - |");
    expect(out).toContain("labels whose finding is no longer reported: 1 (1 of them labelled not-defensible)");
  });

  test("defect claims leave info notes out, in the rates and in the labelled precision", () => {
    const out = renderPanel([repo], labels);
    expect(out).toContain("| defect claims (warning and above) | | | 1 (0.50) | 0 (0.00) | 0 (0.00) |");
    expect(out).toContain("| **all** | 1/1 (100%) | 0/1 (0%) | - |");
    expect(out).toContain("| **defect claims** (info notes left out) | 1/1 (100%) | - | - |");
  });

  test("leads are counted apart from smoke notes, with their own labelled precision", () => {
    const withLead: RepoTally = { ...repo, findings: [...repo.findings, { repo: "demo", file: "src/b.ts", line: 5, rule_id: "ts-empty-catch", class: "swallowed-error", severity: "info", place: "shipped", snippet: "", lead: true }] };
    const more = new Map(labels);
    more.set("demo", [...labels.get("demo")!, { file: "src/b.ts", line: 5, rule_id: "ts-empty-catch", class: "swallowed-error", label: "not-defensible", reason: "cache refresh" }]);
    const out = renderPanel([withLead], more);
    expect(out).toContain("| of which leads (info notes the models verify) | | | 1 (0.50) | 0 (0.00) | 0 (0.00) |");
    expect(out).toContain("| leads (info notes; what a claim would have been) | 0/1 (0%) | - | - |");
    expect(out).toContain("| **defect claims** (info notes left out) | 1/1 (100%) | - | - |");
  });
});
