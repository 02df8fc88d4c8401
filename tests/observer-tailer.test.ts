// The corrections tailer: byte offsets persisted across restarts, partial lines, truncation and rotation.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpRow } from "../pipeline/observer/event";
import { CorrectionsTailer } from "../pipeline/observer/tailer";

let dir: string;
let file: string;
let got: OpRow[];
let warnings: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "obs-tail-"));
  file = join(dir, "corrections.jsonl");
  got = [];
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tailer = () =>
  new CorrectionsTailer({ path: file, offsetFile: join(dir, "offset.json"), append: async (r) => void got.push(r), now: () => new Date("2026-11-20T00:00:00Z"), warn: (m) => warnings.push(m) });
const line = (c: string, extra: object = {}) => JSON.stringify({ correction: c, task_class: "match", ...extra }) + "\n";

describe("corrections tailer", () => {
  test("a missing file is not an error", async () => {
    expect(await tailer().poll()).toEqual({ ingested: 0, skipped: 0 });
  });

  test("ingests complete lines as overseer ops and resumes from the persisted offset after a restart", async () => {
    writeFileSync(file, line("use the staffer's city") + line("prefer nights", { sig_hash: "abc" }));
    expect((await tailer().poll()).ingested).toBe(2);
    expect(got[0]).toMatchObject({ source: "overseer", event_kind: "correction", correction: "use the staffer's city", task_class: "match" });
    appendFileSync(file, line("third"));
    const again = tailer();
    expect((await again.poll()).ingested).toBe(1);
    expect(got.map((r) => r.correction)).toEqual(["use the staffer's city", "prefer nights", "third"]);
  });

  test("a partial last line waits for its newline", async () => {
    writeFileSync(file, line("one") + '{"correction": "tw');
    const t = tailer();
    expect((await t.poll()).ingested).toBe(1);
    appendFileSync(file, 'o"}\n');
    expect((await t.poll()).ingested).toBe(1);
    expect(got.map((r) => r.correction)).toEqual(["one", "two"]);
  });

  test("bad lines are skipped with a warning and do not block the rest", async () => {
    writeFileSync(file, "not json\n" + JSON.stringify({ nope: 1 }) + "\n" + line("ok"));
    expect(await tailer().poll()).toEqual({ ingested: 1, skipped: 2 });
    expect(warnings.length).toBe(2);
  });

  test("truncation restarts from the beginning", async () => {
    writeFileSync(file, line("aaaaaaaaaaaaaaaa") + line("bbbbbbbbbbbbbbbbbbbbbbb"));
    const t = tailer();
    await t.poll();
    writeFileSync(file, line("fresh"));
    expect((await t.poll()).ingested).toBe(1);
    expect(got.at(-1)!.correction).toBe("fresh");
    expect(warnings.join()).toContain("truncated or rotated");
  });

  test("rotation to a new file of the same or larger size is noticed", async () => {
    writeFileSync(file, line("old-1") + line("old-2"));
    await tailer().poll();
    renameSync(file, file + ".1");
    writeFileSync(file, line("new-1") + line("new-2") + line("new-3"));
    expect((await tailer().poll()).ingested).toBe(3);
    expect(got.slice(2).map((r) => r.correction)).toEqual(["new-1", "new-2", "new-3"]);
  });

  test("a file rewritten in place with different content is read again", async () => {
    writeFileSync(file, line("first version"));
    await tailer().poll();
    writeFileSync(file, line("second version, longer than the first"));
    expect((await tailer().poll()).ingested).toBe(1);
    expect(got.at(-1)!.correction).toBe("second version, longer than the first");
  });
});
