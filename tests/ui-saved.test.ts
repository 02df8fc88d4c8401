// Answers and derived tables the control plane keeps beside the cache: a restarted server reads them instead of
// recomputing, and never reads them for another KB state, another policy, or from a torn file.
import { afterAll, describe, expect, test } from "bun:test";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../pipeline/cli/load-config";
import { kbPaths } from "../pipeline/kb/paths";
import { openKb } from "../pipeline/query/open-kb";
import { trustDb } from "../pipeline/query/trust-db";
import { SavedAnswers } from "../pipeline/ui/saved-answers";
import { startUi } from "../pipeline/ui/server";
import { UiDb, type TableDefs } from "../pipeline/ui/ui-db";
import { buildUiFixture } from "./fixtures/observer/ui-kb";

const { config } = loadConfig({ cwd: join(import.meta.dir, "..") });
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function fixture() {
  const fx = buildUiFixture(mkdtempSync(join(tmpdir(), "ui-saved-")));
  roots.push(fx.root);
  return { ...fx, store: join(fx.kb, ".cache", "ui") };
}

/** One server lifetime: open, run `fn`, close. `tables` lets a test make a rebuild fail loudly. */
async function life<T>(kb: string, fn: (db: UiDb) => Promise<T>, o: { tables?: TableDefs; policy?: unknown } = {}): Promise<T> {
  const db = await UiDb.open({ kbDir: kb, signals: config.signals, refreshMs: 0, tables: o.tables, saved: { store: new SavedAnswers(join(kb, ".cache", "ui")), policy: o.policy ?? config.signals } });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const BUILD: TableDefs = { t: { sql: ["CREATE OR REPLACE TEMP TABLE t AS SELECT count(*) AS n, 'built' AS how FROM reviews"] } };
const NEVER: TableDefs = { t: { sql: ["CREATE OR REPLACE TEMP TABLE t AS SELECT error('rebuilt although saved') AS n"] } };
const tableOf = (db: UiDb): Promise<Record<string, unknown>[]> => db.read("t", async (c) => (await c.need("t"), c.q("SELECT n, how FROM t")));

describe("saved answers", () => {
  test("a restarted server reads a saved answer and a saved table instead of computing them", async () => {
    const fx = fixture();
    let computed = 0;
    const first = await life(fx.kb, async (db) => ({
      answer: await db.read("metrics:x", async () => ({ n: ++computed, list: [1, 2], none: null }), { save: true }),
      table: await tableOf(db),
    }), { tables: BUILD });
    expect(computed).toBe(1);
    expect(first.table).toEqual([{ n: 15, how: "built" }]); // the fixture's 15 review rows
    const again = await life(fx.kb, async (db) => ({
      answer: await db.read("metrics:x", async () => ({ n: ++computed, list: [] as number[], none: null }), { save: true }),
      unsaved: await db.read("metrics:y", async () => ++computed),
      table: await tableOf(db),
    }), { tables: NEVER });
    expect(again.answer).toEqual({ n: 1, list: [1, 2], none: null });
    expect(again.table).toEqual(first.table);
    expect(again.unsaved).toBe(2); // read without `save`: computed each lifetime
  });

  test("an append to any KB file, or another policy, is a new state: computed again, the old state removed", async () => {
    const fx = fixture();
    let computed = 0;
    const read = (db: UiDb) => db.read("k", async () => ++computed, { save: true });
    await life(fx.kb, read);
    const states = readdirSync(fx.store);
    expect(states).toHaveLength(1);
    appendFileSync(kbPaths(fx.kb).evals, "");
    expect(await life(fx.kb, read)).toBe(1); // an empty append changes no stamp
    writeFileSync(kbPaths(fx.kb).audits, "\n");
    expect(await life(fx.kb, read)).toBe(2);
    expect(readdirSync(fx.store)).toHaveLength(1);
    expect(readdirSync(fx.store)[0]).not.toBe(states[0]);
    expect(await life(fx.kb, read, { policy: { ...config.signals, order: [] } })).toBe(3);
    expect(await life(fx.kb, read)).toBe(4);
  });

  test("a torn or foreign saved file is computed again and overwritten; an unwritable cache only loses the saving", async () => {
    const fx = fixture();
    let computed = 0;
    const read = (db: UiDb) => db.read("k", async () => ({ v: ++computed }), { save: true });
    await life(fx.kb, read);
    const dir = join(fx.store, readdirSync(fx.store)[0]!);
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith(".json"))!);
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 5));
    expect(await life(fx.kb, read)).toEqual({ v: 2 });
    writeFileSync(file, JSON.stringify({ key: "another key", value: { v: 99 } }));
    expect(await life(fx.kb, read)).toEqual({ v: 3 });
    expect(await life(fx.kb, read)).toEqual({ v: 3 });
    rmSync(fx.store, { recursive: true });
    writeFileSync(fx.store, "a file where the directory should be");
    expect(await life(fx.kb, read)).toEqual({ v: 4 });
    expect(await life(fx.kb, read)).toEqual({ v: 5 });
  });

  test("answers worth saving read the trust rows from a parquet copy of this state; an append puts the JSONL back", async () => {
    const fx = fixture();
    const viewSql = async (db: UiDb) => String((await db.read(`view:${Math.random()}`, (c) => c.q("SELECT sql FROM duckdb_views() WHERE view_name = 'trust'")))[0]!.sql);
    const profile = (db: UiDb) => db.read(`trust:${Math.random()}`, async (c) => trustDb(c.kb), { save: true });
    const direct = await openKb(fx.kb, config.signals, { cache: false });
    const expected = await trustDb(direct);
    direct.close();
    expect(expected.length).toBeGreaterThan(0);
    await life(fx.kb, async (db) => {
      expect(await viewSql(db)).toContain("read_csv");
      expect(await profile(db)).toEqual(expected);
      expect(await viewSql(db)).toContain("kb_trust.parquet");
      const state = join(fx.store, readdirSync(fx.store)[0]!);
      expect(existsSync(join(state, "kb_trust.parquet"))).toBe(true);
      appendFileSync(kbPaths(fx.kb).trust, readFileSync(kbPaths(fx.kb).trust, "utf8").split("\n")[0] + "\n");
      expect(await viewSql(db)).toContain("read_csv");
      expect((await profile(db)).length).toBe(expected.length);
      expect(await viewSql(db)).toContain("kb_trust.parquet");
      expect(existsSync(state)).toBe(false); // the old state's copy went with its state
    });
  });

  test("scrum ui: METRICS after a restart is the answer the first server computed", async () => {
    const fx = fixture();
    const serve = async () => {
      const ui = await startUi({ kbDir: fx.kb, repoDir: fx.repo, signals: config.signals, refreshMs: 0 }, { host: "127.0.0.1", port: 0 });
      try {
        await ui.prefetched;
        return await (await fetch(`${ui.url}/api/metrics`)).json();
      } finally {
        await ui.stop();
      }
    };
    const first = await serve();
    const state = join(fx.store, readdirSync(fx.store)[0]!);
    expect(readdirSync(state).filter((f) => f.endsWith(".parquet")).sort()).toEqual(["kb_trust.parquet", "ui_files.parquet", "ui_iters.parquet", "ui_options.parquet", "ui_signals.parquet"]);
    expect(readdirSync(state).filter((f) => f.endsWith(".json")).length).toBeGreaterThanOrEqual(1);
    expect(await serve()).toEqual(first);
    expect(existsSync(state)).toBe(true);
  }, 60_000);
});
