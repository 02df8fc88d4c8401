// The mutants a seed plants are pinned: planting may get faster, never different. Same input, same
// operators, same seed → the same sites (every field) and the same chosen mutants and mutated texts.
import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { applySite, findSites } from "../pipeline/eval/find-sites";
import { findSitesParallel } from "../pipeline/eval/find-sites-parallel";
import { loadMutations } from "../pipeline/eval/load-mutations";
import { sampleSites } from "../pipeline/eval/sample-sites";
import { FindingClass } from "../pipeline/kb/schemas/static-finding";
import { exampleRepo, generatedRepo } from "./support/mutate-corpus";
import { ROOT } from "./support/sweep-harness";

const PINNED_SITES = {
  sha: "63032bb2307c71bf",
  perOperator: {
    "go-constant-time-compare": 2,
    "go-context-background": 51,
    "go-discard-error": 52,
    "go-drop-assertions": 1,
    "go-drop-auth-use": 1,
    "go-drop-auth-wrapper": 1,
    "go-empty-err-branch": 52,
    "go-home-path": 1,
    "go-insecure-skip-verify": 52,
    "go-pasted-secret": 1,
    "go-stub-body": 55,
    "py-compare-digest": 1,
    "py-drop-assertions": 1,
    "py-drop-auth-decorator": 1,
    "py-drop-raise-for-status": 51,
    "py-empty-except": 51,
    "py-home-path": 2,
    "py-pasted-secret": 51,
    "py-stub-body": 52,
    "py-unread-parameter": 51,
    "py-verify-false": 53,
    "rs-accept-invalid-certs": 52,
    "rs-constant-time-eq": 2,
    "rs-discard-result": 51,
    "rs-drop-assertions": 51,
    "rs-drop-auth-layer": 1,
    "rs-home-path": 2,
    "rs-ignore-err-arm": 1,
    "rs-pasted-secret": 1,
    "rs-todo-body": 54,
    "rs-unread-parameter": 51,
    "ts-drop-assertions": 51,
    "ts-drop-guard-mount": 2,
    "ts-empty-catch": 52,
    "ts-home-path": 1,
    "ts-noop-catch-handler": 1,
    "ts-pasted-secret": 51,
    "ts-stub-body": 55,
    "ts-timing-safe-equal": 2,
    "ts-tls-reject-unauthorized": 52,
    "ts-unread-parameter": 53,
  },
};
// Computed with the planting code before the speed-up (commit 9509dcc).
const PINNED_MUTANTS: string[] = [
  "unwired-auth x/ts-drop-guard-mount/0/src/example.ts:2 ts-drop-guard-mount 301451895a407f3d",
  "hardcoded-path x/go-home-path/0/pkg/example.go:1 go-home-path e9cbdf8ac1f0ae80",
  "insecure-compare x/ts-timing-safe-equal/1/src/example.ts:1 ts-timing-safe-equal d6c86c01df930d58",
  "assertion-free-test src/svc17/handler114.test.ts:1 ts-drop-assertions a5a08a14b2ed22c1",
  "hardcoded-secret app/mod41/views41.py:3 py-pasted-secret 2eb8bb8fcf277436",
  "ignored-parameter app/mod64/views161.py:6 py-unread-parameter 6dbc2361bb20411f",
  "tls-disabled app/mod52/views246.py:6 py-verify-false 84492fde8cac38d0",
  "stub src/svc15/handler15.ts:2 ts-stub-body 4c0304004b73516b",
  "swallowed-error app/mod59/views156.py:7 py-drop-raise-for-status bfb512ec17fec660",
  "unwired-auth x/rs-drop-auth-layer/0/src/example.rs:1 rs-drop-auth-layer 4dc2cf49a59f261c",
  "hardcoded-path x/rs-home-path/1/src/example.rs:1 rs-home-path 3b3d03a3730952e2",
  "insecure-compare x/ts-timing-safe-equal/0/src/example.ts:3 ts-timing-safe-equal 4054746400b6ef01",
  "assertion-free-test crates/c86/src/lib183.rs:8 rs-drop-assertions a250e2750846d871",
  "hardcoded-secret app/mod49/views146.py:3 py-pasted-secret d94f50e6eaf6ada3",
  "ignored-parameter crates/c8/src/lib8.rs:2 rs-unread-parameter 49c586f697c6f959",
  "tls-disabled x/py-drop-raise-for-status/0/app/example.py:2 py-verify-false 1a2658572370d016",
  "stub pkg/p3/store197.go:8 go-stub-body 3663660225feeff4",
  "swallowed-error crates/c49/src/lib243.rs:3 rs-discard-result c0a7f180bfd9f979",
  "unwired-auth x/ts-drop-guard-mount/1/src/example.ts:1 ts-drop-guard-mount 8ddfd50ead0ea2e3",
  "hardcoded-path x/py-home-path/1/app/example.py:1 py-home-path bc435c69878b6a3c",
  "insecure-compare x/py-compare-digest/0/app/example.py:2 py-compare-digest f65daa948574a837",
  "assertion-free-test src/svc22/handler119.test.ts:1 ts-drop-assertions 50a89b291480ddd2",
  "hardcoded-secret src/svc80/handler80.ts:11 ts-pasted-secret e97b2b82ff244597",
  "ignored-parameter src/svc95/handler95.ts:4 ts-unread-parameter cd60fc504b5e801e",
  "tls-disabled x/ts-tls-reject-unauthorized/0/src/example.ts:1 ts-tls-reject-unauthorized 3e65aff922034b30",
  "stub app/mod27/views221.py:6 py-stub-body 3ed885ede3078397",
  "swallowed-error src/svc38/handler135.ts:6 ts-empty-catch d8f72176b1789a99",
];

// The operators and classes the pin was taken with: operators added later plant elsewhere and do not move it.
const ops = loadMutations(join(ROOT, "prompts/mutations")).filter((o) => o.spec.id in PINNED_SITES.perOperator);
const PINNED_CLASSES = [...new Set(ops.map((o) => o.spec.class))];
const files = [...generatedRepo(250), ...exampleRepo(ops)];
const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

describe("planted mutants are pinned for a seed", () => {
  const sites = findSites(files, ops, "pin");

  test("every site (operator, file, lines, replacement, symbol) is the same", () => {
    const perOperator: Record<string, number> = {};
    for (const s of sites) perOperator[s.operator] = (perOperator[s.operator] ?? 0) + 1;
    expect(perOperator).toEqual(PINNED_SITES.perOperator);
    expect(Object.keys(perOperator).length).toBe(ops.length);
    // The pin was taken before sites carried an anchor (where reviewers report the defect): it pins the sites.
    expect(sha(JSON.stringify(sites.map(({ anchor: _a, ...site }) => site)))).toBe(PINNED_SITES.sha);
  });

  test("an unread-parameter site is anchored at the parameter's declaration, before the dropped read", () => {
    const text = new Map(files.map((f) => [f.path, f.content]));
    const unread = sites.filter((s) => ops.find((o) => o.spec.id === s.operator)?.spec.check?.name === "sole-reference");
    expect(unread.length).toBeGreaterThan(10);
    for (const s of unread) {
      expect(s.anchor).not.toBeNull();
      expect(s.anchor!).toBeLessThanOrEqual(s.line);
      // The dropped read names the parameter (", timeout", "timeout", "timeout: timeout"); its declaration line does too.
      const names = text.get(s.file)!.slice(s.replacement.start, s.replacement.end).match(/[A-Za-z_$][\w$]*/g) ?? [];
      const declared = text.get(s.file)!.split("\n")[s.anchor! - 1]!;
      expect(names.some((n) => new RegExp(`\\b${n.replace(/\$/g, "\\$")}\\b`).test(declared))).toBe(true);
    }
    expect(sites.filter((s) => !unread.includes(s)).every((s) => s.anchor === null)).toBe(true);
  });

  test("the chosen mutants (class, file, line, operator) and the mutated texts are the same", () => {
    const text = new Map(files.map((f) => [f.path, f.content]));
    const chosen = sampleSites(sites, FindingClass.options.filter((c) => PINNED_CLASSES.includes(c)), 3, "pin").chosen
      .map((s) => `${s.class} ${s.file}:${s.line} ${s.operator} ${sha(applySite(text.get(s.file)!, s))}`);
    expect(chosen).toEqual(PINNED_MUTANTS);
  });

  test("workers find exactly the sites one thread finds, in the same order", async () => {
    const parallel = await findSitesParallel(files, ops, "pin", { workers: 2, batchFiles: 37 });
    expect(parallel.length).toBe(sites.length);
    expect(sha(JSON.stringify(parallel.map(({ anchor: _a, ...site }) => site)))).toBe(PINNED_SITES.sha);
    expect(parallel.map((s) => s.anchor)).toEqual(sites.map((s) => s.anchor));
  });

  test("a worker that fails rejects with one line naming the failure", async () => {
    // The worker compiles from the spec it is sent; a rule ast-grep rejects there fails that worker.
    const broken = ops.map((o, i) => (i === 0 ? { ...o, spec: { ...o.spec, rule: { kind: "no_such_kind_anywhere" } } } : o));
    const err = await findSitesParallel(files.slice(0, 60), broken, "pin", { workers: 2, batchFiles: 10 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^a planting worker failed: mutation .*ast-grep cannot compile it/);
  });
});

