// The control plane serves under a small DuckDB memory limit; an answer that cannot fit it (an aggregate that
// cannot spill) is computed once more with the build memory instead of failing the view, and the serving limit
// is back in force afterwards.
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../pipeline/cli/load-config";
import { UiDb } from "../pipeline/ui/ui-db";
import { buildUiFixture } from "./fixtures/observer/ui-kb";

const { config } = loadConfig({ cwd: join(import.meta.dir, "..") });
const fx = buildUiFixture(mkdtempSync(join(tmpdir(), "ui-db-mem-")));
afterAll(() => rmSync(fx.root, { recursive: true, force: true }));

// A list of 4M integers in one group: ~32 MB that DuckDB cannot spill to disk.
const BIG = "SELECT len(list(i)) AS n FROM range(4000000) t(i)";

test("an answer past the serving limit is computed with the build memory; the limit then applies again", async () => {
  const spill = mkdtempSync(join(tmpdir(), "ui-db-spill-"));
  const db = await UiDb.open({ kbDir: fx.kb, signals: config.signals, refreshMs: 0, settings: { memory_limit: "16MB", temp_directory: spill } });
  try {
    // The query really does not fit 16 MB: run straight on the connection, it fails.
    await expect(db.kb.con.run(BIG)).rejects.toThrow(/Out of Memory/i);
    let tries = 0;
    const rows = await db.read("big", async (c) => (tries++, c.q(BIG)));
    expect(rows).toEqual([{ n: 4000000 }]);
    expect(tries).toBe(2);
    const limit = await db.read("limit", (c) => c.q("SELECT current_setting('memory_limit') AS m"));
    expect(String(limit[0]!.m)).toMatch(/^1[45]\.\d+ MiB$/);
    // Other errors are not retried.
    let other = 0;
    await expect(db.read("bad", async (c) => (other++, c.q("SELECT * FROM no_such_table")))).rejects.toThrow(/no_such_table/);
    expect(other).toBe(1);
  } finally {
    db.close();
    rmSync(spill, { recursive: true, force: true });
  }
});
