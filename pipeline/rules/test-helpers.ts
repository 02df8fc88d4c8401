// Assertion-free tests whose check lives in another test file: a harness (`Test::new()..success()` in
// tests/test.rs), a conftest helper, a suite's `waitUntilSuccess()` in api_tests/src/shared.ts. Answered at
// the scan's end, against every walked test file of the test's language.
import type { SgNode } from "@ast-grep/napi";
import type { Candidate } from "./checks/unreferenced";
import { assertingHelpers, COMMENT_LINE, runtimeAssertion } from "./assertions";
import { languageOf, parseSource } from "./languages";
import { placeOfPath } from "./place";
import type { GrammarLanguage } from "./rule-spec";
import type { SourceFile } from "./scan-file";

/**
 * What a test body calls, as keys: `f` a plain function call, `.m` a method call (`x.m(`, `X::m(`), and
 * `@X` a type the code constructs or names as an owner (`X::new(`, `X(`, `new X(`, `X {`). A method of another
 * file is matched only through its type: a bare method name (`get`, `run`) is defined on too many things.
 */
export function callKeys(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(\.|::)?\s*([A-Za-z_$][\w$]*)\s*!?\s*(?:::\s*<[^;{}()]*>)?\s*\(/g)) out.add(m[1] ? `.${m[2]}` : m[2]!);
  for (const m of code.matchAll(/(?<![\w$.])(?:new\s+)?([A-Z][A-Za-z0-9_]*)\s*(?:::\s*\w|\(|\s*\{)/g)) out.add(`@${m[1]}`);
  return [...out];
}

/** The body's last statement fails whoever called it (`throw Error("not accepted after 10 retries")`, `raise`, `panic!`, `t.Fatalf`): a polling or checking helper. A throw guarding a precondition at the top is not this. */
const ENDS_FAILING = /(?:^|[\s;{])(throw\s[^;{}]*|raise(\s[^\n]*)?|panic!\s*\([^;]*\)|t\.(Fatal|Fatalf|FailNow)\([^;\n]*\));?\s*\}?\s*$/;

/**
 * The call keys of a test that its file does not define, reached directly or through the file's own
 * helpers (`evaluate(..)` defined above the tests, calling the harness's `success()`).
 */
export function foreignCalls(body: string, own: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (code: string) => {
    for (const k of callKeys(code.replace(COMMENT_LINE, ""))) {
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

/** Keys a test's calls must contain for a helper to check for it: `f` for a free function, `.m` and `@T` for T's method m. */
function helperKeys(root: SgNode, lang: GrammarLanguage): string[][] {
  const asserting = assertingHelpers(root, lang);
  const out: string[][] = lang === "typescript" ? cypressCommandKeys(root) : [];
  for (const fn of root.findAll({ rule: { any: DEFINITIONS[lang].map((kind) => ({ kind })) } })) {
    const name = (fn.field("name" as never) as SgNode | null)?.text();
    const body = ((fn.field("body" as never) ?? fn.field("value" as never)) as SgNode | null)?.text() ?? "";
    if (!name || !(asserting.has(name) || ENDS_FAILING.test(body.trim()))) continue;
    const owner = ownerOf(fn);
    out.push(owner ? [`.${name}`, `@${owner}`] : [name]);
  }
  return out;
}

/**
 * The candidates (assertion-free tests) that call a function defined in another test file of their language
 * whose body asserts (directly or through another helper of that file) or ends by failing its caller, or a
 * method of a type they construct whose body does. Shipped code's asserts (a Rust invariant `assert!`) never
 * count. A file is parsed only when its text mentions one of the called names.
 */
export function delegatedElsewhere(candidates: readonly Candidate[], files: readonly SourceFile[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const byLang = new Map<string, Candidate[]>();
  for (const c of candidates) if (c.language && c.calls?.length) byLang.set(c.language, [...(byLang.get(c.language) ?? []), c]);
  for (const [lang, list] of byLang) {
    const names = new Set(list.flatMap((c) => c.calls!.filter((k) => !k.startsWith("@")).map((k) => k.replace(/^\./, ""))));
    const helpers: { file: string; keys: string[] }[] = [];
    for (const f of files) {
      if (languageOf(f.path) !== lang || placeOfPath(f.path) !== "test") continue;
      if (![...f.content.matchAll(/(?:fn|def|function|func|macro_rules!)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)|Commands\.(?:add|overwrite)\(\s*["'`]([A-Za-z_$][\w$]*)|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=|^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*\(/gm)].some((m) => names.has(m[1] ?? m[2] ?? m[3] ?? m[4]!))) continue;
      const root = parseSource(f.path, f.content);
      if (root) for (const keys of helperKeys(root.root(), lang as GrammarLanguage)) helpers.push({ file: f.path, keys });
    }
    for (const c of list) {
      const calls = new Set(c.calls);
      if (helpers.some((h) => h.file !== c.file && h.keys.every((k) => calls.has(k)))) out.add(c);
    }
  }
  return out;
}
