// Assertion-free tests whose check lives in another test file: a harness (`Test::new()..success()` in
// tests/test.rs), a conftest helper, a shared `expectProblem()` in test/utils.ts. Answered at the scan's end,
// against every walked test file of the test's language.
import type { Candidate } from "./checks/unreferenced";
import type { SgNode } from "@ast-grep/napi";
import { assertingHelpers, fileFunctions } from "./assertions";
import type { GrammarLanguage } from "./rule-spec";
import { languageOf, parseSource } from "./languages";
import { placeOfPath } from "./place";
import type { SourceFile } from "./scan-file";
import { escapeRegExp } from "./syntax";

/** Names a test body calls (`f(`, `x.f(`, `f!(`, `f::<T>(`), in order, without repeats. */
export function calledNames(code: string): string[] {
  return [...new Set([...code.matchAll(/(?<![\w$])([A-Za-z_$][\w$]*)\s*!?\s*(?:::\s*<[^;{}()]*>)?\s*\(/g)].map((m) => m[1]!))];
}

/** A statement that fails whoever called it: throw, raise, panic!, t.Fatal. */
const FAILS = /\bthrow\s|\braise\s|\bpanic!\s*\(|\bt\.(Fatal|Fatalf|FailNow)\(/;

const COMMENTS = /^\s*(\/\/|#(?!\[)).*$/gm;

/**
 * The names a test calls that its file does not define, reached directly or through the file's own
 * helpers (`evaluate(..)` defined above the tests, calling the harness's `success()`).
 */
export function foreignCalls(body: string, root: SgNode, lang: GrammarLanguage): string[] {
  const own = fileFunctions(root, lang);
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (code: string) => {
    for (const n of calledNames(code.replace(COMMENTS, ""))) {
      if (!own.has(n)) out.add(n);
      else if (!seen.has(n)) { seen.add(n); visit(own.get(n)!); }
    }
  };
  visit(body);
  return [...out];
}

/**
 * The candidates (assertion-free tests) that call a function or method defined in another test file of their
 * language whose body asserts (directly or through another helper of that file) or fails its caller. Shipped code's asserts
 * (a Rust invariant `assert!`) do not count: only test files define test helpers. A file is parsed only when
 * its text defines one of the called names.
 */
export function delegatedElsewhere(candidates: readonly Candidate[], files: readonly SourceFile[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const byLang = new Map<string, Candidate[]>();
  for (const c of candidates) if (c.language && c.calls?.length) byLang.set(c.language, [...(byLang.get(c.language) ?? []), c]);
  for (const [lang, list] of byLang) {
    const names = [...new Set(list.flatMap((c) => c.calls!))];
    const defines = new RegExp(`\\b(fn|def|function|func|macro_rules!)\\s+(\\([^)]*\\)\\s*)?(${names.map(escapeRegExp).join("|")})\\b|^\\s*(async\\s+)?(${names.map(escapeRegExp).join("|")})\\s*\\([^)]*\\)\\s*[:{]`, "m");
    const asserting = new Map<string, Set<string>>();
    for (const f of files) {
      if (languageOf(f.path) !== lang || placeOfPath(f.path) !== "test" || !defines.test(f.content)) continue;
      const root = parseSource(f.path, f.content);
      if (!root) continue;
      // In a test file, a helper that throws when its condition fails (`throw Error("did not return true
      // after 10 retries")`, `raise AssertionError`, `panic!`) fails the test like an assert does.
      const helpers = assertingHelpers(root.root(), lang as never);
      for (const [name, body] of fileFunctions(root.root(), lang as never)) if (FAILS.test(body)) helpers.add(name);
      asserting.set(f.path, helpers);
    }
    for (const c of list) {
      for (const [path, helpers] of asserting) if (path !== c.file && c.calls!.some((n) => helpers.has(n))) { out.add(c); break; }
    }
  }
  return out;
}
