import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { loadConfig, parseConfigText } from "../pipeline/cli/load-config";
import { ConfigError } from "../pipeline/core/errors";
import { tmpDir, writeTree } from "./support/tmp-repo";

const ROOT = join(import.meta.dir, "..");

function cli(args: string[], cwd = ROOT) {
  const r = Bun.spawnSync([process.execPath, join(ROOT, "pipeline/cli/main.ts"), ...args], { cwd, env: { ...process.env, OLLAMA_API_KEY: "" } });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

describe("config", () => {
  test("the shipped config validates, with the cloud ladder in the seed's order", () => {
    const { config } = loadConfig({ cwd: ROOT });
    expect(config.ladders.cloud!.map((r) => r.model)).toEqual(["kimi-k2:1t", "deepseek-v3.1:671b", "mistral-large-3:675b", "gpt-oss:120b", "devstral-2:123b", "qwen3.5:397b"]);
    expect(config.ladders.offline).toEqual([expect.objectContaining({ provider: "static" })]);
  });

  test("a bad key names its path and what was expected", () => {
    const text = "policy_version: x\nladder: a\nladders:\n  a:\n    - { provider: ollama, model: m, host: http://127.0.0.1:1, timeoutMs: -5 }\ntiers: { rules: [{ tier: auto }] }\nsignals: { order: [{ signal: NEW, when: always }] }\n";
    expect(() => parseConfigText(text, "c.yaml")).toThrow(ConfigError);
    expect(() => parseConfigText(text, "c.yaml")).toThrow(/ladders\.a\.0\.timeoutMs/);
  });

  test("an unknown key and a ladder name that names no ladder are rejected", () => {
    const base = "policy_version: x\nladders: { a: [{ provider: static }] }\ntiers: { rules: [{ tier: auto }] }\nsignals: { order: [{ signal: NEW, when: always }] }\n";
    expect(() => parseConfigText(base + "ladder: a\ncolour: red\n", "c.yaml")).toThrow(/colour/);
    expect(() => parseConfigText(base + "ladder: b\n", "c.yaml")).toThrow(/ladder: names no ladder/);
  });

  test("the CLI prints one line and exits 2 on a bad config, a bad flag and an unknown ladder", () => {
    const dir = tmpDir();
    writeTree(dir, { "scrum.config.yaml": "policy_version: 1\nladder: [oops\n", "a.ts": "x\n" });
    const bad = cli(["sweep", dir, "--kb", join(dir, "kb")], dir);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toContain("not valid YAML");
    const flag = cli(["sweep", "--bogus"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("--bogus");
    const ladder = cli(["sweep", dir, "--ladder", "nope", "--config", join(ROOT, "scrum.config.yaml"), "--kb", join(dir, "kb")]);
    expect(ladder.code).toBe(2);
    expect(ladder.err).toContain("unknown ladder 'nope'");
    expect(ladder.err).not.toContain("    at ");
  });

  test("a missing repository path is one line, exit 2", () => {
    const r = cli(["sweep", "/no/such/repo"]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("scrum: repository path not found: /no/such/repo");
  });

  test("--help describes every sweep flag", () => {
    const r = cli(["sweep", "--help"]);
    expect(r.code).toBe(0);
    for (const f of ["--ladder", "--prompt", "--iter", "--since", "--files", "--proposal", "--concurrency", "--fresh", "--dry-run", "--sarif", "--json", "--kb", "--config"]) expect(r.out).toContain(f);
  });
});
