// The test-context model: per framework in four languages, which functions are tests, which are
// fixtures or handlers defined inside them, and what counts as an assertion. Pure: nodes/text in, data out.
import type { SgNode } from "@ast-grep/napi";
import { unreferenced } from "./checks/unreferenced";
import { languageOf, parseSource } from "./languages";
import { isTestPath, RUST_TEST_ATTR } from "./place";
import { nameOf, pyBases, pyOwner, rustAttributes } from "./syntax";
import type { GrammarLanguage } from "./rule-spec";

export interface TestCase {
  /** Function name (Python/Go/Rust) or the test title (JS `it("title", ...)`). */
  name: string;
  /** The whole test: the `it(...)` call or the function item. */
  node: SgNode;
  /** The body that runs (the callback's body for JS). */
  body: SgNode;
  /** Skipped, todo or ignored: it asserts nothing by design. */
  skipped: boolean;
  /** Attribute/decorator text (Rust `#[should_panic(...)]`, Python `@pytest.mark.xfail`), joined. */
  attributes?: string;
  /** Parameter text of the test function (`done`, `t`, `{ page }`). */
  params?: string;
}

/** jest/vitest/mocha/node:test/ava/tap/Deno: `it`, `test`, `specify`, with modifiers; `x`-prefixed are skipped. */
const JS_TEST_CALLEE = /^(x?it|x?test|specify|Deno\.test|t\.test)((\.(only|concurrent|serial|sequential|fails|failing|skip|todo|skipIf\([^]*\)|runIf\([^]*\)|each\([^]*\)|for\([^]*\)|cb))*)$/;
const SETUP_FILE = /(^|[/._-])(global[-_.]?)?(setups?|teardowns?)([/._-][^/]*)?$/i;
const JS_SKIPPED = /^x|\.(skip|todo)\b|skipIf/;
const PY_TEST_MODULE = /(^|\/)(test[^/]*|[^/]*_test|tests)\.py$/;
/** Decorators that mark, patch or parametrise a test; any other decorator registers the function elsewhere. */
const PY_TEST_DECORATOR = /^@(pytest\.mark\.\w+|mock\.patch|patch\b|unittest\.(skip|expectedFailure)|skip\w*|expectedFailure|override_settings|modify_settings|freeze_time|given|settings|example|tag|responses\.activate|respx\.mock|parametrize|pytest_asyncio\.\w+|asyncio\b|django_db|requires_\w+|no_type_check)/;
const PY_FIXTURE = /^@(pytest\.)?(fixture|yield_fixture)\b|^@pytest_asyncio\.fixture/;
/**
 * A body that opens by skipping (after its docstring): `self.skipTest(..)`, `pytest.skip(..)`, `raise
 * unittest.SkipTest(..)`, or a helper of the class named for it (`self.skip_test_overrides('N/A: LDAP')`).
 */
const PY_SKIPS_FIRST = /^(?:(?:[rbuf]*"""[\s\S]*?"""|[rbuf]*'''[\s\S]*?'''|#[^\n]*)\s*)*(?:self\.skip\w*|pytest\.skip|raise\s+(?:unittest\.)?SkipTest)\b/i;
const PY_SKIPPED = /^@(pytest\.mark\.(skip|xfail)|unittest\.skip|skip\b|skipIf|skipUnless)/;

function decorators(fn: SgNode): string[] {
  const parent = fn.parent();
  return parent?.kind() === "decorated_definition" ? parent.children().filter((c) => c.kind() === "decorator").map((d) => d.text()) : [];
}

/** `describe.skip(..)`, `xdescribe(..)`, `context.skip(..)`, `suite.skip(..)`: every test inside is skipped with it. */
const JS_SKIPPED_SUITE = /^(x(describe|context|suite)|(describe|context|suite)\.(skip|todo)|(describe|context|suite)\.skipIf\([^]*\))$/;

function inSkippedSuite(test: SgNode): boolean {
  for (let n = test.parent(); n; n = n.parent()) {
    if (n.kind() !== "call_expression") continue;
    const callee = (n.field("function" as never) as SgNode | null)?.text().replace(/\s+/g, "") ?? "";
    if (JS_SKIPPED_SUITE.test(callee)) return true;
  }
  return false;
}

function pyIsTestClass(cls: SgNode): boolean {
  return /^Test/.test(nameOf(cls)) || /\w*(TestCase|Test|Tests)\b/.test(pyBases(cls));
}

/** Is this candidate node a test of its framework? `path` decides test modules where collection depends on it. */
export function asTestCase(node: SgNode, lang: GrammarLanguage, path: string): TestCase | null {
  if (lang === "typescript") {
    // Playwright setup/teardown projects (`db-setup.ts`, `setups/`, `*.setup.ts`) start services; they are not tests.
    if (node.kind() !== "call_expression" || !isTestPath(path) || SETUP_FILE.test(path)) return null;
    const callee = (node.field("function" as never) as SgNode | null)?.text().replace(/\s+/g, "") ?? "";
    if (!JS_TEST_CALLEE.test(callee)) return null;
    const args = (node.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
    const fn = [...args].reverse().find((a) => a.kind() === "arrow_function" || a.kind() === "function_expression" || a.kind() === "function");
    const body = fn ? (fn.field("body" as never) as SgNode | null) : null;
    if (!fn || !body) return null;
    const title = args[0] && /string|template_string/.test(String(args[0].kind())) ? args[0].text().slice(1, -1) : callee;
    const params = ((fn.field("parameters" as never) ?? fn.field("parameter" as never)) as SgNode | null)?.text() ?? "";
    return { name: title, node, body, skipped: JS_SKIPPED.test(callee) || inSkippedSuite(node), params };
  }
  if (lang === "python") {
    if (node.kind() !== "function_definition" || !PY_TEST_MODULE.test(path)) return null;
    const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
    if (!/^test/.test(name)) return null;
    const owner = pyOwner(node);
    if (!owner || (owner.kind() !== "module" && !(owner.kind() === "class_definition" && pyIsTestClass(owner)))) return null;
    const decos = decorators(node);
    if (decos.some((d) => PY_FIXTURE.test(d) || !PY_TEST_DECORATOR.test(d))) return null;
    const body = node.field("body" as never) as SgNode | null;
    if (!body) return null;
    return { name, node, body, skipped: decos.some((d) => PY_SKIPPED.test(d)) || PY_SKIPS_FIRST.test(body.text()), attributes: decos.join("\n") };
  }
  if (lang === "go" && node.kind() === "method_declaration") return goSuiteTest(node, path);
  if (lang === "go") {
    if (node.kind() !== "function_declaration" || !/_test\.go$/.test(path)) return null;
    const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
    const params = (node.field("parameters" as never) as SgNode | null)?.text() ?? "";
    if (!/^(Test|Fuzz)([A-Z0-9_]|$)/.test(name) || !/\*testing\.[TF]\b/.test(params)) return null;
    const body = node.field("body" as never) as SgNode | null;
    // A Test function that calls os.Exit is the re-executed child of a helper-process test, not a test.
    if (!body || /\bos\.Exit\(/.test(body.text())) return null;
    return { name, node, body, skipped: /^\{\s*t\.Skip/.test(body.text()) };
  }
  if (node.kind() !== "function_item") return null;
  const attrs = rustAttributes(node);
  if (!attrs.some((a) => RUST_TEST_ATTR.test(a))) return null;
  const body = node.field("body" as never) as SgNode | null;
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  return body ? { name, node, body, skipped: attrs.some((a) => /^#\[ignore\b/.test(a)), attributes: attrs.join("\n") } : null;
}

const CANDIDATE_KIND: Record<GrammarLanguage, string> = { typescript: "call_expression", python: "function_definition", go: "function_declaration", rust: "function_item" };

/** Every test in a parsed file. */
export function testCases(root: SgNode, lang: GrammarLanguage, path: string): TestCase[] {
  return root.findAll({ rule: { kind: CANDIDATE_KIND[lang] } }).map((n) => asTestCase(n, lang, path)).filter((t): t is TestCase => t !== null);
}

/** The number of tests in a file that run (skipped ones do not; 0 for unsupported languages). For the claim audit. */
export function countTestFunctions(path: string, content: string): number {
  const lang = languageOf(path);
  const parsed = lang ? parseSource(path, content) : null;
  return parsed ? testCases(parsed.root(), lang!, path).filter((t) => !t.skipped).length : 0;
}

/** The innermost test a node is defined in (a fixture, handler or command defined inside a test), else null. */
export function enclosingTest(node: SgNode, lang: GrammarLanguage, path: string): TestCase | null {
  for (let n = node.parent(); n; n = n.parent()) {
    if (n.kind() !== CANDIDATE_KIND[lang]) continue;
    const t = asTestCase(n, lang, path);
    if (t) return t;
  }
  return null;
}

export { assertionOf, assertingHelpers, type AssertionKind } from "./assertions";

/**
 * Is `name`, defined at the 1-based `line` of `file`, referenced anywhere but its own definition line,
 * comments, export lists and test code (pipeline/rules/place.ts), in files of the same language (or of
 * no rule language: templates, route tables)? The floor's unwired check, for the claim audit.
 */
export function referencedOutsideTests(name: string, def: { file: string; line: number }, files: readonly { path: string; content: string }[]): boolean {
  const language = languageOf(def.file) ?? undefined;
  return unreferenced([{ name, file: def.file, line: def.line - 1, referenceIgnores: [], language }], [...files]).length === 0;
}

const suites = new WeakMap<object, Set<string>>();

/** The types a file runs with `suite.Run(t, new(T))` or `suite.Run(t, &T{..})`, read once per file. */
function suiteTypes(node: SgNode): Set<string> {
  const key = node.getRoot() as object;
  let types = suites.get(key);
  if (!types) {
    types = new Set([...node.getRoot().root().text().matchAll(/\bsuite\.Run\(\s*\w+\s*,\s*(?:new\(\s*(\w+)\s*\)|&(\w+)\s*\{)/g)].map((m) => (m[1] ?? m[2])!));
    suites.set(key, types);
  }
  return types;
}

/**
 * A testify suite's test: a method `TestX()` of a type its file runs with `suite.Run(t, new(T))` (or `&T{..}`), or whose
 * struct embeds a suite (`suite.Suite`, a framework's `tests.TestCase` that does). testify runs every such method.
 */
function goSuiteTest(node: SgNode, path: string): TestCase | null {
  if (!/_test\.go$/.test(path)) return null;
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  const params = (node.field("parameters" as never) as SgNode | null)?.text() ?? "";
  if (!/^Test([A-Z0-9_]|$)/.test(name) || !/^\(\s*\)$/.test(params)) return null;
  const receiver = /\*?\s*([A-Za-z_]\w*)\s*\)\s*$/.exec((node.field("receiver" as never) as SgNode | null)?.text() ?? "")?.[1];
  if (!receiver || !suiteTypes(node).has(receiver)) return null;
  const body = node.field("body" as never) as SgNode | null;
  return body ? { name, node, body, skipped: /^\{\s*\w+\.T\(\)\.Skip/.test(body.text()) } : null;
}
