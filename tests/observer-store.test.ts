// The ops log: acknowledged rows survive reopening, totals count the whole file, a torn tail is skipped.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toOpRow } from "../pipeline/observer/event";
import { OpState } from "../pipeline/observer/op-state";
import { OpStore } from "../pipeline/observer/op-store";

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "obs-store-"));
  path = join(dir, "ops.jsonl");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (i: number, success = true, source = "scenario") =>
  toOpRow({ endpoint: "/e", success, source, input_summary: `id-${i}`, output_summary: "", duration_ms: 1 }, new Date(Date.UTC(2026, 10, 20, 0, 0, i)));

async function open(ringSize = 3, warnings: string[] = []) {
  const state = new OpState(ringSize);
  const store = await OpStore.open(path, { onRow: (r) => state.record(r), warn: (m) => warnings.push(m) });
  return { state, store, warnings };
}

describe("ops log", () => {
  test("concurrent appends all land once, and a reopen rebuilds totals and the ring from the file", async () => {
    const a = await open();
    await Promise.all(Array.from({ length: 50 }, (_, i) => a.store.append(row(i, i % 5 !== 0, i < 10 ? "scrum" : "scenario"))));
    expect(a.state.totals.total).toBe(50);
    await a.store.close();
    const lines = readFileSync(path, "utf8").trim().split("\n");
    expect(new Set(lines.map((l) => JSON.parse(l).input_summary)).size).toBe(50);
    const b = await open();
    expect(b.state.totals).toEqual({ total: 50, successes: 40, failures: 10, by_source: { scrum: 10, scenario: 40 } });
    expect(b.state.ring.size).toBe(3);
    await b.store.close();
  });

  test("a torn last line is skipped with a warning and the next row is not glued to it", async () => {
    const a = await open();
    await a.store.append(row(1));
    await a.store.close();
    appendFileSync(path, '{"schema_version":1,"endpoint":"/e","succ');
    const b = await open(3);
    expect(b.state.totals.total).toBe(1);
    expect(b.warnings.join("\n")).toContain("torn last line");
    await b.store.append(row(2));
    await b.store.close();
    const c = await open(3, []);
    expect(c.state.totals.total).toBe(2);
    expect(c.state.ring.toArray().map((r) => r.input_summary)).toEqual(["id-1", "id-2"]);
    await c.store.close();
  });

  test("a line that is JSON but not an op row is skipped with a warning", async () => {
    appendFileSync(path, JSON.stringify(row(1)) + "\n" + JSON.stringify({ hello: "world" }) + "\n");
    const a = await open();
    expect(a.state.totals.total).toBe(1);
    expect(a.warnings[0]).toContain("not an op row");
    await a.store.close();
  });

  test("appending after close is refused", async () => {
    const a = await open();
    await a.store.close();
    await expect(a.store.append(row(1))).rejects.toThrow("closed");
  });
});
