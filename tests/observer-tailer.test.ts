// The corrections tailer: byte offsets persisted across restarts, partial lines, truncation and rotation.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rung } from "../pipeline/core/config";
import type { OpRow, TailMark } from "../pipeline/observer/event";
import { OpStore } from "../pipeline/observer/op-store";
import { startObserver } from "../pipeline/observer/server";
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

describe("corrections are delivered once", () => {
  test("overlapping polls read each line once", async () => {
    writeFileSync(file, Array.from({ length: 200 }, (_, i) => line(`c${i}`)).join(""));
    const slow = new CorrectionsTailer({
      path: file, offsetFile: join(dir, "offset.json"), now: () => new Date(), warn: (m) => warnings.push(m),
      append: async (r) => { await Bun.sleep(0); got.push(r); },
    });
    const results = await Promise.all([slow.poll(), slow.poll(), slow.poll()]);
    expect(results.reduce((n, r) => n + r.ingested, 0)).toBe(200);
    expect(new Set(got.map((r) => r.correction)).size).toBe(200);
    expect(got).toHaveLength(200);
  });

  test("a backlog tailed by a running observer with a fast timer is stored once", async () => {
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => line(`c${i}`)).join(""));
    const obs = await startObserver({
      host: "127.0.0.1", port: 0, dataDir: join(dir, "d"), ringSize: 10, maxBodyBytes: 4096, cycleMs: 60_000, tailMs: 1,
      corrections: file, rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {},
    });
    try {
      for (let i = 0; i < 5; i++) await obs.pollCorrections();
      await Bun.sleep(20);
      expect(obs.state.totals.total).toBe(3000);
    } finally {
      await obs.stop();
    }
    expect(readFileSync(join(dir, "d", "ops.jsonl"), "utf8").trim().split("\n")).toHaveLength(3000);
  });

  /** One observer "process": the ops log (remembering its newest tail mark) and a tailer over it. */
  async function session(opsPath: string) {
    let recovered: TailMark | null = null;
    const rows: OpRow[] = [];
    const store = await OpStore.open(opsPath, { onRow: (r) => { rows.push(r); if (r.tail) recovered = r.tail; }, warn: () => {} });
    const t = new CorrectionsTailer({ path: file, offsetFile: join(dir, "offset.json"), append: (r) => store.append(r), now: () => new Date(), warn: (m) => warnings.push(m), recovered });
    return { t, rows, store };
  }

  test("a crash between storing lines and saving the offset does not store them again", async () => {
    const ops = join(dir, "ops.jsonl");
    writeFileSync(file, line("one") + line("two") + line("three"));
    const a = await session(ops);
    expect((await a.t.poll()).ingested).toBe(3);
    const savedBefore = readFileSync(join(dir, "offset.json"), "utf8");
    appendFileSync(file, line("four") + line("five") + "not json\n");
    expect((await a.t.poll()).ingested).toBe(2);
    await a.store.close();
    // the crash: the ops were fsynced, the offset file still holds the previous position
    writeFileSync(join(dir, "offset.json"), savedBefore);
    const b = await session(ops);
    expect((await b.t.poll()).ingested).toBe(0);
    appendFileSync(file, line("six"));
    expect((await b.t.poll()).ingested).toBe(1);
    await b.store.close();
    const stored = readFileSync(ops, "utf8").trim().split("\n").map((l) => JSON.parse(l).correction);
    expect(stored).toEqual(["one", "two", "three", "four", "five", "six"]);
  });

  test("after a crash and a rotation, the newer position wins", async () => {
    const ops = join(dir, "ops.jsonl");
    writeFileSync(file, line("old-1") + line("old-2"));
    const a = await session(ops);
    await a.t.poll();
    await a.store.close();
    renameSync(file, file + ".1");
    writeFileSync(file, line("new-1"));
    const b = await session(ops);
    expect((await b.t.poll()).ingested).toBe(1);
    await b.store.close();
    const c = await session(ops);
    expect((await c.t.poll()).ingested).toBe(0);
    await c.store.close();
  });
});

describe("over-long lines", () => {
  test("a line longer than the read limit is skipped with one warning and the tailer moves on", async () => {
    writeFileSync(file, line("before") + JSON.stringify({ correction: "x".repeat((4 << 20) + 100) }) + "\n" + line("after"));
    const t = tailer();
    expect(await t.poll()).toEqual({ ingested: 2, skipped: 1 });
    expect(got.map((r) => r.correction)).toEqual(["before", "after"]);
    expect(warnings.filter((w) => w.includes("longer than"))).toHaveLength(1);
    appendFileSync(file, line("later"));
    expect((await t.poll()).ingested).toBe(1);
  });

  test("an over-long line still being written waits without a warning", async () => {
    writeFileSync(file, line("before") + "y".repeat((4 << 20) + 10));
    const t = tailer();
    expect((await t.poll()).ingested).toBe(1);
    expect((await t.poll()).ingested).toBe(0);
    expect(warnings).toEqual([]);
    appendFileSync(file, "\n" + line("after"));
    expect(await t.poll()).toEqual({ ingested: 1, skipped: 1 });
  });
});
