// `scrum rules` and `scrum rules test` through the CLI entry.
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../pipeline/cli/main";
import type { Io } from "../pipeline/cli/command";

const ROOT = join(import.meta.dir, "..");
function io() {
  const out: string[] = [];
  const value: Io = { out: (t) => out.push(t), err: () => {}, cwd: ROOT, env: {}, isTTY: false };
  return { value, out };
}

describe("scrum rules", () => {
  test("lists rules as JSON with id, language, class and severity", async () => {
    const t = io();
    expect(await runCli(["rules", "--json"], t.value)).toBe(0);
    const rules = JSON.parse(t.out.join(""));
    expect(rules.length).toBeGreaterThanOrEqual(36);
    expect(rules.find((r: { id: string }) => r.id === "go-tls-disabled")).toMatchObject({ language: "go", class: "tls-disabled", severity: "error" });
  });

  test("rules test passes on the shipped pack", async () => {
    const t = io();
    expect(await runCli(["rules", "test"], t.value)).toBe(0);
    expect(t.out.join("")).toMatch(/(\d+)\/\1 rules pass their examples/);
  });

  test("rules test exits 1 with a per-rule FAIL line when an example is wrong", async () => {
    const d = mkdtempSync(join(tmpdir(), "scrum-rules-cli-"));
    writeFileSync(join(d, "py-bad.yml"), "id: py-bad\nlanguage: python\nclass: stub\nseverity: error\nmessage: m\nnote: n\nrule: { kind: pass_statement }\nvalid: ['x = 1']\ninvalid: ['y = 2']\n");
    const t = io();
    expect(await runCli(["rules", "test", "--rules", d], t.value)).toBe(1);
    expect(t.out.join("")).toContain("FAIL py-bad");
  });

  test("an unknown subcommand is a usage error", async () => {
    await expect(runCli(["rules", "frobnicate"], io().value)).rejects.toThrow(/unexpected argument/);
  });
});
