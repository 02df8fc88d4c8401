// Severity by place: findings in test, example and benchmark code cap the gradient tier; per class in config.
import { describe, expect, test } from "bun:test";
import { ROOT, sweep, testConfig } from "./support/sweep-harness";
import { gitRepo } from "./support/tmp-repo";
import { parseConfigText } from "../pipeline/cli/load-config";
import { loadConfig } from "../pipeline/cli/load-config";
import { ConfigError } from "../pipeline/core/errors";
import { gradientTier, type TierInput } from "../pipeline/sweep/tier";

const tiers = loadConfig({ cwd: ROOT }).config.tiers;
const base: TierInput = { status: "accepted", verdict: "concerns", confidence: 1, critical: 1, maxSeverity: "warning", sensitive: false };

describe("gradient tier by place", () => {
  test("a warning in shipped code is sim; the same finding in test code is capped at dry_run", () => {
    expect(gradientTier({ ...base, place: "shipped", findings: [{ class: "swallowed-error", place: "shipped" }] }, tiers)).toBe("sim");
    expect(gradientTier({ ...base, place: "test", findings: [{ class: "swallowed-error", place: "test" }] }, tiers)).toBe("dry_run");
    expect(gradientTier({ ...base, place: "example", findings: [{ class: "stub", place: "example" }] }, tiers)).toBe("dry_run");
  });

  test("a Rust test module inside a shipped file is capped by the finding's own place", () => {
    expect(gradientTier({ ...base, place: "shipped", findings: [{ class: "assertion-free-test", place: "test" }] }, tiers)).toBe("dry_run");
  });

  test("one shipped finding among test findings keeps the uncapped tier", () => {
    const findings = [{ class: "stub" as const, place: "test" as const }, { class: "swallowed-error" as const, place: "shipped" as const }];
    expect(gradientTier({ ...base, critical: 2, findings }, tiers)).toBe("sim");
  });

  test("a committed credential in a test still reaches sim by default (class override)", () => {
    const x = { ...base, verdict: "fail" as const, maxSeverity: "error" as const, sensitive: true, place: "test" as const, findings: [{ class: "hardcoded-secret" as const, place: "test" as const }] };
    expect(gradientTier({ ...x, place: "shipped", findings: [{ class: "hardcoded-secret", place: "shipped" }] }, tiers)).toBe("block");
    expect(gradientTier(x, tiers)).toBe("sim");
  });

  test("a failed review is never capped", () => {
    expect(gradientTier({ ...base, status: "failed", place: "test", findings: [] }, tiers)).toBe("block");
  });

  test("model findings on a shipped chunk keep it uncapped even when the floor's findings are in a test module", () => {
    expect(gradientTier({ ...base, critical: 3, place: "shipped", findings: [{ class: "stub", place: "test" }] }, tiers)).toBe("sim");
  });
});

describe("tiers.places in scrum.config.yaml", () => {
  const shipped = `policy_version: "t"\nladder: offline\nladders: { offline: [{ provider: static }] }\ntiers: { rules: [{ tier: sim, minCritical: 1 }] }\nsignals: { order: [{ signal: MIXED, when: always }] }\n`;

  test("defaults apply when the section is absent; a user sets a per-class cap", () => {
    expect(parseConfigText(shipped, "a.yaml").tiers.places.test).toEqual({ default: "dry_run", classes: { "hardcoded-secret": "sim" } });
    const c = parseConfigText(shipped.replace("tiers: {", "tiers: { places: { test: { default: auto, classes: { stub: block } } },"), "b.yaml");
    expect(gradientTier({ ...base, place: "test", findings: [{ class: "swallowed-error", place: "test" }] }, c.tiers)).toBe("auto");
    expect(gradientTier({ ...base, place: "test", findings: [{ class: "stub", place: "test" }] }, c.tiers)).toBe("sim");
  });

  test("an unknown tier or class is a config error naming the key", () => {
    expect(() => parseConfigText(shipped.replace("tiers: {", "tiers: { places: { test: { default: lenient } },"), "c.yaml")).toThrow(ConfigError);
    expect(() => parseConfigText(shipped.replace("tiers: {", "tiers: { places: { test: { default: auto, classes: { typo: sim } } },"), "d.yaml")).toThrow(/places/);
  });
});

describe("an offline sweep records the place and caps test findings", () => {
  test("the same swallowed assertion is sim in shipped code and dry_run in a test file", async () => {
    const repo = gitRepo({
      "src/pay.ts": "export async function pay(o: Order) {\n  try { await ledger.write(o); } catch (e) {}\n}\n",
      "test/pay.test.ts": "it(\"pays\", async () => {\n  try { await pay(o); expect(ledger.rows).toHaveLength(1); } catch (e) {}\n});\n",
    });
    const { rows } = await sweep(repo, testConfig([{ provider: "static" }]), { ladder: "offline" });
    const pay = rows.find((r) => r.file === "src/pay.ts")!;
    const t = rows.find((r) => r.file === "test/pay.test.ts")!;
    expect(pay.static_findings.map((f) => [f.class, f.place])).toEqual([["swallowed-error", "shipped"]]);
    expect(t.static_findings.map((f) => [f.class, f.place])).toContainEqual(["swallowed-error", "test"]);
    expect([pay.gradient_tier, t.gradient_tier]).toEqual(["sim", "dry_run"]);
  });
});
