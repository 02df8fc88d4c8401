import { describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../pipeline/cli/main";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { item, missRow, reviewRow, trustRow } from "./support/kb-builder";

const CONFIG = join(import.meta.dir, "..", "scrum.config.yaml");

async function run(dir: string, args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runCli([...args, "--kb", "kb", "--config", CONFIG], { out: (t) => out.push(t), err: () => {}, cwd: dir, env: {}, isTTY: false });
  return { code, out: out.join("") };
}

function kb(): string {
  const dir = mkdtempSync(join(tmpdir(), "scrum-q-"));
  const r = reviewRow({ iter: 1, file: "a.ts", score: 4, criticals: [item("Empty catch, error ignored", 12), item('Says "hi", twice', 30)] });
  appendJsonl(kbPaths(join(dir, "kb")).reviews, [r, reviewRow({ iter: 2, file: "a.ts", score: 5 })]);
  appendJsonl(kbPaths(join(dir, "kb")).trust, [trustRow(r), missRow({ file: "a.ts", model: "gpt-oss:120b" })]);
  return dir;
}

describe("scrum query", () => {
  test("findings has one row per critical failure with a fingerprint", async () => {
    const { code, out } = await run(kb(), ["query", "select file, iter, model, title, line, fingerprint from findings order by line", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { file: "a.ts", iter: 1, model: "kimi-k2:1t", title: "Empty catch, error ignored", line: 12, fingerprint: "a.ts#swallowed-error@L11" },
      { file: "a.ts", iter: 1, model: "kimi-k2:1t", title: 'Says "hi", twice', line: 30, fingerprint: "a.ts#says-twice@L21" },
    ]);
  });

  test("csv quotes commas and quotes; table ends with a row count", async () => {
    const dir = kb();
    const csv = (await run(dir, ["query", "select title from findings order by line", "--format", "csv"])).out;
    expect(csv).toBe('title\n"Empty catch, error ignored"\n"Says ""hi"", twice"\n');
    expect((await run(dir, ["query", "select kind, model from trust order by kind"])).out).toMatch(/kind\s+model\n-+\s+-+\naccept\s+kimi-k2:1t\nmiss\s+gpt-oss:120b\n\(2 rows\)/);
  });

  test("the cache is rebuilt when the JSONL grows", async () => {
    const dir = kb();
    expect(JSON.parse((await run(dir, ["query", "select count(*) n from reviews", "--json"])).out)).toEqual([{ n: 2 }]);
    expect(existsSync(join(dir, "kb/.cache/reviews.manifest.json"))).toBe(true);
    appendJsonl(kbPaths(join(dir, "kb")).reviews, [reviewRow({ iter: 3, file: "a.ts" })]);
    expect(JSON.parse((await run(dir, ["query", "select count(*) n from reviews", "--json"])).out)).toEqual([{ n: 3 }]);
  });

  test("bad SQL is a one-line usage error (exit 2)", async () => {
    await expect(run(kb(), ["query", "select * from nowhere"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^SQL error: .*nowhere/) });
    await expect(run(kb(), ["query", "select 1", "--format", "xml"])).rejects.toMatchObject({ exitCode: 2 });
  });

  test("an empty KB has every view, all empty", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scrum-q0-"));
    mkdirSync(join(dir, "kb"));
    for (const v of ["reviews", "findings", "trust", "runs", "signals", "file_iters"]) {
      expect(JSON.parse((await run(dir, ["query", `select count(*) n from ${v}`, "--json"])).out)).toEqual([{ n: 0 }]);
    }
    expect(JSON.parse((await run(dir, ["signals", "--json"])).out)).toEqual([]);
    await expect(run(dir, ["compare"])).rejects.toMatchObject({ exitCode: 2 });
  });

  test("a torn last line is skipped, not fatal", async () => {
    const dir = kb();
    await Bun.write(join(dir, "kb/scrum_reviews.jsonl"), (await Bun.file(join(dir, "kb/scrum_reviews.jsonl")).text()) + '{"schema_version":4,"iter":');
    expect(JSON.parse((await run(dir, ["query", "select count(*) n from reviews", "--json"])).out)).toEqual([{ n: 2 }]);
  });
});
