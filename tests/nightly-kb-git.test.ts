import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { pullKb, pushKb } from "../pipeline/nightly/kb-sync";
import { reviewRow, trustRow } from "./support/kb-builder";
import { spawnScrum } from "./support/run-cli";
import { ROOT } from "./support/sweep-harness";
import { git, gitRepo, tmpDir } from "./support/tmp-repo";

/** A bare remote and a clone of a small repository whose origin is it. */
function remoteAndClone(): { remote: string; clone: () => string } {
  const seed = gitRepo({ "src/a.ts": "export const a = 1;\n" });
  const remote = join(tmpDir("scrum-remote-"), "r.git");
  git(seed, "clone", "-q", "--bare", seed, remote);
  return {
    remote,
    clone: () => {
      const dir = join(tmpDir("scrum-clone-"), "w");
      git(ROOT, "clone", "-q", remote, dir);
      return dir;
    },
  };
}

function kbWith(night: string, files: string[], iter = 1): string {
  const dir = tmpDir("scrum-kb-");
  const rows = files.map((file) => reviewRow({ iter, file, night, run_id: `run-${night}-${file}` }));
  appendJsonl(kbPaths(dir).reviews, rows);
  appendJsonl(kbPaths(dir).trust, rows.map((r) => trustRow(r)));
  return dir;
}

const sortedLines = (path: string) => readFileSync(path, "utf8").trim().split("\n").sort();
const ref = (repoDir: string) => ({ repoDir, remote: "origin", branch: "scrum-kb" });

// npm sets EDITOR, which simple-git guards: the pushes must work with it set.
const cli = (cwd: string, args: string[]) => spawnScrum(args, { cwd, env: { EDITOR: "vi", PAGER: "less" } });

describe("kb push / kb pull against a local bare remote", () => {
  test("push creates the orphan branch with one commit and never touches the checkout; pull brings every row back", async () => {
    const { remote, clone } = remoteAndClone();
    const work = clone();
    const head = git(work, "rev-parse", "HEAD");
    const kb = kbWith("n1", ["a.ts", "b.ts"]);
    const pushed = await pushKb(kb, ref(work));
    expect(pushed.added).toEqual({ "model_trust.jsonl": 2, "scrum_reviews.jsonl": 2 });
    expect(pushed.part).toBe("parts/000001-night-n1");
    expect(git(remote, "log", "--format=%P|%s", "scrum-kb").trim()).toBe("|scrum kb: night n1, iteration 1 (+2 model_trust.jsonl, +2 scrum_reviews.jsonl)");
    expect(git(remote, "ls-tree", "-r", "--name-only", "scrum-kb").trim().split("\n")).toEqual(["README.md", "parts/000001-night-n1/model_trust.jsonl.gz", "parts/000001-night-n1/scrum_reviews.jsonl.gz"]);
    // The checkout: same HEAD, clean tree, no local branch for the KB.
    expect(git(work, "rev-parse", "HEAD")).toBe(head);
    expect(git(work, "status", "--porcelain")).toBe("");
    expect(git(work, "branch", "--list", "scrum-kb")).toBe("");

    expect((await pushKb(kb, ref(work))).part).toBeNull();
    expect(git(remote, "rev-list", "--count", "scrum-kb").trim()).toBe("1");

    const other = clone();
    const into = join(tmpDir(), "kb");
    const pulled = await pullKb(into, ref(other));
    expect(pulled.added).toEqual({ "model_trust.jsonl": 2, "scrum_reviews.jsonl": 2 });
    expect(sortedLines(kbPaths(into).reviews)).toEqual(sortedLines(kbPaths(kb).reviews));
    expect((await pullKb(into, ref(other))).added).toEqual({});
  }, 30_000);

  test("a push that loses a race pulls, merges and pushes again; both land, no force-push, no lost row", async () => {
    const { remote, clone } = remoteAndClone();
    const a = clone(), b = clone();
    const kbA = kbWith("n7", ["a.ts"]);
    const kbB = kbWith("n7", ["b.ts", "c.ts"]);
    let bTip = "";
    const r = await pushKb(kbA, ref(a), {
      maxAttempts: 5, sleep: async () => {}, random: () => 0.5,
      // While A is about to push, B (another shard of the night) pushes first.
      beforePush: async (attempt) => { if (attempt === 1) bTip = (await pushKb(kbB, ref(b))).tip!; },
    });
    expect(r.attempts).toBe(2);
    expect(git(remote, "merge-base", "--is-ancestor", bTip, "scrum-kb")).toBe("");
    expect(git(remote, "rev-list", "--count", "scrum-kb").trim()).toBe("2");
    const into = join(tmpDir(), "kb");
    await pullKb(into, ref(clone()));
    expect(sortedLines(kbPaths(into).reviews)).toEqual([...sortedLines(kbPaths(kbA).reviews), ...sortedLines(kbPaths(kbB).reviews)].sort());
  }, 30_000);

  test("two processes pushing to one bare remote at once both land, and a night that collides is renumbered", async () => {
    const { remote, clone } = remoteAndClone();
    const dirs = [clone(), clone(), clone(), clone()];
    // Two shards of night x, and two other nights that pulled the same KB (all at iteration 1).
    const kbs = [kbWith("x", ["a.ts"]), kbWith("x", ["b.ts"]), kbWith("y", ["c.ts"]), kbWith("z", ["d.ts"])];
    const results = await Promise.all(dirs.map((d, i) => cli(d, ["kb", "push", "--kb", kbs[i]!])));
    for (const r of results) expect({ code: r.code, err: r.err.includes("internal error") }).toEqual({ code: 0, err: false });
    // One commit per push, in one line of history: every commit but the root has exactly one parent.
    const log = git(remote, "log", "--format=%H %P", "scrum-kb").trim().split("\n").map((l) => l.split(" ").filter(Boolean));
    expect(log.map((c) => c.length)).toEqual([2, 2, 2, 1]);
    for (let i = 0; i + 1 < log.length; i++) expect(log[i]![1]).toBe(log[i + 1]![0]);
    const into = join(tmpDir(), "kb");
    await pullKb(into, ref(clone()));
    const rows = readFileSync(kbPaths(into).reviews, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { file: string; night: string; iter: number });
    expect(rows.map((x) => x.file).sort()).toEqual(["a.ts", "b.ts", "c.ts", "d.ts"]);
    // One night per iteration: x's shards share one, y and z each got their own.
    const byIter = new Map<number, Set<string>>();
    for (const x of rows) byIter.set(x.iter, (byIter.get(x.iter) ?? new Set()).add(x.night));
    expect([...byIter.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set(rows.filter((x) => x.night === "x").map((x) => x.iter)).size).toBe(1);
    expect([...byIter.keys()].sort()).toEqual([1, 2, 3]);
  }, 60_000);

  test("clear one-line errors: no KB branch yet, not a git repository, an unreachable remote", async () => {
    const { clone } = remoteAndClone();
    const work = clone();
    const empty = await cli(work, ["kb", "pull", "--kb", join(tmpDir(), "kb")]);
    expect([empty.code, empty.out]).toEqual([0, "kb pull: origin has no scrum-kb branch yet; starting from an empty KB\n"]);
    const notGit = await cli(tmpDir(), ["kb", "pull", "--kb", "kb"]);
    expect([notGit.code, notGit.err.trim().split("\n").length]).toEqual([2, 1]);
    expect(notGit.err).toContain("not a git repository");
    const noRemote = await cli(work, ["kb", "push", "--kb", kbWith("n", ["a.ts"]), "--remote", "nowhere"]);
    expect([noRemote.code, noRemote.err.trim().split("\n").length]).toEqual([1, 1]);
    expect(noRemote.err).toContain("cannot fetch scrum-kb from nowhere");
    const noKb = await cli(work, ["kb", "push", "--kb", join(tmpDir(), "missing")]);
    expect(noKb.code).toBe(2);
  }, 30_000);
});
