import { describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { trustProfile } from "../pipeline/analytics/trust";
import { runCli } from "../pipeline/cli/main";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { item, missRow, reviewRow, sha, trustRow } from "./support/kb-builder";

const same = sha("same content");
const k1 = reviewRow({ iter: 1, file: "a.ts", file_sha256: same, verdict: "fail", criticals: [item("Empty catch block swallows the error", 12), item("Stale comment", 50, { verified: false })] });
// One row per (iter, file, chunk): the other reviewers saw the same, unchanged content in later iterations.
const d1 = reviewRow({ iter: 2, file: "a.ts", file_sha256: same, model: "deepseek-v3.1:671b", verdict: "fail", criticals: [item("Errors are silently swallowed", 14)] });
const f1 = reviewRow({ iter: 3, file: "a.ts", file_sha256: same, provider: "static", model: "static-floor", verdict: "pass", criticals: [] });
const k2 = reviewRow({ iter: 1, file: "b.ts", output_format: "markdown", run_id: "run-1" });

describe("model trust", () => {
  const trust = {
    accepts: [trustRow(k1), trustRow(k2, { output_format: "markdown" }), trustRow(d1)],
    misses: [missRow({ file: "b.ts", model: "kimi-k2:1t", outcome: "parse_failure" }), missRow({ file: "c.ts", model: "kimi-k2:1t", outcome: "error" })],
  };
  const list = trustProfile([k1, d1, f1, k2], trust);
  const kimi = list.find((m) => m.model === "kimi-k2:1t")!;
  const deep = list.find((m) => m.model === "deepseek-v3.1:671b")!;

  test("files counts distinct files; (iter, file) pairs are counted apart (TS and SQL)", async () => {
    const again = reviewRow({ iter: 2, file: "b.ts", run_id: "run-2" });
    const want = trustProfile([k1, k2, again], { accepts: [], misses: [] });
    const t = want.find((m) => m.model === "kimi-k2:1t")!;
    expect([t.files_accepted, t.file_iters_accepted]).toEqual([2, 3]);
    const dir = mkdtempSync(join(tmpdir(), "scrum-trust-f-"));
    appendJsonl(kbPaths(join(dir, "kb")).reviews, [k1, k2, again]);
    const out: string[] = [];
    const io = { out: (x: string) => out.push(x), err: () => {}, cwd: dir, env: {}, isTTY: false };
    expect(await runCli(["trust", "--kb", "kb", "--json", "--config", join(import.meta.dir, "..", "scrum.config.yaml")], io)).toBe(0);
    expect(JSON.parse(out.join(""))).toEqual(want);
  });

  test("first-attempt rate counts files where the model needed no retry, over files it was tried on", () => {
    expect([kimi.files_accepted, kimi.tried, kimi.first_attempt_accepts]).toEqual([2, 3, 1]);
    expect(kimi.first_attempt_rate).toBeCloseTo(1 / 3);
    expect(kimi.json_rate).toBe(0.5);
    expect(kimi.parse_failures).toBe(1);
    expect(kimi.misses.error).toBe(1);
  });

  test("unverified rate is findings whose evidence did not check out", () => {
    expect([kimi.findings, kimi.unverified_findings, kimi.unverified_rate]).toEqual([2, 1, 0.5]);
    expect(deep.unverified_rate).toBe(0);
  });

  test("agreement on the same content: verdicts and fingerprint overlap, floor apart", () => {
    expect(kimi.agreement_models).toEqual({ files: 1, verdict_agreement: 1, finding_overlap: 0.5 });
    expect(kimi.agreement_floor).toEqual({ files: 1, verdict_agreement: 0, finding_overlap: 0 });
    expect(list.find((m) => m.model === "static-floor")!.agreement_models.files).toBe(1);
  });

  test("`scrum trust --json` (DuckDB over the KB) gives the same profile as trustProfile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-trust-"));
    appendJsonl(kbPaths(join(dir, "kb")).reviews, [k1, d1, f1, k2]);
    appendJsonl(kbPaths(join(dir, "kb")).trust, [...trust.accepts, ...trust.misses]);
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {}, cwd: dir, env: {}, isTTY: false };
    expect(await runCli(["trust", "--kb", "kb", "--json", "--config", join(import.meta.dir, "..", "scrum.config.yaml")], io)).toBe(0);
    expect(JSON.parse(out.join(""))).toEqual(list);
  });

  test("an empty KB gives an empty profile", () => {
    expect(trustProfile([], { accepts: [], misses: [] })).toEqual([]);
  });
});
