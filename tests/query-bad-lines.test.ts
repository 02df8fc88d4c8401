import { describe, expect, test } from "bun:test";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareIterations } from "../pipeline/analytics/compare";
import { computeSignals } from "../pipeline/analytics/signals";
import { trustProfile } from "../pipeline/analytics/trust";
import { loadConfig } from "../pipeline/cli/load-config";
import { runCli } from "../pipeline/cli/main";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { readReviews, readRuns, readTrust } from "../pipeline/kb/read-kb";
import { RunRowV1 } from "../pipeline/kb/schemas/run-row";
import { item, missRow, reviewRow, trustRow } from "./support/kb-builder";

const CONFIG = join(import.meta.dir, "..", "scrum.config.yaml");
const cfg = loadConfig({ cwd: join(import.meta.dir, "..") }).config.signals;

async function run(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, "--kb", "kb", "--config", CONFIG], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env: {}, isTTY: false });
  return { code, out: out.join(""), err: err.join("") };
}

const count = async (dir: string, extra: string[] = []) =>
  JSON.parse((await run(dir, ["query", "select iter, count(*) n from reviews group by 1 order by 1", "--json", ...extra])).out);

const rowsOf = (n: number, iter: number) => Array.from({ length: n }, (_, i) => reviewRow({ iter, file: `src/f${i}.ts`, score: 3 + i, criticals: [item("Empty catch block", 10 + i)] }));

/** The state after a sweep killed mid-append: 4 rows, 72 bytes of a fifth ending in `"repo":`, then the next sweep's rows. */
function tornKb(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "scrum-torn-"));
  const path = kbPaths(join(dir, "kb")).reviews;
  const rows = rowsOf(5, 1);
  appendJsonl(path, rows.slice(0, 4));
  const fifth = JSON.stringify(rows[4]);
  const cut = fifth.indexOf('"repo":') + '"repo":'.length;
  appendFileSync(path, fifth.slice(0, cut));
  appendJsonl(path, rowsOf(4, 2));
  return { dir, path };
}

describe("lines DuckDB must not lose", () => {
  test("a torn line mid-file does not swallow the next valid row (cached and direct)", async () => {
    const { dir } = tornKb();
    const ts = readReviews(join(dir, "kb"), () => {});
    expect(ts.length).toBe(8);
    const want = [{ iter: 1, n: 4 }, { iter: 2, n: 4 }];
    expect(await count(dir)).toEqual(want);
    expect(await count(dir, ["--no-cache"])).toEqual(want);
    const again = await run(dir, ["query", "select count(*) n from reviews", "--json"]);
    expect(JSON.parse(again.out)).toEqual([{ n: 8 }]);
    expect(again.err).toMatch(/^scrum: warning: .*scrum_reviews\.jsonl: 1 line\(s\) skipped \(1 not valid JSON\)/);
    expect(again.err.trim().split("\n")).toHaveLength(1);
  });

  test("the incremental cache path keeps the row after a torn tail the next sweep followed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-torn-inc-"));
    const path = kbPaths(join(dir, "kb")).reviews;
    const rows = rowsOf(5, 1);
    appendJsonl(path, rows.slice(0, 4));
    const fifth = JSON.stringify(rows[4]);
    appendFileSync(path, fifth.slice(0, fifth.indexOf('"repo":') + 7));
    expect(await count(dir)).toEqual([{ iter: 1, n: 4 }]);
    appendJsonl(path, rowsOf(4, 2));
    expect(await count(dir)).toEqual([{ iter: 1, n: 4 }, { iter: 2, n: 4 }]);
    expect((await run(dir, ["query", "select count(*) from reviews"])).err).toMatch(/1 line\(s\) skipped/);
  });

  test("torn lines in model_trust.jsonl and scrum_runs.jsonl do not swallow the next row either", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-torn-t-"));
    const kb = join(dir, "kb");
    const r = reviewRow({ iter: 1, file: "a.ts" });
    appendJsonl(kbPaths(kb).reviews, [r]);
    const t = JSON.stringify(trustRow(r));
    appendJsonl(kbPaths(kb).trust, [trustRow(r)]);
    appendFileSync(kbPaths(kb).trust, t.slice(0, t.indexOf('"iter":') + 7));
    appendJsonl(kbPaths(kb).trust, [missRow({ file: "a.ts", model: "gpt-oss:120b" }), trustRow(r, { model: "m2" })]);
    const res = await run(dir, ["query", "select kind, model from trust order by model", "--json"]);
    expect(JSON.parse(res.out)).toEqual([{ kind: "miss", model: "gpt-oss:120b" }, { kind: "accept", model: "kimi-k2:1t" }, { kind: "accept", model: "m2" }]);
    expect(res.err).toMatch(/model_trust\.jsonl: 1 line\(s\) skipped/);
    const tsTrust = readTrust(kb, () => {});
    expect(tsTrust.accepts.length + tsTrust.misses.length).toBe(3);

    const run1 = RunRowV1.parse({ schema_version: 1, run_id: "run-1", phase: "start", iter: 1, repo: "/repo", commit: null, ladder: "default",
      prompt: { name: "forensic", sha256: "a".repeat(64) }, policy_version: "2026.11.1", files_planned: 3, created_at: "2026-11-01T02:00:00.000Z" });
    appendJsonl(kbPaths(kb).runs, [run1]);
    const line = JSON.stringify({ ...run1, phase: "end" });
    appendFileSync(kbPaths(kb).runs, line.slice(0, line.indexOf('"iter":') + 7));
    appendJsonl(kbPaths(kb).runs, [{ ...run1, phase: "end", reviewed: 3 }, { ...run1, run_id: "run-2", phase: "sideways" }]);
    const runs = await run(dir, ["query", "select run_id, phase, reviewed from runs order by phase desc", "--json"]);
    expect(JSON.parse(runs.out)).toEqual([{ run_id: "run-1", phase: "start", reviewed: null }, { run_id: "run-1", phase: "end", reviewed: 3 }]);
    expect(runs.err).toMatch(/scrum_runs\.jsonl: 2 line\(s\) skipped \(1 not valid JSON, 1 not valid run rows\)/);
    expect(readRuns(kb, () => {})).toHaveLength(2);
  });
});

describe("the SQL path applies the row schema like the TypeScript reader", () => {
  test("rows the zod schema rejects are skipped by SQL too, and the figures agree", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-badrows-"));
    const kb = join(dir, "kb");
    mkdirSync(kb);
    const good = [
      reviewRow({ iter: 1, file: "a.ts", score: 4, criticals: [item("SQL injection via name", 12)] }),
      reviewRow({ iter: 1, file: "b.ts", score: 6 }),
      reviewRow({ iter: 2, file: "a.ts", score: 5.5, criticals: [item("SQL injection via name", 12)] }),
      reviewRow({ iter: 2, file: "b.ts", score: 6.5 }),
    ];
    const bad = [
      { ...reviewRow({ iter: 2, file: "c.ts" }), score: 42 },
      { ...reviewRow({ iter: 2, file: "d.ts" }), confidence: 1.5 },
      { ...reviewRow({ iter: 2, file: "e.ts" }), score: "high" },
      { ...reviewRow({ iter: 2, file: "f.ts" }), prompt: undefined },
      { ...reviewRow({ iter: 2, file: "g.ts" }), status: "maybe" },
      { ...reviewRow({ iter: 2, file: "h.ts" }), critical_failures: [{ title: "", line: 3, verified: true }] },
      { ...reviewRow({ iter: 2, file: "i.ts" }), file_sha256: "abc" },
      { ...reviewRow({ iter: 2, file: "j.ts" }), schema_version: 99 },
      { ...reviewRow({ iter: 2, file: "k.ts" }), iter: 0 },
    ];
    const { prompt, tokens, attempts, ...rest } = reviewRow({ iter: 2, file: "v3.ts", score: 7 });
    const v3 = { ...rest, schema_version: 3, prompt_name: prompt.name, prompt_sha256: prompt.sha256, attempts: 1, tokens_prompt: tokens.prompt, tokens_completion: tokens.completion };
    const v3bad = { ...v3, file: "v3bad.ts", attempts: [] };
    const lines = [...good, ...bad, v3, v3bad].map((r) => JSON.stringify(r));
    writeFileSync(kbPaths(kb).reviews, lines.join("\n") + "\n");
    appendJsonl(kbPaths(kb).trust, [trustRow(good[0]!), { ...trustRow(good[1]!), latency_ms: -1 }, missRow({ file: "a.ts", model: "m" }), { ...missRow({ file: "a.ts", model: "m" }), outcome: "moon" }]);
    const warnings: string[] = [];
    const ts = readReviews(kb, (m) => warnings.push(m));
    expect(ts.map((r) => r.file).sort()).toEqual(["a.ts", "a.ts", "b.ts", "b.ts", "v3.ts"]);
    for (const extra of [[], ["--no-cache"]]) {
      const sql = JSON.parse((await run(dir, ["query", "select file from reviews order by file", "--json", ...extra])).out);
      expect(sql.map((r: { file: string }) => r.file)).toEqual(["a.ts", "a.ts", "b.ts", "b.ts", "v3.ts"]);
    }
    const cmp = await run(dir, ["compare", "--json"]);
    expect(JSON.parse(cmp.out)).toEqual(compareIterations(ts, {}));
    expect(cmp.err).toMatch(/scrum_reviews\.jsonl: 10 line\(s\) skipped \(10 not valid review rows\)/);
    expect(JSON.parse((await run(dir, ["signals", "--json"])).out)).toEqual(computeSignals(ts, cfg));
    const trust = await run(dir, ["trust", "--json"]);
    expect(JSON.parse(trust.out)).toEqual(trustProfile(ts, readTrust(kb, () => {}), { lineBucket: cfg.lineBucket }));
    expect(trust.err).toMatch(/model_trust\.jsonl: 2 line\(s\) skipped/);
    expect(readFileSync(kbPaths(kb).reviews, "utf8").split("\n").length).toBe(lines.length + 1);
  });
});
