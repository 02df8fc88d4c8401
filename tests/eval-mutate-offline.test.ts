// `scrum eval --mutate --ladder offline` end to end on a multi-language fixture and on this repository.
import { describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { readEvals } from "../pipeline/kb/read-kb";
import { ROOT } from "./support/sweep-harness";
import { fixtureRepo, scrumCli, treeHash } from "./support/mutate-fixture";
import { git, tmpDir } from "./support/tmp-repo";

const scrum = scrumCli;

describe("scrum eval --mutate on the offline ladder", () => {
  test("plants one mutant per file, reports the floor's recall per class, keeps the copy and never touches the repository", async () => {
    // A repository directory named like the eval's own KB directory must not collide with it.
    const repo = join(tmpDir(), "kb");
    renameSync(fixtureRepo(), repo);
    const before = treeHash(repo);
    const kb = tmpDir("scrum-kb-");
    const keep = join(tmpDir(), "kept");
    const classes = "swallowed-error,stub,hardcoded-secret,tls-disabled,unwired-auth";
    const r = await scrum(["eval", "--mutate", repo, "--ladder", "offline", "--kb", kb, "--classes", classes, "--per-class", "1", "--seed", "s1", "--keep", keep, "--json"], ROOT);
    expect(r.err).not.toContain("    at ");
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(treeHash(repo)).toBe(before);
    expect(res.mutants.map((m: { class: string }) => m.class).sort()).toEqual(["hardcoded-secret", "stub", "swallowed-error", "tls-disabled"]);
    expect(new Set(res.mutants.map((m: { file: string }) => m.file)).size).toBe(res.mutants.length);
    // A class with no site is reported, not dropped.
    expect(res.not_planted).toEqual([expect.objectContaining({ class: "unwired-auth", reason: "no_site" })]);
    // Every mutant is judged for the floor, and the figures add up.
    const floor = res.reviewers.find((s: { label: string }) => s.label === "floor");
    expect(floor.total.planted).toBe(res.mutants.length);
    expect(floor.total.caught).toBe(res.results.filter((x: { outcome: string }) => x.outcome === "caught").length);
    // --keep: the mutated copy (git diff shows exactly the planted files), mutants.json, the eval KB.
    const kept = JSON.parse(readFileSync(join(keep, "mutants.json"), "utf8"));
    expect(kept.mutants).toEqual(res.mutants);
    const diff = git(res.kept.copy, "diff", "--name-only").trim().split("\n").sort();
    expect(diff).toEqual(res.mutants.map((m: { file: string }) => m.file).sort());
    expect(git(res.kept.copy, "status", "--porcelain").split("\n").filter(Boolean).sort()).toEqual(diff.map((f) => ` M ${f}`));
    for (const m of res.mutants) expect(readFileSync(join(res.kept.copy, m.file), "utf8")).toContain(m.after);
    // The KB gets one row per (mutant, reviewer) and one per mutant not planted.
    const rows = readEvals(kb, () => {});
    expect(rows.length).toBe(res.mutants.length + 1);
    expect(rows.filter((x) => x.outcome === "no_site").map((x) => x.class)).toEqual(["unwired-auth"]);
    const q = await scrum(["query", "--kb", kb, "--json", "select outcome, count(*)::INTEGER AS n from evals group by all order by all"], ROOT);
    expect(q.code).toBe(0);
    const counts = Object.fromEntries(JSON.parse(q.out).map((x: { outcome: string; n: number }) => [x.outcome, x.n]));
    expect((counts.caught ?? 0) + (counts.missed ?? 0)).toBe(res.mutants.length);
    // The same seed plants the same mutants.
    const again = await scrum(["eval", "--mutate", repo, "--ladder", "offline", "--kb", kb, "--classes", classes, "--per-class", "1", "--seed", "s1", "--dry-run", "--json"], ROOT);
    expect(JSON.parse(again.out).mutants).toEqual(res.mutants);
  }, 60_000);

  test("on this repository: per-class recall for the floor is printed, and the working tree is left as it was", async () => {
    const kb = tmpDir("scrum-kb-");
    const status = git(ROOT, "status", "--porcelain");
    const r = await scrum(["eval", "--mutate", "--ladder", "offline", "--kb", kb, "--per-class", "1"], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain("recall per class (caught/reviewed)");
    expect(r.out).toMatch(/^total\s+\d+\/\d+ \d+%$/m);
    expect(r.out).toContain("not planted:");
    expect(git(ROOT, "status", "--porcelain")).toBe(status);
  }, 120_000);

  test("bad input is one line and exit 2", async () => {
    const kb = tmpDir("scrum-kb-");
    const r1 = await scrum(["eval", "--mutate", "--kb", kb, "--classes", "nope"], ROOT);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("unknown class 'nope'");
    const r2 = await scrum(["eval", "--seed", "x"], ROOT);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("--seed needs --mutate");
    // Nothing to plant is a one-line failure that says why (here: the class has no site), not a stack trace.
    const r4 = await scrum(["eval", "--mutate", fixtureRepo(), "--ladder", "offline", "--kb", kb, "--classes", "unwired-auth,hardcoded-path"], ROOT);
    expect(r4.code).toBe(1);
    expect(r4.err).toContain("no mutant could be planted: no_site ×2");
    expect(r4.err).not.toContain("    at ");
    const r5 = await scrum(["eval", "--mutate", "--dry-run", "--keep", join(tmpDir(), "k"), "--kb", kb], ROOT);
    expect(r5.code).toBe(2);
    expect(r5.err).toContain("--keep has nothing to keep with --dry-run");
    const full = tmpDir();
    mkdirSync(join(full, "x"));
    const r3 = await scrum(["eval", "--mutate", fixtureRepo(), "--ladder", "offline", "--kb", kb, "--keep", full], ROOT);
    expect(r3.code).toBe(2);
    expect(r3.err).toContain("directory is not empty");
    expect(existsSync(join(full, "mutants.json"))).toBe(false);
  }, 60_000);
});
