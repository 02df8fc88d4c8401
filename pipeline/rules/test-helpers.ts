// Assertion-free tests whose check lives in another test file: a harness (`Test::new()..success()` in
// tests/test.rs), a conftest helper, a suite's `waitUntilSuccess()` in api_tests/src/shared.ts. Answered at
// the scan's end, against every walked test file of the test's language.
import type { SgNode } from "@ast-grep/napi";
import type { Candidate } from "./checks/unreferenced";
import { assertingHelpers, COMMENT_LINE, comparesBeforeFailing, runtimeAssertion, throwBased } from "./assertions";
import { languageOf, parseSource } from "./languages";
import { inFileTestRegions, type LineRange, placeOfPath } from "./place";
import type { GrammarLanguage } from "./rule-spec";
import { escapeRegExp } from "./syntax";
import type { SourceFile } from "./scan-file";

/** Free functions called through a Rust module path (`util::plaintext()`, lower case before `::`; not `self::`, `crate::`, `super::`). */
function modulePathCalls(code: string): string[] {
  return [...code.matchAll(/(?<![\w$:])[a-z_]\w*::([A-Za-z_]\w*)\s*(?:::\s*<[^;{}()]*>\s*)?\(/g)].filter((m) => !/^(self|crate|super)::/.test(m[0])).map((m) => m[1]!);
}

/**
 * What a test body calls, as keys: `f` a plain function call (also through a module path, `util::f(`), `.m` a
 * method call (`x.m(`, `X::m(`), and
 * `@X` a type the code constructs or names as an owner (`X::new(`, `X(`, `new X(`, `X {`). A method of another
 * file is matched only through its type: a bare method name (`get`, `run`) is defined on too many things.
 */
export function callKeys(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(\.|::)?\s*([A-Za-z_$][\w$]*)\s*!?\s*(?:::\s*<[^;{}()]*>)?\s*\(/g)) out.add(m[1] ? `.${m[2]}` : m[2]!);
  for (const name of modulePathCalls(code)) out.add(name);
  for (const m of code.matchAll(/(?<![\w$.])(?:new\s+)?([A-Z][A-Za-z0-9_]*)\s*(?:::\s*\w|\(|\s*\{)/g)) out.add(`@${m[1]}`);
  return [...out];
}

/** The body's last statement fails whoever called it (`throw Error("not accepted after 10 retries")`, `raise`, `panic!`, `t.Fatalf`): a polling or checking helper. A throw guarding a precondition at the top is not this. */
const ENDS_FAILING = /(?:^|[\s;{])(throw\s[^;{}]*|raise(\s[^\n]*)?|panic!\s*\([^;]*\)|t\.(Fatal|Fatalf|FailNow)\([^;\n]*\));?\s*\}?\s*$/;

/**
 * The call keys of a test that its file does not define, reached directly or through the file's own
 * helpers (`evaluate(..)` defined above the tests, calling the harness's `success()`).
 */
export function foreignCalls(body: string, own: ReadonlyMap<string, string>, packages: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  // (Go's exported names are capitalised; a TypeScript module's functions are any name.)
  const qualified = packages.size ? new RegExp(`(?<![\\w$.])(?:${[...packages].map(escapeRegExp).join("|")})\\.([A-Za-z_$][\\w$]*)\\s*\\(`, "g") : null;
  const visit = (code: string) => {
    const text = code.replace(COMMENT_LINE, "");
    // A call through another module's path (`util::plaintext()`) is that module's function, even when a test of
    // this file shares its name.
    for (const name of modulePathCalls(text)) out.add(name);
    // Go: `test.IsEqual(t, ..)` through a package the file imports is that package's function, not a method.
    if (qualified) for (const m of text.matchAll(qualified)) out.add(m[1]!);
    for (const k of callKeys(text)) {
      const name = k.replace(/^[.@]/, "");
      // Only a plain call can reach the file's own free functions; a method call (`.success()`) is
      // another type's, even when a test of the file shares its name.
      if (k.startsWith("@") || k.startsWith(".") || !own.has(name)) out.add(k);
      else if (!seen.has(name)) { seen.add(name); visit(own.get(name)!); }
    }
  };
  visit(body);
  return [...out];
}

const DEFINITIONS: Record<GrammarLanguage, string[]> = {
  typescript: ["function_declaration", "method_definition", "variable_declarator"],
  python: ["function_definition"],
  rust: ["function_item", "macro_definition"],
  go: ["function_declaration", "method_declaration"],
};

/** The type a method belongs to (Rust `impl T`, a class, a Go receiver), or null for a free function. */
function ownerOf(fn: SgNode): string | null {
  if (fn.kind() === "method_declaration") return /\(\s*\w*\s*\*?\s*(\w+)/.exec((fn.field("receiver" as never) as SgNode | null)?.text() ?? "")?.[1] ?? null;
  for (let n = fn.parent(); n; n = n.parent()) {
    const k = String(n.kind());
    if (k === "impl_item") return ((n.field("type" as never) as SgNode | null)?.text() ?? "").replace(/<.*$/, "") || null;
    if (/^(class_definition|class_declaration|class)$/.test(k)) return (n.field("name" as never) as SgNode | null)?.text() ?? null;
    if (/^(function_item|function_definition|function_declaration|method_definition|arrow_function)$/.test(k)) return null;
  }
  return null;
}

/**
 * Cypress custom commands (`Cypress.Commands.add("sortTable", (..) => { .. expect(..) .. })`): a method of `cy`
 * registered by name, so a test's `cy.sortTable(..)` calls it; the key is the method alone, made specific by the
 * registration.
 */
function cypressCommandKeys(root: SgNode): string[][] {
  const out: string[][] = [];
  for (const call of root.findAll({ rule: { kind: "call_expression", regex: "^Cypress\\.Commands\\.(add|overwrite)\\s*\\(" } })) {
    const name = /^Cypress\.Commands\.(?:add|overwrite)\s*\(\s*["'`]([A-Za-z_$][\w$]*)["'`]/.exec(call.text())?.[1];
    if (name && runtimeAssertion(call.text(), "typescript")) out.push([`.${name}`]);
  }
  return out;
}

/** A helper of another file: the keys a caller's calls must contain to reach it, and what it calls in turn. */
interface Helper {
  file: string; keys: string[]; calls: string[]; asserts: boolean; returnsValue: boolean;
  /** Types its result declares (Go `*T`, `(Conn, error)`; Rust `-> Harness`): a caller reaching it holds one, so that type's methods are reachable. */
  results: string[];
  /** It fails its caller on a value it compares (`if line != pat { c.T.Fatalf(..) }`), not only on its own setup error (`if err != nil { t.Fatal(err) }`). */
  compares: boolean;
  /** The body makes a call whose throw is its only check (`render(<View ../>)`, a parse): a test reaching it is a smoke test. */
  throws: boolean;
}

/**
 * Does a definition hand back a value (a Rust or Go result type, a Python or TypeScript `return <expr>`)? A helper
 * that builds something (`TestScorer::new(..)`, a fixture factory) and asserts a precondition on the way is
 * setup, not the caller's check; only a helper that returns nothing is followed onward to the asserts it reaches.
 */
function returnsValue(signature: string, body: string, lang: GrammarLanguage): boolean {
  if (lang === "rust") return /->\s*(?!\(\s*\))\S/.test(signature);
  // Go: whatever follows the parameter list (`*Harness`, `(int, error)`) is a result.
  if (lang === "go") return (/^func\s*(?:\([^)]*\)\s*)?[\w$]+\s*(?:\[[^\]]*\])?\s*\((?:[^()]|\([^()]*\))*\)([\s\S]*)$/.exec(signature.trim())?.[1] ?? "").trim() !== "";
  return /(^|[\s;{])return\s+(?!None\b|;|\n)[^\s;]/m.test(body);
}

/**
 * The types a Go or Rust definition's result names (`func NewT(t *testing.T) *T`, `func (t *T) Conn(port string) Conn`,
 * `-> Result<Harness>`), by their last path segment: a test that calls it holds a value of that type.
 */
function resultTypes(signature: string, lang: GrammarLanguage): string[] {
  const result = lang === "go" ? /^func\s*(?:\([^)]*\)\s*)?[\w$]+\s*(?:\[[^\]]*\])?\s*\((?:[^()]|\([^()]*\))*\)([\s\S]*)$/.exec(signature.trim())?.[1]
    : lang === "rust" ? /->\s*([\s\S]*?)\s*(where\b[\s\S]*)?$/.exec(signature.trim())?.[1] : undefined;
  return [...new Set([...(result ?? "").matchAll(/(?<![\w$])(?:[\w$]+(?:\.|::))*([A-Z][A-Za-z0-9_]*)/g)].map((m) => m[1]!).filter((t) => !/^(Result|Option|Box|Vec|Arc|Rc|Self)$/.test(t)))];
}


/**
 * Types a definition names in its parameters (`test_case: TestHelpCmd`, `state: &mut Harness`, `h *Harness`):
 * a method called on such a parameter (`test_case.verify_command(..)`) is that type's method, as a method called
 * on a value the body constructs is.
 */
function parameterTypes(signature: string): string[] {
  return [...signature.matchAll(/(?:[\w$]\s*:\s*&?\s*(?:mut\s+)?|[\w$]\s+\*?)(?:[\w$]+(?:::|\.))*([A-Z][A-Za-z0-9_]*)\b/g)].map((m) => `@${m[1]}`);
}

/**
 * assert_cmd's `Assert` checks an exit and an output and panics when they differ: a function handed one
 * (`fn verify_command(&self, state: Assert)`) that calls its checks (`state.success().stdout(..)`) asserts.
 */
const ASSERT_CMD = (signature: string, body: string) => /:\s*(?:assert_cmd::assert::)?Assert\b/.test(signature) && /\.(success|failure|code|stdout|stderr|interrupted)\s*\(/.test(body);

/**
 * A Python request helper whose expectation has a default it hands on (`def post(self, path,
 * expected_status=http.client.CREATED, **kw): return self.request(.., expected_status=expected_status)`): a test
 * calling it without saying what it expects is checked against the default.
 */
function expectsByDefault(signature: string, body: string): boolean {
  const param = /[(,]\s*(expected(?:_\w+)?)\s*(?::[^=,)]*)?=\s*(?!None\b)[^\s,)]/.exec(signature)?.[1];
  return !!param && new RegExp(String.raw`[(,]\s*\w+\s*=\s*${param}\s*[,)]`).test(body);
}

/** The file's helper definitions: keys, onward calls, and whether the body asserts by itself (or through the file's own helpers). */
function helpersOf(root: SgNode, lang: GrammarLanguage, file: string, within?: readonly LineRange[]): Helper[] {
  // A shipped file's test module: only its own functions assert for it (a shipped `assert!` invariant is no check).
  const inside = within ? (fn: SgNode) => within.some((r) => fn.range().start.line >= r.start && fn.range().end.line <= r.end) : undefined;
  const asserting = assertingHelpers(root, lang, inside);
  const out: Helper[] = lang === "typescript" ? cypressCommandKeys(root).map((keys) => ({ file, keys, calls: [], asserts: true, returnsValue: false, throws: false, results: [], compares: true })) : [];
  for (const fn of root.findAll({ rule: { any: DEFINITIONS[lang].map((kind) => ({ kind })) } })) {
    // Only the definitions of the file's test regions, when it has shipped code beside them.
    if (inside && !inside(fn)) continue;
    const name = (fn.field("name" as never) as SgNode | null)?.text();
    // A macro's rules are its body (macro_definition has no body field).
    const bodyNode = (fn.field("body" as never) ?? fn.field("value" as never) ?? (fn.kind() === "macro_definition" ? fn : null)) as SgNode | null;
    if (!name || !bodyNode) continue;
    const body = bodyNode.text();
    const signature = bodyNode === fn ? "" : fn.text().slice(0, Math.max(0, fn.text().indexOf(body)));
    const owner = ownerOf(fn);
    const code = body.replace(COMMENT_LINE, "");
    const asserts = asserting.has(name) || ENDS_FAILING.test(body.trim()) || (lang === "rust" && ASSERT_CMD(signature, body)) || (lang === "python" && expectsByDefault(signature, body));
    out.push({ file, keys: owner ? [`.${name}`, `@${owner}`] : [name], calls: [...callKeys(code), ...parameterTypes(signature)], asserts, returnsValue: returnsValue(signature, body, lang), throws: throwBased(code, lang), results: resultTypes(signature, lang), compares: comparesBeforeFailing(code, lang) });
  }
  return out;
}

/** Each test file's classes with their direct bases (Python `class A(B, C):`, TypeScript `class A extends B`), by text. */
function classBases(files: readonly SourceFile[], lang: GrammarLanguage): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const re = lang === "python" ? /^\s*class\s+(\w+)\s*\(([^)]*)\)\s*:/gm : lang === "typescript" ? /\bclass\s+([\w$]+)(?:<[^>{]*>)?\s+extends\s+([\w$.]+)/g : null;
  if (!re) return out;
  for (const f of files) for (const m of f.content.matchAll(re)) out.set(m[1]!, m[2]!.split(",").map((b) => b.trim().replace(/^.*\./, "").replace(/\[.*$/, "")).filter((b) => /^\w+$/.test(b)));
  return out;
}

/** Call keys with every `@Owner`'s bases added, transitively (a base of a base is an owner too). */
function withBases(calls: readonly string[], bases: ReadonlyMap<string, string[]>): string[] {
  const out = new Set(calls);
  const todo = calls.filter((k) => k.startsWith("@")).map((k) => k.slice(1));
  for (let i = 0; i < todo.length && i < 64; i++) for (const b of bases.get(todo[i]!) ?? []) if (!out.has(`@${b}`)) { out.add(`@${b}`); todo.push(b); }
  return [...out];
}

/** Does a helper's key set sit inside these calls (`f`, or `.m` with `@T`)? */
const reaches = (calls: ReadonlySet<string>, h: Helper) => h.keys.every((k) => calls.has(k));

/** The names a file's text defines (a cheap filter before parsing it). */
export function definedNames(content: string): Set<string> {
  return new Set([...content.matchAll(/(?:fn|def|function|func|macro_rules!)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)|Commands\.(?:add|overwrite)\(\s*["'`]([A-Za-z_$][\w$]*)|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=|^[ \t]*(?:(?:public|private|protected|static|override|async)\s+)*(?!(?:func|fn|def|function|if|for|while|switch|return|catch)\b)([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!));
}

/**
 * The candidates (assertion-free tests) that call a function defined in another test file of their language
 * whose body asserts, or ends by failing its caller, directly, through another helper of its file, or through a
 * helper of yet another test file it calls (`execute_test_for_help_command(..)` in common/mod.rs handing the
 * result to `TestHelpCmd::verify_command` in common/help.rs, which checks it): delegation is followed across
 * files, up to four files deep. A method of another file counts through a type the caller constructs or names
 * as a parameter. Shipped code's asserts (a Rust invariant `assert!`) never count. A file is parsed only when it
 * defines one of the names still being looked for. `smoke`: the others that reach a helper of another file whose
 * throw is its only check (a render, a parse).
 */
export function delegatedElsewhere(candidates: readonly Candidate[], files: readonly SourceFile[]): { delegated: Set<Candidate>; smoke: Set<Candidate> } {
  const out = new Set<Candidate>();
  const smoke = new Set<Candidate>();
  const byLang = new Map<string, Candidate[]>();
  for (const c of candidates) if (c.language && c.calls?.length) byLang.set(c.language, [...(byLang.get(c.language) ?? []), c]);
  for (const [lang, list] of byLang) {
    // Test files, and the modules beside a test (pgdog's integration/python/globals.py next to test_asyncpg.py): a
    // suite's helpers live in its directory whatever their file is called.
    // Only beside test files, and only where tests live in files of their own (Python, TS/JS): a Rust or Go test in
    // a shipped file would make its package's invariants (`assert!`) into test helpers.
    const testDirs = new Set(lang === "python" || lang === "typescript" ? list.filter((c) => placeOfPath(c.file) === "test").map((c) => c.file.replace(/\/?[^/]*$/, "")) : []);
    // Rust: a shipped file's `#[cfg(test)] mod` is test code too (bencher's `test_cpp_catch2::validate_adapter_cpp_catch2`,
    // called by the adapter tests of other files); only the definitions inside that module are helpers.
    const rustTestModule = (f: SourceFile) => lang === "rust" && placeOfPath(f.path) !== "test" && /#\[cfg\(test\)\]/.test(f.content);
    const testFiles = files.filter((f) => languageOf(f.path) === lang && (placeOfPath(f.path) === "test" || testDirs.has(f.path.replace(/\/?[^/]*$/, "")) || rustTestModule(f)));
    const definedIn = new Map(testFiles.map((f) => [f.path, definedNames(f.content)]));
    const parsed = new Set<string>();
    const helpers: Helper[] = [];
    const nameOf = (k: string) => k.replace(/^\./, "");
    const asked = new Set<string>();
    // A test class's bases reach further bases (`PermissionTest(ApiDBTestCase)`, `ApiDBTestCase(ApiTestCase)`): a
    // helper method of any of them is the test's own (`self.put(path, data, 403)` asserting the status).
    const bases = classBases(testFiles, lang as GrammarLanguage);
    const owners = (calls: readonly string[]) => withBases(calls, bases);
    // Python: an inherited `tearDown` runs after every test of the class; one that asserts checks each of them.
    const hooks = lang === "python" && list.some((c) => c.calls!.some((k) => k.startsWith("@"))) ? ["tearDown"] : [];
    let wanted = new Set([...list.flatMap((c) => c.calls!.filter((k) => !k.startsWith("@")).map(nameOf)), ...hooks]);
    for (let depth = 0; depth < 4 && wanted.size; depth++) {
      for (const n of wanted) asked.add(n);
      const found: Helper[] = [];
      for (const f of testFiles) {
        if (parsed.has(f.path) || ![...wanted].some((n) => definedIn.get(f.path)!.has(n))) continue;
        parsed.add(f.path);
        const root = parseSource(f.path, f.content);
        if (root) found.push(...helpersOf(root.root(), lang as GrammarLanguage, f.path, rustTestModule(f) ? inFileTestRegions(root.root(), "rust") : undefined));
      }
      helpers.push(...found);
      // Only a helper something reached by name leads on: what it calls without settling it is the next
      // round's question (a file's other functions are not followed).
      const reached = helpers.filter((h) => !h.asserts && !h.returnsValue && h.keys.some((k) => !k.startsWith("@") && wanted.has(nameOf(k))));
      wanted = new Set(reached.flatMap((h) => h.calls.filter((k) => !k.startsWith("@")).map(nameOf)).filter((n) => !asked.has(n)));
    }
    // A helper asserts when it calls, by its keys, a helper of another file that asserts (fixpoint).
    let grew = true;
    while (grew) {
      grew = false;
      for (const h of helpers) {
        if (h.asserts || h.returnsValue) continue;
        const calls = new Set(h.calls);
        if (helpers.some((o) => o !== h && o.asserts && o.file !== h.file && reaches(calls, o))) { h.asserts = true; grew = true; }
      }
    }
    // A page object's method reached through an attribute (linotp's Selenium suites: `self.token_view =
    // testcase.manage_ui.token_view` in a fixture, then `self.token_view.delete_all_tokens()`): no type is named, but a
    // method name of several words that one helper class alone defines, among the test files under the test's own
    // directory (its suite's support code) other than its own file, is that class's. A name of one word (`open`,
    // `get`) or one two classes there define stays unresolved.
    const pageMethod = (c: Candidate, h: Helper): boolean => {
      const key = h.keys[0]!;
      if ((lang !== "python" && lang !== "typescript") || h.keys.length !== 2 || !key.startsWith(".") || !/^\.[a-z]\w*(?:_[a-z0-9]|[a-z0-9][A-Z])\w*$/.test(key)) return false;
      const suite = c.file.replace(/\/?[^/]*$/, "");
      const under = (f: string) => f !== c.file && (!suite || f.startsWith(`${suite}/`));
      if (!under(h.file) || helpers.filter((o) => o.keys[0] === key && under(o.file)).length !== 1) return false;
      // ... reached through an attribute the suite hands over (`self.token_view = testcase.manage_ui.token_view`), not one
      // the test builds itself (`self.api = AdminClient(url)`: an SDK's method of the same name).
      const text = (files.find((f) => f.path === c.file)?.content ?? "").replace(/^\s*(#|\/\/)[^\n]*$/gm, "");
      const receivers = [...text.matchAll(new RegExp(`([\\w$.]+)\\s*\\.\\s*${escapeRegExp(key.slice(1))}\\s*\\(`, "g"))].map((m) => m[1]!);
      return receivers.length > 0 && receivers.every((r) => {
        const bindings = [...text.matchAll(new RegExp(`(?<![\\w$.])${escapeRegExp(r)}\\s*(?::[^=\\n]+)?=(?!=)\\s*([^\\n]+)`, "g"))].map((m) => m[1]!);
        return bindings.every((b) => !/\(/.test(b));
      });
    };
    for (const c of list) {
      const own = new Set(owners(c.calls!));
      const calls = new Set(own);
      // A harness handed on by what it answers (maddy's `t := tests.NewT(tt)` answering `*T`, `t.Conn("smtp")` answering
      // `Conn`, whose `ExpectPattern` fails the test): each helper reached adds the types it returns, and with them
      // their methods the test calls.
      for (let grew = true; grew;) {
        grew = false;
        for (const h of helpers) if (h.results.length && reaches(calls, h)) for (const t of h.results) if (!calls.has(`@${t}`)) { calls.add(`@${t}`); grew = true; }
      }
      // A helper reached only through a type another helper answers must fail on a value it compares (its own setup's
      // failure, a dial error, is no check of what the test did).
      if (helpers.some((h) => h.asserts && h.file !== c.file && (reaches(own, h) || (own.has(h.keys[0]!) && pageMethod(c, h)) || (h.compares && reaches(calls, h))))) out.add(c);
      else if (hooks.length && helpers.some((h) => h.asserts && h.keys[0] === ".tearDown" && h.keys.length === 2 && calls.has(h.keys[1]!))) out.add(c);
      // A helper of another file that renders or parses (`getCreateView(schema)` rendering a form) fails its caller by
      // throwing: the test is a smoke test.
      else if (helpers.some((h) => h.throws && h.file !== c.file && reaches(calls, h))) smoke.add(c);
    }
  }
  return { delegated: out, smoke };
}
