// An assertion-free test whose act is a call to a check of the repository asserts by not raising: a throw-based
// smoke test (an info note), not a test that can never fail.
//
// A check is known by its shape, not its name: a function (Python or TypeScript, in any walked file) whose body
// only binds values, refuses under a condition (`if not granted: raise HTTPError(403)`, `if (!ok) throw new
// Forbidden()`) and returns nothing but a constant. It does nothing else a test could observe, so a test that calls
// it (`verifyApiKeyPermission(key, "readData")`) has one check left: that the call does not raise. A function that
// also acts (`order.save()`, `await db.insert(..)`) or hands back a value is no check.
import type { SgNode } from "@ast-grep/napi";
import type { Candidate } from "./checks/unreferenced";
import { languageOf, parseSource } from "./languages";
import type { SourceFile } from "./scan-file";
import { definedNames } from "./test-helpers";

type CheckLanguage = "python" | "typescript";

const FUNCTIONS: Record<CheckLanguage, string[]> = {
  python: ["function_definition"],
  typescript: ["function_declaration", "method_definition", "variable_declarator"],
};

const REFUSAL: Record<CheckLanguage, string> = { python: "raise_statement", typescript: "throw_statement" };

/** Statements of a body (Python block, TypeScript statement block; an arrow's expression body is no check). */
function statementsOf(body: SgNode): SgNode[] {
  return body.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
}

/**
 * A return of nothing or of a constant. A check that hands back a value (`return user`, `return rel_path`) leaves
 * the test something to assert on, and a test that drops it may well be the defect: only a check whose refusal is
 * its whole answer makes "did not raise" the test's check.
 */
const PLAIN_RETURN = /^return\s*(None|True|False|true|false|null|undefined)?\s*;?$/;

/** Does this statement only bind a value (`x = f(v)`, `const p = path.join(..)`)? */
function binds(st: SgNode, lang: CheckLanguage): boolean {
  if (lang === "python") return st.kind() === "expression_statement" && /^(assignment|augmented_assignment)$/.test(String(st.child(0)?.kind()));
  return /^(lexical_declaration|variable_declaration)$/.test(String(st.kind()));
}

/** Is the function a pure check: bindings, conditional refusals, a plain return, and at least one refusal under a condition? */
export function isPureCheck(fn: SgNode, lang: CheckLanguage): boolean {
  const value = fn.kind() === "variable_declarator" ? (fn.field("value" as never) as SgNode | null) : fn;
  if (!value) return false;
  const body = (value.field("body" as never) as SgNode | null);
  if (!body || !/^(block|statement_block)$/.test(String(body.kind()))) return false;
  const statements = statementsOf(body);
  let refuses = false;
  for (const [i, st] of statements.entries()) {
    const kind = String(st.kind());
    // A docstring opens a Python body.
    if (i === 0 && lang === "python" && kind === "expression_statement" && st.child(0)?.kind() === "string") continue;
    if (binds(st, lang)) continue;
    if (kind === "if_statement" || kind === "for_statement" || kind === "for_in_statement") {
      if (st.find({ rule: { kind: REFUSAL[lang] } })) { refuses = true; continue; }
      return false;
    }
    if (kind === "return_statement" && PLAIN_RETURN.test(st.text().trim())) continue;
    // A call of another check, whose refusal is this one's (`cls.verify_signature(sig, headers, key)` last); not an
    // `ensure_` call, which as often makes what it ensures (`ensure_device_record(..)` doing a get_or_create).
    // It may follow the function's own refusals; alone it makes no check of this one (a hook call is a delegation).
    if (lang === "python" && kind === "expression_statement" && /^(await\s+)?(?:[\w$]+\.)*_?(verify|check|validate|assert)\w*\s*\(/i.test(st.text().trim())) continue;
    // A check handed to a library that turns its failure into the function's own refusal (`try:
    // public_key.verify(sig, data) except InvalidSignature: raise VerificationError(..)`): every handler raises.
    if (kind === "try_statement" && lang === "python") {
      const handlers = st.children().filter((c) => c.kind() === "except_clause");
      if (handlers.length && handlers.every((h) => h.find({ rule: { kind: REFUSAL[lang] } })) && !st.children().some((c) => /^(finally_clause|else_clause)$/.test(String(c.kind())))) { refuses = true; continue; }
    }
    return false;
  }
  return refuses;
}

/** Does the function hand nothing back (no `return` of a value other than a constant, nested functions aside)? */
export function answersNothing(fn: SgNode, lang: CheckLanguage): boolean {
  const value = fn.kind() === "variable_declarator" ? (fn.field("value" as never) as SgNode | null) : fn;
  const body = value ? (value.field("body" as never) as SgNode | null) : null;
  if (!value || !body || !/^(block|statement_block)$/.test(String(body.kind()))) return false;
  const nested = new Set(FUNCTIONS[lang].concat(lang === "python" ? ["lambda"] : ["arrow_function", "function_expression", "function"]));
  return body.findAll({ rule: { kind: "return_statement" } }).every((r) => {
    for (let n = r.parent(); n && n.id() !== value.id(); n = n.parent()) if (nested.has(String(n.kind()))) return true;
    return PLAIN_RETURN.test(r.text().trim());
  });
}

export interface ValidatingVerdicts {
  /** Tests that discard a call to a pure check of the repository (validating-calls' own reading). */
  pure: Set<Candidate>;
  /** Tests that call a check another test of their file expects to raise, whose every definition answers nothing. */
  counterparts: Set<Candidate>;
  /**
   * Tests that call such a check which no walked file defines as a function (a validator class called on the spot,
   * `DomainValidator()(domain)`, a library's check): what it answers is out of sight, so the passing test is a smoke test.
   */
  unresolved: Set<Candidate>;
}

/**
 * The candidates (assertion-free tests of Python and TypeScript) that discard the result of a call to a function
 * some walked file defines as a pure check, and those whose check another test of their file expects to raise
 * (`raising`) where every definition of it answers nothing. A name defined more than once counts only when every
 * definition of it qualifies: a helper of that name elsewhere that acts would make the test's meaning unknown.
 */
export function validatingCalls(candidates: readonly Candidate[], files: readonly SourceFile[]): ValidatingVerdicts {
  const pure = new Set<Candidate>();
  const counterparts = new Set<Candidate>();
  const unresolved = new Set<Candidate>();
  for (const lang of ["python", "typescript"] as const) {
    const list = candidates.filter((c) => c.language === lang && (c.discards?.length || c.raising?.length));
    if (!list.length) continue;
    const wanted = new Set(list.flatMap((c) => [...(c.discards ?? []), ...(c.raising ?? [])]));
    const verdict = new Map<string, boolean>();
    const silent = new Map<string, boolean>();
    for (const f of files) {
      if (languageOf(f.path) !== lang) continue;
      const names = [...definedNames(f.content)].filter((n) => wanted.has(n));
      if (!names.length) continue;
      const root = parseSource(f.path, f.content);
      if (!root) continue;
      for (const fn of root.root().findAll({ rule: { any: FUNCTIONS[lang].map((kind) => ({ kind })) } })) {
        const name = (fn.field("name" as never) as SgNode | null)?.text();
        if (!name || !wanted.has(name)) continue;
        verdict.set(name, (verdict.get(name) ?? true) && isPureCheck(fn, lang));
        silent.set(name, (silent.get(name) ?? true) && answersNothing(fn, lang));
      }
    }
    for (const c of list) {
      if (c.discards?.some((n) => verdict.get(n) === true)) pure.add(c);
      else if (c.raising?.some((n) => silent.get(n) === true)) counterparts.add(c);
      else if (c.raising?.length && c.raising.every((n) => !silent.has(n))) unresolved.add(c);
    }
  }
  return { pure, counterparts, unresolved };
}
