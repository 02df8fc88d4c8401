import { describe, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { renderTemplate } from "../pipeline/nightly/ci-recipe";
import { runScrum } from "./support/run-cli";
import { ROOT } from "./support/sweep-harness";
import { gitRepo, tmpDir } from "./support/tmp-repo";

const init = (cwd: string, args: string[]) => runScrum(["init", "ci", ...args], { cwd });

async function actionValidator(file: string) {
  const p = Bun.spawn(["node", join(ROOT, "node_modules/@action-validator/cli/cli.mjs"), file], { stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, text: out + err };
}

describe("scrum init ci", () => {
  test("writes each engine's recipe where the engine looks, never over an existing file without --force", async () => {
    const dir = tmpDir();
    for (const [engine, path] of [["github", ".github/workflows/scrum-nightly.yml"], ["gitlab", ".gitlab-ci.yml"], ["k8s", "k8s/scrum-nightly.yaml"]] as const) {
      const r = await init(dir, [engine, "--shards", "4"]);
      expect([r.code, r.out.startsWith(`wrote ${path} (4 shards)`)]).toEqual([0, true]);
      const text = readFileSync(join(dir, path), "utf8");
      expect(text).not.toContain("{{scrum.");
      writeFileSync(join(dir, path), "mine\n");
      const again = await init(dir, [engine]);
      expect([again.code, again.err.trim()]).toEqual([2, `scrum: ${path} already exists (pass --force to overwrite it, or --out FILE to write elsewhere)`]);
      expect(readFileSync(join(dir, path), "utf8")).toBe("mine\n");
      expect((await init(dir, [engine, "--force"])).code).toBe(0);
      expect(readFileSync(join(dir, path), "utf8")).not.toBe("mine\n");
    }
    for (const bad of [["circleci"], ["github", "--shards", "0"], ["github", "--shards", "201"], ["github", "--ladder", "nope"], []]) expect((await init(dir, bad)).code).toBe(2);
  });

  test("a template placeholder without a value is a bug, not silently left in", () => {
    expect(renderTemplate("a {{scrum.shards}} b", { shards: "3" })).toBe("a 3 b");
    expect(() => renderTemplate("{{scrum.nope}}", {})).toThrow(/no value/);
    // GitHub's own expressions are left alone.
    expect(renderTemplate("${{ matrix.shard }}", {})).toBe("${{ matrix.shard }}");
  });

  test("the GitHub workflow passes action-validator (and the validator does fail a broken one)", async () => {
    const dir = tmpDir();
    expect((await init(dir, ["github", "--shards", "3", "--ladder", "offline"])).code).toBe(0);
    const file = join(dir, ".github/workflows/scrum-nightly.yml");
    const ok = await actionValidator(file);
    expect({ code: ok.code, text: ok.text }).toEqual({ code: 0, text: "" });
    const wf = parse(readFileSync(file, "utf8"));
    expect(wf.on.schedule[0].cron).toBeString();
    expect(wf.on).toHaveProperty("workflow_dispatch");
    expect(wf.concurrency["cancel-in-progress"]).toBe(false);
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.sweep.strategy.matrix.shard).toEqual([1, 2, 3]);
    expect(wf.jobs.merge.needs).toBe("sweep");
    expect(wf.jobs.merge.permissions).toEqual({ contents: "write", "security-events": "write", actions: "read" });
    const steps = wf.jobs.merge.steps.map((s: { uses?: string; run?: string }) => s.uses ?? s.run);
    expect(steps).toContain("github/codeql-action/upload-sarif@v3");
    expect(steps.some((s: string) => s.includes("scrum gate") && s.includes("--new-only --format github"))).toBe(true);
    expect(wf.jobs.sweep.steps.find((s: { run?: string }) => s.run?.includes("scrum sweep")).env.OLLAMA_API_KEY).toBe("${{ secrets.OLLAMA_API_KEY }}");
    delete wf.jobs.merge["runs-on"];
    const broken = join(dir, "broken.yml");
    writeFileSync(broken, JSON.stringify(wf));
    expect((await actionValidator(broken)).code).not.toBe(0);
  }, 30_000);

  test("the GitLab recipe runs N parallel shard jobs and one merge job that needs them", async () => {
    const dir = tmpDir();
    await init(dir, ["gitlab", "--shards", "5"]);
    const ci = parse(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8"));
    expect(ci["scrum-sweep"].parallel).toBe(5);
    expect(ci["scrum-merge"].needs).toEqual(["scrum-sweep"]);
    expect(ci.default.image).toMatch(/^node:/);
    expect(ci["scrum-sweep"].script.join("\n")).toContain('--shard auto --night "$CI_PIPELINE_ID"');
  });

  test("the Kubernetes manifests parse, and each pod's completion index becomes its shard", async () => {
    const dir = tmpDir();
    await init(dir, ["k8s", "--shards", "3", "--ladder", "offline"]);
    const docs = parseAllDocuments(readFileSync(join(dir, "k8s/scrum-nightly.yaml"), "utf8")).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS();
    });
    expect(docs.map((d) => `${d.apiVersion}/${d.kind}/${d.metadata.name}`)).toEqual(["batch/v1/CronJob/scrum-nightly", "batch/v1/CronJob/scrum-nightly-gate"]);
    const job = docs[0].spec.jobTemplate.spec;
    expect([job.completionMode, job.completions, job.parallelism, docs[0].spec.concurrencyPolicy]).toEqual(["Indexed", 3, 3, "Forbid"]);
    const pod = job.template.spec;
    expect(pod.restartPolicy).toBe("Never");
    const c = pod.containers[0];
    expect(c.env.find((e: { name: string }) => e.name === "SCRUM_NIGHT").valueFrom.fieldRef.fieldPath).toBe("metadata.labels['batch.kubernetes.io/job-name']");
    expect(c.env.find((e: { name: string }) => e.name === "OLLAMA_API_KEY").valueFrom.secretKeyRef).toMatchObject({ name: "scrum-nightly" });
    // Run the manifest's own sweep line as each pod would (Kubernetes sets JOB_COMPLETION_INDEX), as a dry run.
    const line = (c.args[0] as string).split("\n").find((l) => l.trim().startsWith("scrum sweep"))!;
    const repo = gitRepo({ "a.ts": "export const a = 1;\n", "b.ts": "export const b = 2;\n", "c.py": "c = 3\n", "d.ts": "export const d = 4;\n", "e.go": "package e\n" });
    const seen: string[] = [];
    for (const index of [0, 1, 2]) {
      const p = Bun.spawn(["sh", "-c", `scrum() { "${process.execPath}" "${join(ROOT, "pipeline/cli/main.ts")}" "$@"; }\n${line} --dry-run --json`], {
        cwd: repo, stdout: "pipe", stderr: "pipe",
        env: { ...process.env, JOB_COMPLETION_INDEX: String(index), SCRUM_NIGHT: "scrum-nightly-29110200", SCRUM_LADDER: "offline", OLLAMA_API_KEY: "", CI_NODE_INDEX: "", CI_NODE_TOTAL: "", SCRUM_SHARD: "" },
      });
      const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
      expect({ code, err }).toEqual({ code: 0, err: "" });
      const plan = JSON.parse(out);
      expect([plan.shard.index, plan.shard.count, plan.night, plan.ladder]).toEqual([index + 1, 3, "scrum-nightly-29110200", "offline"]);
      seen.push(...plan.files.map((f: { path: string }) => f.path));
    }
    expect(seen.sort()).toEqual(["a.ts", "b.ts", "c.py", "d.ts", "e.go"]);
  }, 60_000);
});
