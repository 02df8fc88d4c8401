// kill -9 the observer (a real child process) under load: every acknowledged event survives, none twice.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCrashLoad } from "./fixtures/observer/crash-load";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "obs-crash-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("observer crash safety", () => {
  test("after kill -9 and a restart every acknowledged event is stored exactly once and counted", async () => {
    const r = await runCrashLoad({ dataDir: join(dir, "data"), events: 600, clients: 12, killAfter: 250 });
    expect(r.acked).toBeGreaterThan(250);
    expect(r.missing).toEqual([]);
    expect(r.duplicates).toEqual([]);
    expect(r.acked + r.unacked).toBe(600);
    // totals after the restart count the whole file, not just what the second process received
    expect(r.statsTotalAfter).toBe(r.fileRows);
    expect(r.fileRows).toBe(r.acked + r.unackedButStored);
  });
});
