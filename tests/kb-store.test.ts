import { describe, expect, test } from "bun:test";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { appendJsonl, readJsonl } from "../pipeline/kb/jsonl";
import { migrateReviewRow } from "../pipeline/kb/migrate";
import { ReviewRowV5 } from "../pipeline/kb/schemas/review-row";
import { tmpDir } from "./support/tmp-repo";

describe("append-only JSONL", () => {
  test("a torn last line is skipped with a warning, and the next append starts on a fresh line", () => {
    const p = join(tmpDir(), "kb.jsonl");
    appendJsonl(p, [{ a: 1 }, { a: 2 }]);
    appendFileSync(p, '{"a": 3, "b": "tor');
    const warnings: string[] = [];
    expect(readJsonl(p, (w) => warnings.push(w))).toEqual([{ a: 1 }, { a: 2 }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("torn last line");
    appendJsonl(p, [{ a: 4 }]);
    expect(readJsonl(p, () => {})).toEqual([{ a: 1 }, { a: 2 }, { a: 4 }]);
    expect(readFileSync(p, "utf8").endsWith('{"a":4}\n')).toBe(true);
  });

  test("a missing file reads as empty", () => {
    expect(readJsonl(join(tmpDir(), "none.jsonl"), () => {})).toEqual([]);
  });
});

const v3 = {
  schema_version: 3, run_id: "r1", iter: 2, repo: "demo", commit: "abc", file: "src/a.ts", chunk: 1, chunks: 1,
  file_sha256: "f".repeat(64), prompt_name: "forensic", prompt_sha256: "e".repeat(64), policy_version: "2026.10",
  status: "accepted", provider: "ollama", model: "kimi-k2:1t", rung: 0, attempts: 2, accepted_on_attempt: 2,
  verdict: "concerns", score: 6.5, confidence: 0.8,
  critical_failures: [{ title: "empty catch", line: 7, evidence: "catch (e) {}" }], verified_components: [], missing_components: [{ title: "retries" }],
  output_format: "markdown", gradient_tier: "sim", latency_ms: 1200, tokens_prompt: 900, tokens_completion: 300,
  cached: false, targeted_by_fixwave: true, created_at: "2026-10-01T00:00:00Z",
};

describe("schema migrations", () => {
  test("a v3 row migrates to a valid v5 row with its figures intact (no night, no shard)", () => {
    const r = migrateReviewRow(v3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ReviewRowV5.safeParse(r.row).success).toBe(true);
    expect(r.row.schema_version).toBe(5);
    expect([r.row.night, r.row.shard]).toEqual([null, null]);
    expect(r.row.prompt).toEqual({ name: "forensic", sha256: "e".repeat(64) });
    expect(r.row.tokens).toEqual({ prompt: 900, completion: 300 });
    expect(r.row.critical_failures_count).toBe(1);
    expect(r.row.missing_components_count).toBe(1);
    expect(r.row.targeted_by_fixwave).toBe(true);
    expect(r.row.critical_failures[0]).toMatchObject({ verified: false, unverified_reason: expect.stringContaining("v3 row") });
  });

  test("unknown versions and invalid rows are reported, not thrown", () => {
    expect(migrateReviewRow({ schema_version: 9 })).toEqual({ ok: false, error: "unknown schema_version 9" });
    const bad = migrateReviewRow({ ...v3, score: "high" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain("score");
  });
});
