// End to end: `npx scrum init ci gitlab --shards 3` in a fresh repository, run by gitlab-ci-local (the real
// GitLab CI semantics: parallel jobs, artifacts, needs) on this machine with its shell executor. Night 1
// sweeps three shards, merges, pushes the KB branch and passes the gate; night 2 plants a new blocker,
// continues the iteration count from the pushed KB, pushes, and fails the pipeline at the gate.
import { describe, expect, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { runScrum } from "./support/run-cli";
import { ROOT } from "./support/sweep-harness";
import { git, tmpDir, writeTree } from "./support/tmp-repo";

const CONFIG = join(ROOT, "scrum.config.yaml");
const GCL = join(ROOT, "node_modules/gitlab-ci-local/dist/index.js");
// The recipe installs scrum with `npm ci` from the repository's lockfile; the jobs here link this checkout's
// scrum instead (a file: dependency's lockfile path does not survive gitlab-ci-local's per-job copies).
const INSTALL = `mkdir -p node_modules/.bin && ln -sf ${join(ROOT, "bin/scrum.cjs")} node_modules/.bin/scrum`;
const ENV = { ...process.env, OLLAMA_API_KEY: "", OPENAI_API_KEY: "", SCRUM_NIGHT: "", SCRUM_SHARD: "", GITHUB_RUN_ID: "", HOME: tmpDir("scrum-gcl-home-") };

async function sh(cwd: string, cmd: string[]) {
  const p = Bun.spawn(cmd, { cwd, stdout: "pipe", stderr: "pipe", env: ENV });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, out: out + err };
}

const scrum = (args: string[]) => runScrum([...args, "--config", CONFIG]);

// Night 1 also validates the file against GitLab's CI schema; night 2 runs the same file.
const night = (repo: string, validate: boolean) =>
  sh(repo, [process.execPath, GCL, "--force-shell-executor", "--shell-isolation", "--no-color", ...(validate ? [] : ["--no-json-schema-validation"]), "--variable", `SCRUM_INSTALL=${INSTALL}`]);

describe("the GitLab recipe end to end (gitlab-ci-local, 3 shards, offline ladder)", () => {
  test("two nights: sweep, merge, push the KB branch, gate; the second night continues the count and fails on its new blocker", async () => {
    const base = tmpDir("scrum-gitlab-");
    const remote = join(base, "remote.git");
    const repo = join(base, "app");
    mkdirSync(repo);
    git(base, "init", "-q", "--bare", "-b", "main", remote);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "remote", "add", "origin", remote);
    writeTree(repo, {
      "src/app.ts": "export function add(a: number, b: number): number {\n  return a + b;\n}\n",
      "src/util.ts": "export function load(read: () => string): string {\n  try {\n    return read();\n  } catch (e) {}\n  return \"\";\n}\n",
      "src/auth/session.ts": "export function sessionName(user: string): string {\n  return `session-${user}`;\n}\n",
      "src/lib.py": "def double(x):\n    return x * 2\n",
      ".gitignore": "node_modules/\nscrum-nightly/\n.gitlab-ci-local/\n.npm/\n",
      "package.json": JSON.stringify({ name: "fresh-app", private: true, devDependencies: { scrum: `file:${ROOT}` } }, null, 2) + "\n",
    });
    const install = await sh(repo, ["npm", "install", "--offline", "--no-audit", "--no-fund"]);
    expect(install).toMatchObject({ code: 0 });
    const init = await sh(repo, ["npx", "--no-install", "scrum", "init", "ci", "gitlab", "--shards", "3", "--ladder", "offline"]);
    expect(init).toEqual({ code: 0, out: expect.stringContaining("wrote .gitlab-ci.yml (3 shards)") });
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "app with the scrum nightly recipe");
    git(repo, "push", "-q", "origin", "main");

    const first = await night(repo, true);
    expect(first.out).toContain("json schema validated");
    expect({ code: first.code, tail: first.out.slice(-3000) }).toEqual({ code: 0, tail: expect.stringContaining("PASS  scrum-merge") });
    expect(first.out).toContain("kb push: origin/scrum-kb");
    expect(first.out).toContain("gate: iteration 1, tier ≥ block, new findings only: pass");
    for (const k of [1, 2, 3]) expect(first.out).toContain(`PASS  scrum-sweep: [${k}/3]`);
    expect(git(remote, "rev-list", "--count", "scrum-kb").trim()).toBe("1");

    // The pushed KB answers like one unsharded sweep of the same commit.
    const pulled = join(tmpDir(), "kb");
    const flat = tmpDir();
    const clone = join(tmpDir(), "c");
    git(base, "clone", "-q", remote, clone);
    expect((await runScrum(["kb", "pull", "--kb", pulled], { cwd: clone })).code).toBe(0);
    expect((await scrum(["sweep", clone, "--kb", flat, "--ladder", "offline", "--quiet"])).code).toBe(0);
    for (const args of [["signals", "--json"], ["trust", "--json"], ["query", "select iter, file, chunk, verdict, score, gradient_tier, critical_failures_count from reviews order by all", "--format", "json"]]) {
      expect((await scrum([...args, "--kb", pulled])).out).toBe((await scrum([...args, "--kb", flat])).out);
    }

    // Night 2: a new hardcoded secret in an auth file (sensitive, so tier block).
    writeTree(repo, { "src/auth/session.ts": 'const API_TOKEN = "sk_live_9fA3kQ7zR2mX8bV4nL6pW1cT5yH0dJ";\n\nexport function sessionName(user: string): string {\n  return `session-${user}-${API_TOKEN.length}`;\n}\n' });
    git(repo, "commit", "-qam", "a new blocker");
    const second = await night(repo, false);
    expect(second.code).toBe(1);
    expect(second.out).toContain("gate: iteration 2 (vs 1), tier ≥ block, new findings only: FAIL, 1 finding(s)");
    expect(second.out).toMatch(/block\s+src\/auth\/session\.ts:1\s+\[hardcoded-secret\]/);
    expect(second.out).toContain("FAIL  scrum-merge");
    expect(git(remote, "log", "--format=%s", "scrum-kb").trim().split("\n").map((s) => s.replace(/night \d+/, "night N"))).toEqual([
      "scrum kb: night N, iteration 2 (+4 model_trust.jsonl, +4 scrum_reviews.jsonl, +6 scrum_runs.jsonl)",
      "scrum kb: night N, iteration 1 (+4 model_trust.jsonl, +4 scrum_reviews.jsonl, +6 scrum_runs.jsonl)",
    ]);
    expect((await runScrum(["kb", "pull", "--kb", pulled], { cwd: clone })).code).toBe(0);
    const nights = JSON.parse((await scrum(["query", "select iter, count(distinct night) nights, count(distinct shard_index) shards, count(*) n from reviews group by iter order by iter", "--format", "json", "--kb", pulled])).out);
    expect(nights).toEqual([{ iter: 1, nights: 1, shards: 3, n: 4 }, { iter: 2, nights: 1, shards: 3, n: 4 }]);
  }, 240_000);
});
