// assertion-free-test: a test (per the test-context model) that asserts nothing; a throw-only test is a note.
import { assertionOf, COMMENT_LINE, runtimeAssertion } from "../assertions";
import { asTestCase } from "../test-context";
import { goHelperProcess } from "../go-test-handles";
import { pyDisablesInherited } from "../py-test-shapes";
import { catchesInBody, raisingActs, raisingChecks, statementCallees } from "../raising-counterparts";
import { foreignCalls } from "../test-helpers";
import { goImports } from "./go-callee-answers";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";
import type { SgNode } from "@ast-grep/napi";
import { ancestor, escapeRegExp, pyBaseNames } from "../syntax";

/**
 * Python: a test method calling `self.helper(..)` calls its class's bases' methods (`class TestApi(ApiTestCase)`
 * with `ApiTestCase.get(.., expected_status_code=200)` asserting in tests/helpers.py): the bases are named as
 * owners (`@ApiTestCase`), so a helper method of one of them defined in another test file can answer for it.
 */
function inheritedOwners(test: SgNode, language: string): string[] {
  // Every test of a class with bases: a method it calls on self, or an inherited tearDown, may hold the check.
  if (language !== "python") return [];
  const cls = ancestor(test, /^class_definition$/);
  return cls ? pyBaseNames(cls).map((b) => `@${b}`) : [];
}

/**
 * TypeScript/JavaScript: a test whose enclosing suite block registers an `afterEach` hook that asserts
 * (`afterEach(() => expect(dialog).not.toBeVisible())`): the suite checks every test's outcome there.
 */
function suiteHookAsserts(test: SgNode, language: string): boolean {
  if (language !== "typescript") return false;
  for (let n = test.parent(); n; n = n.parent()) {
    if (n.kind() !== "statement_block") continue;
    for (const stmt of n.children()) {
      if (stmt.kind() === "expression_statement" && /^(\w+\.)?afterEach\s*\(/.test(stmt.text()) && runtimeAssertion(stmt.text(), "typescript")) return true;
    }
  }
  return false;
}

/**
 * TypeScript: a method called on a value named for its class (`environments.open(..)` on a page-object module's
 * `export default new Environments()`): the class is named as its owner (`@Environments`), so that class's method in
 * another test file can answer for the test. Page objects and test clients are exported as instances named so.
 */
function instanceOwners(body: string, language: string): string[] {
  if (language !== "typescript") return [];
  const owners = new Set<string>();
  for (const m of body.replace(COMMENT_LINE, "").matchAll(/(?<![\w$.])([a-z][\w$]*)\s*\.\s*[A-Za-z_$][\w$]*\s*\(/g)) owners.add(`@${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)}`);
  return [...owners];
}

const SUITE_CALL = /^(\w+\.)*(describe|suite|context)(\.\w+)*$/;
const TEST_CALL = /^(?:(?:it|test)(?:\.\w+)*)\s*\(/;

/**
 * TypeScript: a step of a scenario. Its suite's block declares state with `let` that one of the suite's tests assigns
 * and another reads (umbrel's RAID suites: `firstDeviceId = device1!.id!` in one test, `signup({raidDevices:
 * [firstDeviceId, ..]})` in the next), sets none of it again before each test, and a later test of the
 * suite asserts: the tests run in order as one story, and what a step did is what the later tests check. The step
 * itself must act on the suite's state (any of its `let`s, a `beforeAll` fixture included).
 */
function scenarioStep(test: SgNode, language: string, path: string): boolean {
  if (language !== "typescript") return false;
  const statement = test.kind() === "expression_statement" ? test : test.parent();
  const block = statement?.parent();
  if (!statement || block?.kind() !== "statement_block") return false;
  const suite = block.parent()?.parent()?.parent();
  if (suite?.kind() !== "call_expression" || !SUITE_CALL.test((suite.field("function" as never) as SgNode | null)?.text() ?? "")) return false;
  const story = storyOf(block, path);
  const at = story.tests.findIndex((t) => t.start === statement.range().start.index);
  if (at < 0 || !story.tests.slice(at + 1).some((t) => t.asserts)) return false;
  // The suite hands state from test to test, and the step acts on the suite's state (`umbreld.vm.addNvme(..)` on the
  // VM its `beforeAll` made, `signup({raidDevices: [firstDeviceId]})`): a test touching none of it is no step.
  const own = story.tests[at]!;
  return story.handed.length > 0 && story.shared.some((n) => own.assigns.has(n) || own.reads.has(n));
}

interface Story { tests: { start: number; asserts: boolean; assigns: Set<string>; reads: Set<string> }[]; shared: string[]; handed: string[] }

/**
 * A suite block read once (its tests are judged one by one): its tests, what each assigns and reads of the block's
 * `let` state, and the names one test assigns and another reads. A `beforeEach` that sets the state again gives every
 * test a fresh start, so nothing is handed on; one that only skips the rest once a step failed is bookkeeping.
 */
function storyOf(block: SgNode, path: string): Story {
  const key = `${path}:${block.range().start.index}:${Bun.hash(block.text())}`;
  const cached = stories.get(key);
  if (cached) return cached;
  const members = block.children();
  const shared = members.filter((m) => m.kind() === "lexical_declaration" && /^let\b/.test(m.text()))
    .flatMap((d) => d.children().filter((c) => c.kind() === "variable_declarator").map((c) => (c.field("name" as never) as SgNode | null)?.text() ?? ""))
    .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const names = shared.map(escapeRegExp).join("|");
  const assignRx = names ? new RegExp(String.raw`(?<![\w$.])(${names})\s*=(?!=)`, "g") : null;
  const useRx = names ? new RegExp(String.raw`(?<![\w$.])(${names})(?![\w$])`, "g") : null;
  const tests = members.filter((m) => m.kind() === "expression_statement" && TEST_CALL.test(m.text())).map((m) => {
    const text = m.text();
    const assigns = new Set(assignRx ? [...text.matchAll(assignRx)].map((x) => x[1]!) : []);
    const reads = new Set(useRx ? [...text.replace(assignRx ?? /(?!)/, "").matchAll(useRx)].map((x) => x[1]!) : []);
    return { start: m.range().start.index, asserts: runtimeAssertion(text, "typescript"), assigns, reads };
  });
  const reset = members.some((m) => m.kind() === "expression_statement" && /^(\w+\.)?beforeEach\s*\(/.test(m.text()) && !!assignRx && new RegExp(assignRx.source).test(m.text()));
  const handed = reset ? [] : shared.filter((n) => tests.some((a) => a.assigns.has(n) && tests.some((b) => b !== a && b.reads.has(n))));
  const story = { tests, shared, handed };
  if (stories.size > 64) stories.clear();
  stories.set(key, story);
  return story;
}
const stories = new Map<string, Story>();

const TYPE_TEST_FILE = /\.test-d\.[cm]?tsx?$/;

/**
 * The info-level note for a test whose only check is not an assertion call; kinds absent here assert. A fuzz or
 * property test and the passing counterpart of a test that expects the same check to raise declare by their shape the
 * property they check, so they get no note: on panel 32 none of 20 such notes was upheld by a reader
 * (docs/DECISIONS.md). A call whose throw is the only check (`schema.parse(x)` with the result unread) may still have
 * forgotten to look at what it made, and a goroutine test's shape (any `go` and any receive) is too loose to say
 * what it checks: notes.
 */
export const NOTES: Record<string, string> = {
  concurrency: "concurrency test: its only checks are the race detector and that nothing deadlocks or panics",
  "throw-based": "smoke test: its only check is that a parse, validate, render or constructor call does not throw",
  "scenario-step": "scenario step: a test of a suite whose tests run in order and share state; a later test checks what it did",
};

/** The statements of a Go test body: every `t.Fatal*`/`t.Error*` sits in an `if err != nil` branch, and the last statement discards a call's result. */
function onlySetupGuards(body: SgNode): boolean {
  const list = body.namedChildren().find((c) => c.kind() === "statement_list") ?? body;
  const stmts = list.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  const last = stmts[stmts.length - 1];
  if (!last || !/^_(\s*,\s*_)*\s*=\s*[\w.]+\(/.test(last.text().trim())) return false;
  // ... and one of the closing discards is the act itself, not a release (`_ = f.Close()` after a checked write is cleanup).
  const tail: SgNode[] = [];
  for (let i = stmts.length - 1; i >= 0 && /^_(\s*,\s*_)*\s*=\s*[\w.]+\(/.test(stmts[i]!.text().trim()); i--) tail.push(stmts[i]!);
  if (!tail.some((st) => !/\.(Close|Stop|Shutdown|Cancel|Cleanup|Wait|Flush|Sync|Remove|RemoveAll|Kill|Release)\(/.test(st.text().replace(/\(.*$/s, "(")))) return false;
  const text = body.text();
  const checks = [...text.matchAll(/\bt\.(Fatal|Fatalf|Error|Errorf|Fail|FailNow)\(/g)].length;
  if (!checks) return false;
  // Every check is the whole body of an error branch: `if err != nil {\n t.Fatal(err)\n }`, also with an initializer.
  const guarded = [...text.matchAll(/\berr\s*!=\s*nil\s*\{\s*t\.(?:Fatal|Fatalf|Error|Errorf)\([^\n]*\)\s*\}/g)].length;
  // ... and nothing else checks (no comparison feeding a failure, no assertion library).
  return guarded === checks && !/\b(assert|require|is|qt|check)\.\w+\(|\bif\b[^{\n]*(==|!=\s*(?!nil\b)|<|>)[^{\n]*\{[^}]*\bt\.(Fatal|Error)/.test(text.replace(/\berr\s*!=\s*nil\s*\{/g, ""));
}

/**
 * The matched node must be a test of its framework (not a fixture, handler or command defined inside
 * one, not skipped). No assertion of any kind → a finding at the rule's severity; only a call whose throw
 * would fail the test (`schema.parse(x)`) → an info-level note, unless a helper it calls from another test file
 * asserts, and a Go concurrency test (the race detector is its oracle) → a note. A Go fuzz target whose fuzz function
 * asserts nothing (it checks that the code does not panic) → nothing.
 */
export function noAssertionCheck({ node, file, rule, defer }: CheckContext): Hit[] {
  const test = asTestCase(node, rule.language, file.path);
  if (!test || test.skipped) return [];
  // A type test file (vitest's `--typecheck` and tsd run `*.test-d.ts`): the compiler is its oracle, every typed
  // binding and call in it a type-level assertion.
  if (rule.language === "typescript" && TYPE_TEST_FILE.test(file.path)) return [];
  if (rule.language === "python" && pyDisablesInherited(test.node)) return [{ region: regionOf(test.node), severity: "info", message: "disabled test: its body only returns, overriding an inherited test to switch it off (skipTest would say why)" }];
  const kind = assertionOf(test, rule.language, file.lines, () => file.helpers(), () => file.functions(), () => file.functionBodies());
  // Go: every check guards a setup step's error (`if err != nil { t.Fatal(err) }`) and the test ends by discarding what
  // its act answers (`_ = produce(ctx, msg)`, `_ = stream.Stop(ctx)`): it checks the stage was built, not what it did.
  if (kind !== null && rule.language === "go" && onlySetupGuards(test.body)) return [{ region: regionOf(test.node), message: `${rule.message}: its only checks are the setup's errors, and what its act answers is discarded` }];
  // test-case's `#[test_case(input => expected)]`: each case's expected value is asserted against the test's return.
  if (kind === null && rule.language === "rust" && /#\[\s*(test_case::)?test_case\s*\([^\n]*=>/.test(test.attributes ?? "")) return [];
  if (kind === null && suiteHookAsserts(test.node, rule.language)) return [];
  if (kind === null && scenarioStep(test.node, rule.language, file.path)) return [{ region: regionOf(test.node), severity: "info", message: NOTES["scenario-step"]! }];
  // A Go test another test of the file runs as a subprocess by its name (the os/exec helper-process idiom).
  if (kind === null && rule.language === "go" && goHelperProcess(test.name, file.content, test.node.text())) return [];
  const note = NOTES[kind ?? ""];
  if (kind !== null && !note) return [];
  // A harness or helper defined in another test file may hold the check (`Test::new()..success()`, a
  // conftest helper): asked at the scan's end of every walked test file (test-helpers.ts). A smoke-test note
  // waits for the same answer: a test whose cross-file helper asserts is no smoke test.
  const hit: Hit = note ? { region: regionOf(test.node), severity: "info", message: note } : { region: regionOf(test.node) };
  // Go: the packages the file imports qualify calls to their functions (`test.IsEqual(t, ..)`).
  // Go packages the file imports (`test.IsEqual(t, ..)`), and TypeScript namespace imports (`import * as gu from
  // "test/nbrowser/gristUtils"`: `gu.checkForErrors()` is that module's function, as a bare call of it would be).
  const packages = rule.language === "go" ? new Set(goImports(file.content).keys())
    : rule.language === "typescript" ? new Set([...file.content.matchAll(/^\s*import\s+\*\s+as\s+([\w$]+)\s+from\s/gm)].map((m) => m[1]!))
    : undefined;
  const calls = [...foreignCalls(test.body.text(), file.functionBodies(), packages), ...inheritedOwners(test.node, rule.language), ...instanceOwners(test.body.text(), rule.language)];
  if (!calls.length) return [hit];
  const line = test.node.range().start.line;
  // Python and TypeScript: what the test calls as a statement, discarding the result (a check it may lean on: validating-calls.ts).
  const scripted = !note && (rule.language === "python" || rule.language === "typescript") ? rule.language : null;
  // ... not when the test catches what it calls: a raise it handles checks nothing.
  const discards = scripted && !catchesInBody(test.body.text(), scripted) ? discardedCalls(test.body.text()) : [];
  // ... and the checks it calls that another test of its file expects to raise (raising-counterparts.ts).
  const raising = scripted ? raisingChecks(test.body.text(), file, file.root, scripted) : [];
  // ... and, failing a check, an act another test of its file expects to raise: a smoke note.
  const smokeAct = scripted && !raising.length && raisingActs(test.body.text(), file, file.root, scripted).length > 0;
  const asked: Hit = smokeAct ? { region: hit.region, severity: "info", message: NOTES["throw-based"]! } : hit;
  defer({ candidate: { name: test.name, file: file.path, line, referenceIgnores: [], language: rule.language as never, calls, ...(discards.length ? { discards } : {}), ...(raising.length ? { raising } : {}) }, hit: asked, keep: "unless-helper-asserts" });
  return [];
}

/** Names called as a whole statement (`validate_path("a", d)`, `await verifyApiKeyPermission(..);`, `helpers.call_auth(..)`): results discarded. */
export function discardedCalls(body: string): string[] {
  return [...new Set(statementCallees(body).map((c) => c.split(".").pop()!))]
    .filter((n) => !/^(if|for|while|with|return|print|console|expect|assert|describe|it|test)$/.test(n));
}

