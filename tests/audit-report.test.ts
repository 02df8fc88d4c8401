// Where audit outcomes go besides stdout: the observer (source `audit`) and `scrum report`'s section.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../pipeline/cli/main";
import { Rung } from "../pipeline/core/config";
import { observerPaths, startObserver } from "../pipeline/observer/server";
import { audit, auditFixture, CONFIG, HOLDS, MIXED } from "./support/audit-fixture";
import { tmpDir } from "./support/tmp-repo";

describe("audit outcomes beyond stdout", () => {
  test("the real observer stores one event per audited message with source `audit`", async () => {
    const data = join(tmpDir(), "obs");
    const obs = await startObserver({
      host: "127.0.0.1", port: 0, dataDir: data, ringSize: 50, maxBodyBytes: 64 * 1024, cycleMs: 600_000,
      rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {},
    });
    try {
      const f = auditFixture(MIXED);
      expect((await audit(f.repo, ["--no-record"], { SCRUM_OBSERVER_URL: obs.url })).code).toBe(1);
      const g = auditFixture(HOLDS);
      expect((await audit(g.repo, ["--no-record"], { SCRUM_OBSERVER_URL: obs.url })).code).toBe(0);
    } finally {
      await obs.stop();
    }
    const ops = readFileSync(observerPaths(data).ops, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(ops).toHaveLength(2);
    expect(ops[0]).toMatchObject({ source: "audit", endpoint: "scrum/audit", success: false });
    expect(ops[0].input_summary).toMatch(/^commit HEAD \(\w{8}\): 23 claim\(s\)$/);
    expect(ops[0].output_summary).toBe("23 claims: 12 backed, 8 not backed (8 blocking), 3 unverifiable");
    expect(ops[0].error).toStartWith("claim not backed: gateway/src/main.rs 5 → 6");
    expect(ops[1]).toMatchObject({ source: "audit", success: true, error: null });
  }, 60_000);

  test("scrum report shows the latest audit of each message and the claims not backed", async () => {
    const f = auditFixture(MIXED);
    await audit(f.repo, []);
    await audit(f.repo, []);
    const out = join(tmpDir(), "rep");
    const code = await runCli(["report", "--kb", "kb", "--config", CONFIG, "--out", out], { out: () => {}, err: () => {}, cwd: f.repo, env: {}, isTTY: false });
    expect(code).toBe(0);
    const md = readFileSync(join(out, "report.md"), "utf8");
    const section = md.slice(md.indexOf("## Claim audits"));
    // Audited twice: the report counts one message and shows its latest audit only.
    expect(section).toContain("1 audited message(s); the latest audit of the 1 most recent:");
    expect(section).toContain(`| \`${f.head.slice(0, 8)}\` |`);
    expect(section).toMatch(/\| 23 \| 12 \| 8 \| 3 \| 8 \|/);
    expect(section.match(/\(blocks\)/g)).toHaveLength(8);
    expect(section).toContain("| score_movement (blocks) | gateway/src/main.rs 5 → 6 |");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<table id="audits">');
    expect(html).toContain("require_admin is now enforced.");
  }, 60_000);

  test("a KB with no audits has no audit section", async () => {
    const f = auditFixture(HOLDS);
    const out = join(tmpDir(), "rep");
    await runCli(["report", "--kb", "kb", "--config", CONFIG, "--out", out], { out: () => {}, err: () => {}, cwd: f.repo, env: {}, isTTY: false });
    expect(readFileSync(join(out, "report.md"), "utf8")).not.toContain("Claim audits");
  }, 60_000);
});
