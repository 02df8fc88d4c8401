import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { RUN_SCHEMA_VERSION, type RunRow } from "../pipeline/kb/schemas/run-row";
import { evaluateGate, type FindingRow } from "../pipeline/nightly/gate";
import { escapeData, escapeProperty, gateGithub } from "../pipeline/nightly/gate-format";
import { item, reviewRow } from "./support/kb-builder";
import { runScrum } from "./support/run-cli";
import { ROOT } from "./support/sweep-harness";
import { tmpDir } from "./support/tmp-repo";

const CONFIG = join(ROOT, "scrum.config.yaml");
const f = (file: string, title: string, line: number | null, tier: FindingRow["gradient_tier"] = "block"): FindingRow => ({ file, title, line, evidence: null, gradient_tier: tier, fingerprint: `${file}#${title}@${line}`, model: "m" });

const gate = (kb: string, args: string[] = [], env: Record<string, string> = {}) => runScrum(["gate", "--kb", kb, "--config", CONFIG, ...args], { env });

function run(iter: number, phase: "start" | "end", shard: { index: number; count: number } | null): RunRow {
  return { schema_version: RUN_SCHEMA_VERSION, run_id: `r${iter}-${shard?.index ?? 0}`, phase, iter, night: `n${iter}`, shard, repo: "/repo", commit: null, ladder: "offline", prompt: { name: "forensic", sha256: "a".repeat(64) }, policy_version: "p", files_planned: 1, created_at: "2026-11-01T02:00:00.000Z" };
}

describe("gate verdict", () => {
  const prev = [f("a.ts", "Empty catch swallows the error", 10), f("b.ts", "SQL built by string concatenation", 5)];

  test("only findings at or above the tier count", () => {
    const latest = [f("a.ts", "x stub returns a constant", 3, "sim"), f("c.ts", "hardcoded password in source", 7, "dry_run")];
    expect(evaluateGate({ iter: 2, prevIter: 1, latest, previous: [] }, { tier: "block", newOnly: false, lineBucket: 10 }).pass).toBe(true);
    const sim = evaluateGate({ iter: 2, prevIter: 1, latest, previous: [] }, { tier: "sim", newOnly: false, lineBucket: 10 });
    expect([sim.pass, sim.findings.map((x) => x.file)]).toEqual([false, ["a.ts"]]);
    expect(evaluateGate({ iter: 2, prevIter: 1, latest, previous: [] }, { tier: "dry_run", newOnly: false, lineBucket: 10 }).findings).toHaveLength(2);
  });

  test("--new-only matches findings as signals does: reworded and moved a few lines is the same finding, a new one fails", () => {
    const latest = [f("a.ts", "The error is silently swallowed in an empty catch", 13), f("b.ts", "SQL injection via concatenated query", 5), f("b.ts", "Hardcoded API key committed in source", 40)];
    const r = evaluateGate({ iter: 2, prevIter: 1, latest, previous: prev }, { tier: "block", newOnly: true, lineBucket: 10 });
    expect(r.findings.map((x) => [x.file, x.line, x.new])).toEqual([["b.ts", 40, true]]);
    expect(r.at_tier).toBe(3);
    // Moved past the bucket: a new finding.
    const far = evaluateGate({ iter: 2, prevIter: 1, latest: [f("a.ts", "empty catch swallows errors", 25)], previous: prev }, { tier: "block", newOnly: true, lineBucket: 10 });
    expect(far.pass).toBe(false);
    // Without a previous iteration everything is new.
    expect(evaluateGate({ iter: 1, prevIter: null, latest: prev, previous: [] }, { tier: "block", newOnly: true, lineBucket: 10 }).findings).toHaveLength(2);
  });

  test("GitHub annotations escape data and properties as workflow commands require", () => {
    expect(escapeData("50% a\r\nb")).toBe("50%25 a%0D%0Ab");
    expect(escapeProperty("src/a:b,c.ts")).toBe("src/a%3Ab%2Cc.ts");
    const out = gateGithub(evaluateGate({ iter: 2, prevIter: null, latest: [{ ...f("src/x,y.ts", "100% bad\nreally", 4), evidence: "ev" }], previous: [] }, { tier: "block", newOnly: true, lineBucket: 10 }));
    expect(out.split("\n")[0]).toBe("::error file=src/x%2Cy.ts,line=4,title=scrum block (new)::100%25 bad%0Areally%0Aev");
  });
});

describe("scrum gate (CLI)", () => {
  function kb(): string {
    const dir = tmpDir();
    appendJsonl(kbPaths(dir).reviews, [
      reviewRow({ iter: 1, file: "src/db.ts", gradient_tier: "block", criticals: [item("Empty catch swallows the error", 10)] }),
      reviewRow({ iter: 2, file: "src/db.ts", gradient_tier: "block", criticals: [item("error swallowed by an empty catch", 12)] }),
      reviewRow({ iter: 2, file: "src/auth.ts", gradient_tier: "block", criticals: [item("Hardcoded API key in source", 3, { evidence: "const KEY = 'x'" })] }),
      reviewRow({ iter: 2, file: "src/util.ts", gradient_tier: "sim", criticals: [item("stub returns a constant", 8)] }),
    ]);
    return dir;
  }

  test("exit 1 on findings at the tier, 0 with --new-only when every blocker is old", async () => {
    const dir = kb();
    const all = await gate(dir);
    expect(all.code).toBe(1);
    expect(all.out).toContain("gate: iteration 2 (vs 1), tier ≥ block: FAIL, 2 finding(s)");
    const fresh = await gate(dir, ["--new-only", "--json"]);
    expect(fresh.code).toBe(1);
    expect(JSON.parse(fresh.out).findings.map((x: FindingRow) => x.file)).toEqual(["src/auth.ts"]);
    appendJsonl(kbPaths(dir).reviews, [reviewRow({ iter: 3, file: "src/auth.ts", gradient_tier: "block", criticals: [item("Hardcoded API key in source", 3)] })]);
    const again = await gate(dir, ["--new-only"]);
    expect([again.code, again.out]).toEqual([0, "gate: iteration 3 (vs 2), tier ≥ block, new findings only: pass (1 at or above the tier, none new)\n"]);
  });

  test("--format github prints annotations and appends a Markdown summary to GITHUB_STEP_SUMMARY; --sarif writes the iteration's findings", async () => {
    const dir = kb();
    const summary = join(tmpDir(), "summary.md");
    const sarif = join(tmpDir(), "scrum.sarif");
    const r = await gate(dir, ["--new-only", "--format", "github", "--sarif", sarif], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.out).toContain("::error file=src/auth.ts,line=3,title=scrum block (new)::Hardcoded API key in source%0Aconst KEY = 'x'");
    expect(readFileSync(summary, "utf8")).toContain("| block | src/auth.ts | 3 | Hardcoded API key in source | yes |");
    const s = JSON.parse(readFileSync(sarif, "utf8"));
    expect(s.runs[0].results).toHaveLength(3);
  });

  test("an incomplete night is refused; bad flags and an empty KB are usage errors", async () => {
    const dir = kb();
    appendJsonl(kbPaths(dir).runs, [run(2, "start", { index: 1, count: 3 }), run(2, "end", { index: 1, count: 3 }), run(2, "start", { index: 2, count: 3 }), run(2, "end", { index: 3, count: 3 })]);
    const r = await gate(dir);
    expect([r.code, r.err.trim()]).toEqual([1, "scrum: iteration 2 (night n2) is incomplete: shard(s) 2 of 3 have no clean end row (merge every shard's KB before gating)"]);
    expect((await gate(dir, ["--tier", "auto"])).code).toBe(2);
    expect((await gate(dir, ["--format", "xml"])).code).toBe(2);
    expect((await gate(tmpDir())).code).toBe(2);
  });
});
