// `scrum trust`'s agreement computed over slices of the contents (what the UI does under its memory limit)
// adds up to the same profile as in one pass, and as the TypeScript reference.
import { expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { trustProfile } from "../pipeline/analytics/trust";
import { loadConfig } from "../pipeline/cli/load-config";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { openKb } from "../pipeline/query/open-kb";
import { trustDb } from "../pipeline/query/trust-db";
import { item, reviewRow, sha, trustRow } from "./support/kb-builder";

const cfg = loadConfig({ cwd: join(import.meta.dir, "..") }).config.signals;
const MODELS = ["kimi-k2:1t", "deepseek-v3.1:671b", "gpt-oss:120b"];
const TITLES = ["Empty catch block swallows the error", "Hardcoded API key in source", "Parameter `limit` is ignored"];

test("agreement over 1, 3 and 7 slices of the contents gives the same profile as trustProfile", async () => {
  const rows = Array.from({ length: 12 }, (_, f) => [1, 2, 3].map((iter) => {
    const model = MODELS[(f + iter) % 3]!;
    const crit = TITLES.filter((_, k) => (f + k + iter) % 2 === 0).map((t, k) => item(t, 10 + k * 7 + (iter % 2)));
    return reviewRow({ iter, file: `f${f}.ts`, file_sha256: sha(`f${f}@${iter >> 1}`), model, verdict: crit.length ? "fail" : "pass", criticals: crit });
  })).flat();
  const floor = rows.filter((_, i) => i % 5 === 0).map((r) => reviewRow({ ...r, iter: r.iter + 3, provider: "static", model: "static-floor", verdict: "concerns", critical_failures: r.critical_failures }));
  const all = [...rows, ...floor];
  const trust = { accepts: all.map((r) => trustRow(r)), misses: [] };
  const dir = mkdtempSync(join(tmpdir(), "scrum-trust-slices-"));
  try {
    appendJsonl(kbPaths(dir).reviews, all);
    appendJsonl(kbPaths(dir).trust, trust.accepts);
    const db = await openKb(dir, cfg);
    try {
      const want = trustProfile(all, trust, { lineBucket: cfg.lineBucket });
      expect(want.some((m) => m.agreement_models.files > 0 && m.agreement_floor.files > 0)).toBe(true);
      for (const buckets of [1, 3, 7]) {
        expect(await trustDb(db, { buckets })).toEqual(want);
      }
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
