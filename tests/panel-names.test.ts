// bench/panel-names.ts: a candidate for an unseen panel is looked up in every spelling an earlier session used.
import { expect, test } from "bun:test";
import { join } from "node:path";

const run = (...names: string[]) => Bun.spawnSync([process.execPath, join(import.meta.dir, "..", "bench", "panel-names.ts"), ...names]);

test("a repository an earlier panel swept under another spelling is reported used, with where", () => {
  const r = run("kiwitcms/Kiwi");
  expect(r.exitCode).toBe(1);
  expect(r.stdout.toString()).toContain("panel 18 (kiwitcms/Kiwi)");
  expect(r.stdout.toString()).toContain("tests/panel-labels/kiwi.jsonl");
});

test("a name nobody used is new, and no name is a usage error", () => {
  const r = run("nobody-owner/zz-never-swept-repo");
  expect(r.exitCode).toBe(0);
  expect(r.stdout.toString().trim()).toBe("nobody-owner/zz-never-swept-repo: new");
  expect(run().exitCode).toBe(2);
});
