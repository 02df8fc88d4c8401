// Property: any YAML text gives a valid config or a ConfigError whose message is one line (exit 2), never
// another exception (not from the YAML parser, not from merging over the shipped config, not from zod) and
// never a multi-line parser warning on stderr.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { parseConfigText, SHIPPED_CONFIG } from "../pipeline/cli/load-config";
import { Config } from "../pipeline/core/config";
import { ConfigError, formatError } from "../pipeline/core/errors";

// SCRUM_FUZZ_RUNS=5000 for a deeper run; the default keeps the suite fast.
const RUNS = Number(process.env.SCRUM_FUZZ_RUNS) || 300;
const shipped = parse(readFileSync(SHIPPED_CONFIG, "utf8")) as Record<string, unknown>;
const keys = ["policy_version", "kb", "ladder", "ladders", "accept", "retry", "walk", "prompt", "redaction", "concurrency", "tiers", "static", "signals", "fixwave", "observer", "__proto__", "constructor"];

function holds(text: string): void {
  const warned: unknown[] = [];
  const emit = process.emitWarning;
  process.emitWarning = ((w: unknown) => { warned.push(w); }) as typeof process.emitWarning;
  try {
    check(text);
  } finally {
    process.emitWarning = emit;
  }
  expect(warned).toEqual([]);
}

function check(text: string): void {
  try {
    const c = parseConfigText(text, "scrum.config.yaml", shipped);
    expect(Config.safeParse(c).success).toBe(true);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const { line, exitCode } = formatError(e);
    expect(exitCode).toBe(2);
    expect(line).not.toContain("\n");
  }
}

// A user's config: the shipped keys (and a few hostile ones) with any value, nested a level deep.
const userConfig = fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom("files", "perProvider", "minConfidence", "remote", "dir", "port", "rulesDir", "0"), fc.jsonValue())), { maxKeys: 4 });

describe("config loader under arbitrary YAML", () => {
  test("any text", () => fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), holds), { numRuns: RUNS }));
  test("any YAML document", () => fc.assert(fc.property(fc.anything().map((v) => { try { return stringify(v); } catch { return String(v); } }), holds), { numRuns: RUNS }));
  test("configs shaped like ours with any values", () => fc.assert(fc.property(userConfig.map((v) => stringify(v)), holds), { numRuns: RUNS }));
});
