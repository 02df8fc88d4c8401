// Where code lives: shipped, test, example or benchmark code, by path and (Rust) by in-file test modules.
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "./rule-spec";

/** shipped = code that runs in production; test/example/bench never ship (bench = benchmarks). */
export type Place = "shipped" | "test" | "example" | "bench";
export const PLACES: readonly Place[] = ["shipped", "test", "example", "bench"];

/**
 * Directory names that hold test code in the four ecosystems: jest/vitest (`__tests__`, `__mocks__`),
 * mocha/tap (`test/`), pytest/cargo (`tests/`), Go (`testdata/`), shared fixtures and helpers, and
 * test-support packages named for it (`actix-test/`, `http_testing/`, and with the word first: `tests-db/`,
 * `test-harness/`, the crates and packages a workspace keeps only for its tests), and Cypress's project folder
 * (`cypress/e2e`, `cypress/support`: specs and the custom commands they call), acceptance suites (`acceptance/`), and
 * the Go test-support packages named for what they hold (`testrig/`, `testkit/`, `testenv/`, `testharness/`), and
 * packages of test doubles (`mocks/`, opsdroid's `mockmodules/`). A `testing/` package is left shipped: it is
 * often a project's test-support library (reviewboard's `testing/testcase.py`), whose factories asserting
 * internally would make every test that builds a record look delegated.
 */
const TEST_DIRS = /^(tests?|__tests__|__mocks__|__fixtures__|specs?|testdata|cypress|acceptance|fuzz_targets|test[_-]?(helpers?|utils?|support|data|rig|kit|env|harness)|testutils?|testing_?utils|mocks?|mockmodules|fakes|fixtures|e2e|integration[_-]tests?)$|^[\w.-]+[-_](tests?|testing|test[-_]?utils?)$|^tests?[-_][\w.-]+$/i;

/** Is this directory name one that holds test code? */
export const isTestDir = (name: string): boolean => TEST_DIRS.test(name);

/** File names that are test code whatever their directory. */
const TEST_FILES = [
  /\.(test|spec|test-d|spec-d|e2e|cy)\.[cm]?[jt]sx?$/i, // jest, vitest, mocha, tsd (`index.test-d.ts`), Cypress (`x.cy.ts`)
  /(^|[_-])(test|spec)\.[cm]?[jt]sx?$/i, // `foo-test.js`, `foo_spec.ts`
  /_test\.go$/, // go test
  /^test_.*\.py$|_tests?\.py$|^tests?\.py$|^conftest\.py$/, // pytest, Django's `tests.py`
  /_testing\.py$/, // a settings module for the test run (`settings_testing.py`, `configuration_testing.py`)
  /^tests?\.rs$|_tests?\.rs$/, // `mod tests;` in its own file
];

// `doc/` is left out: in Go it is as often a shipped package (github.com/spf13/cobra/doc).
// `hack/`: the Go convention (Kubernetes and its followers) for development scripts and data generators.
// `.storybook/`: Storybook's workshop (its config, decorators and the mocks stories render with) never ships.
// ... and a directory named for one as its last word (`oauth-client-browser-example`, `payments_demo`), as test
// directories are (`api-tests`). A leading word names a feature as often (`demo-mode/`, `example-derive/`): not read.
const EXAMPLE_DIRS = /^(examples?|_examples|demos?|samples?|docs|docs_src|documentation|tutorials?|cookbook|playground|website|hack|\.storybook)$|^[\w.-]+[-_](examples?|demos?)$/i;
/** A Storybook story (`Button.stories.tsx`): a component rendered with sample props in the workshop. */
const EXAMPLE_FILES = /\.stories\.[cm]?[jt]sx?$/i;
const BENCH_DIRS = /^(bench|benches|benchmarks?)$/i;
/** A test tree's benchmark suite by its directory name. */
const TEST_BENCH_DIRS = /^(perf|performance|benchmarks?|bench|load[-_]?tests?|stress[-_]?tests?)$/i;
const BENCH_FILES = /\.bench\.[cm]?[jt]sx?$|_bench\.(go|py|rs)$|^bench_.*\.py$/i;

/**
 * The place of a repo-relative posix path. The innermost signal wins over outer ones only for test:
 * `examples/app/tests/x.rs` is test code, `tests/fixtures/example.py` too; `docs/*.py` is example.
 */
export function placeOfPath(path: string): Place {
  const parts = path.split("/");
  const name = parts[parts.length - 1]!;
  const dirs = parts.slice(0, -1);
  // Storybook's workshop keeps its own mocks (`.storybook/mocks/`): the workshop, not a test suite.
  if (dirs.includes(".storybook")) return "example";
  // A test tree's performance suite (`tests/baserow/performance/test_field_performance.py`): benchmarks run by the
  // test runner, profiling and printing rather than asserting. Only under a test directory: a shipped
  // `src/performance/` is a feature.
  const testDir = dirs.findIndex((d) => TEST_DIRS.test(d));
  if (testDir >= 0 && dirs.slice(testDir + 1).some((d) => TEST_BENCH_DIRS.test(d))) return "bench";
  if (TEST_FILES.some((re) => re.test(name)) || testDir >= 0) return "test";
  if (BENCH_FILES.test(name) || dirs.some((d) => BENCH_DIRS.test(d))) return "bench";
  if (EXAMPLE_FILES.test(name) || dirs.some((d) => EXAMPLE_DIRS.test(d))) return "example";
  return "shipped";
}

/**
 * The place of a file by its path and, where the path says shipped, by what its head declares: a Go file whose build
 * constraint is `ignore` (`//go:build ignore`, `// +build ignore`) is never compiled into the program; it is a tool run
 * by hand (`go run gen.go`, a `go:generate` script), reported with examples and benchmarks.
 */
export function placeOfFile(path: string, content: string): Place {
  const place = placeOfPath(path);
  if (place !== "shipped" || !path.endsWith(".go")) return place;
  const head = content.slice(0, content.search(/^package\s/m) >>> 0);
  return /^\/\/\s*(go:build|\+build)\s+ignore\s*$/m.test(head) ? "example" : place;
}

/** Is the path test code (tests, fixtures, test helpers)? */
export function isTestPath(path: string): boolean {
  return placeOfPath(path) === "test";
}

/** 0-based inclusive line ranges. */
export interface LineRange { start: number; end: number }

// The attribute's last path segment names the test macro (`#[tokio::test(..)]`, `#[rstest]`, `#[test_case::test_case(..)]`);
// `#[rstest::fixture]` makes a value tests are handed, not a test.
export const RUST_TEST_ATTR = /^#\[(\w+::)*(test|rstest|test_case|case|proptest|property_test)\s*[\](]|^#\[quickcheck\s*[\](]/;

// Items an attribute can compile out: a module, and the items inside a shipped module (an `impl` block, a function, a
// type) that exist only for tests.
const ITEM_KINDS = ["mod_item", "function_item", "impl_item", "struct_item", "enum_item", "trait_item"];

/**
 * A `#[cfg(..)]` that compiles its item only for tests: `test`, `all(test, ..)`, or `any(..)` whose every alternative
 * is `test` or a feature named for testing, fuzzing or benchmarks (ntpd-rs's
 * `#[cfg(any(test, feature = "__internal-fuzz", feature = "__internal-test"))]` impl of test-only setters).
 */
export function isTestOnlyCfg(attr: string): boolean {
  const m = /^#\[cfg\((.*)\)\]$/s.exec(attr.trim());
  if (!m) return false;
  const pred = m[1]!.trim();
  if (pred === "test") return true;
  const all = /^all\((.*)\)$/s.exec(pred);
  if (all) return all[1]!.split(",").some((a) => a.trim() === "test");
  const any = /^any\((.*)\)$/s.exec(pred);
  if (!any) return false;
  const alts = any[1]!.split(",").map((a) => a.trim()).filter(Boolean);
  return alts.includes("test") &&
    alts.every((a) => a === "test" || /^feature\s*=\s*"[\w-]*(test|fuzz|bench)[\w-]*"$/.test(a));
}

/**
 * Test code inside a shipped file: Rust items compiled only for tests (`#[cfg(test)]` modules, impl blocks, functions
 * and types) and `#[test]` functions outside them.
 * Other languages keep tests in test files, so their regions come from the path alone.
 */
export function inFileTestRegions(root: SgNode, lang: RuleLanguage): LineRange[] {
  if (lang !== "rust") return [];
  const out: LineRange[] = [];
  for (const item of root.findAll({ rule: { any: ITEM_KINDS.map((kind) => ({ kind })) } })) {
    let prev = item.prev();
    let test = false;
    while (prev && (prev.kind() === "attribute_item" || prev.kind() === "line_comment")) {
      const t = prev.text();
      if (isTestOnlyCfg(t) || (item.kind() === "function_item" && RUST_TEST_ATTR.test(t))) test = true;
      prev = prev.prev();
    }
    if (!test) continue;
    const r = item.range();
    if (!out.some((o) => o.start <= r.start.line && o.end >= r.end.line)) out.push({ start: r.start.line, end: r.end.line });
  }
  // A macro that writes tests: a `macro_rules!` whose expansion opens a `#[cfg(test)] mod` (from there to the end of
  // the macro), and an invocation of a macro named for tests (`api_key_tests!(ProjectKey, sample = "..")`): its
  // arguments are the tests' data.
  // The text first: a napi walk over every macro of every Rust file costs more than the rest of this function.
  const text = root.text();
  if (/macro_rules!/.test(text) && /#\[cfg\(test\)\]/.test(text)) for (const m of root.findAll({ rule: { kind: "macro_definition" } })) {
    const at = m.text().search(/#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\b/);
    if (at < 0) continue;
    const start = m.range().start.line + m.text().slice(0, at).split("\n").length - 1;
    out.push({ start, end: m.range().end.line });
  }
  if (/(?:^|[^\w])\w*tests?!\s*[({[]/.test(text)) for (const m of root.findAll({ rule: { kind: "macro_invocation", regex: "^(?:[\\w]+::)*(?:\\w+_)?tests?!" } })) {
    const name = (m.field("macro" as never) as SgNode | null)?.text().replace(/^.*::/, "") ?? "";
    if (!/(^|_)tests?$/.test(name)) continue;
    const r = m.range();
    if (!out.some((o) => o.start <= r.start.line && o.end >= r.end.line)) out.push({ start: r.start.line, end: r.end.line });
  }
  return out;
}

/**
 * Imports of a test framework, per language: Go's `testing` package (and testify, gomock, ginkgo/gomega), pytest
 * and unittest, and the JavaScript test runners, assertion and mocking libraries. A file outside the test paths
 * that imports one is test support (Go's `caddytest`, `dbtest`, `servertest` packages; `manager_test_helpers.go`; a
 * `testing/__init__.py` of fixtures; a shared page-object module): only tests call it, whatever its path says.
 */
const TEST_IMPORTS: Partial<Record<RuleLanguage, RegExp>> = {
  go: /^\s*(?:import\s+)?(?:[\w.]+\s+)?"(testing|github\.com\/stretchr\/testify\/\w+|github\.com\/golang\/mock\/gomock|go\.uber\.org\/mock\/gomock|github\.com\/onsi\/(ginkgo|gomega)(\/v\d+)?)"\s*$/m,
  python: /^\s*(?:import\s+(?:pytest|unittest)\b|from\s+(?:pytest|unittest|_pytest)\b)/m,
  typescript: /^\s*(?:import\b[^;]*?\bfrom\s*|import\s*|(?:const|let|var)\s[^=]*=\s*require\()\s*["'](vitest|@jest\/globals|@playwright\/test|chai|sinon|supertest|node:test|ava|tap|uvu|mocha|@testing-library\/[\w-]+)["']/m,
};

/** Does the file import a test framework (see TEST_IMPORTS)? */
export function importsTestFramework(content: string, lang: RuleLanguage): boolean {
  return TEST_IMPORTS[lang]?.test(content) ?? false;
}

/**
 * A rule-test target of a static analyser: semgrep's test files carry `# ruleid: <rule>` (and `# ok: <rule>`)
 * annotations above the lines the rule beside them must match. The file is written to contain the defect; it is
 * a fixture of the repository's own lint rules (saleor's `.semgrep/**`), not code that ships.
 */
const RULE_TEST_ANNOTATION = /^\s*(?:#|\/\/|--)\s*(?:todo)?ruleid\s*:\s*[\w.-]+\s*$/m;

/**
 * Test regions of a shipped file: the whole file when it imports a test framework or is a rule-test target, else
 * Rust's in-file test modules (`root` is asked only then, so other languages are not parsed for it).
 */
export function testRegionsOfFile(content: string, lang: RuleLanguage, root: () => SgNode): LineRange[] {
  if (importsTestFramework(content, lang) || RULE_TEST_ANNOTATION.test(content)) return [{ start: 0, end: content.split("\n").length - 1 }];
  return lang === "rust" ? inFileTestRegions(root(), lang) : [];
}

/** The place of a 0-based line of a file, given its path place and in-file test regions. */
export function placeAt(pathPlace: Place, regions: readonly LineRange[], line: number): Place {
  if (pathPlace !== "shipped") return pathPlace;
  return regions.some((r) => line >= r.start && line <= r.end) ? "test" : "shipped";
}

/**
 * A vendored copy of a third-party library kept in the tree (`jquery-4.0.0.slim.js`, a DataTables
 * bundle): a versioned file name, a `.min.` build, or a license banner with a version at the top.
 * Its findings belong to its upstream, not to the project, so the floor does not scan it.
 */
export function isVendoredCopy(path: string, content: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (/[-.]v?\d+\.\d+\.\d+([-.+][\w.]*)?\.[cm]?js$|\.min\.[cm]?js$/.test(name)) return true;
  const head = content.slice(0, 1200);
  return /\/\*!/.test(head) && /licen[cs]e|copyright|©/i.test(head) && /\bv?\d+\.\d+\.\d+\b/.test(head) && /\.[cm]?js$/.test(name);
}
