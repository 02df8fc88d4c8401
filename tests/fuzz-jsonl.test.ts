// Property: the JSONL reader never throws on any bytes, and no valid line is lost: every line that parses
// as JSON is returned, in order, even after a torn write left arbitrary bytes at the end of the file.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { appendJsonl, parseJsonl, readJsonl } from "../pipeline/kb/jsonl";
import { tmpDir } from "./support/tmp-repo";

// SCRUM_FUZZ_RUNS=5000 for a deeper run; the default keeps the suite fast.
const RUNS = Number(process.env.SCRUM_FUZZ_RUNS) || 300;
const isJson = (s: string) => { try { JSON.parse(s); return true; } catch { return false; } };
const line = fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string().map((s) => s.replace(/\n/g, " ")));

describe("JSONL reader under arbitrary input", () => {
  test("every line that is JSON comes back, in order; the others are issues with their line number", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const { rows, issues } = parseJsonl(lines.join("\n"));
        const want = lines.filter((l) => l.trim() && isJson(l.trim())).map((l) => JSON.parse(l.trim()));
        expect(rows).toEqual(want);
        expect(issues.length).toBe(lines.filter((l) => l.trim() && !isJson(l.trim())).length);
        for (const i of issues) expect(lines[i.line - 1]!.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  test("any bytes on disk: no throw, and each decoded line that is JSON is read", () => {
    const dir = tmpDir("scrum-fuzz-");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const path = join(dir, "kb.jsonl");
        writeFileSync(path, bytes);
        const warnings: string[] = [];
        const rows = readJsonl(path, (m) => warnings.push(m));
        const text = Buffer.from(bytes).toString("utf8");
        const want = text.split("\n").map((l) => l.trim()).filter((l) => l && isJson(l)).map((l) => JSON.parse(l));
        expect(rows).toEqual(want);
        for (const w of warnings) expect(w).not.toContain("\n");
      }),
      { numRuns: RUNS },
    );
  });

  test("rows appended after a torn tail (any bytes, no final newline) are all read back", () => {
    const dir = tmpDir("scrum-fuzz-");
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }), fc.uint8Array({ maxLength: 200 }).map((b) => b.filter((x) => x !== 0x0a)), (rows, torn) => {
        const path = join(dir, `t${n++}.jsonl`);
        writeFileSync(path, '{"ok":1}\n');
        appendFileSync(path, torn);
        appendJsonl(path, rows);
        const back = readJsonl(path, () => {});
        expect(back.slice(-rows.length)).toEqual(JSON.parse(JSON.stringify(rows)));
        expect(back[0]).toEqual({ ok: 1 });
      }),
      { numRuns: RUNS },
    );
  });
});
