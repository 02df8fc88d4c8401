// swallowed-error, TypeScript: a swallow around one call to a function of the repository that already catches
// everything it does (`this._track(..).catch(() => {})` where `_track`'s body is `try { await fetch(..) } catch {}`)
// drops nothing: the callee cannot reject. Known by data flow across files: the swallow defers its hit with the
// callee's name, and at the scan's end every walked definition of that name is read. Only when each one's body is
// made of handlers that do not throw (and plain guards around them) is the hit dropped; a callee that awaits
// anything outside a handler, rethrows, or is not defined in the repository keeps it.
import type { SgNode } from "@ast-grep/napi";
import { languageOf, parseSource } from "../languages";
import type { CheckContext } from "./check";
import type { Hit } from "./hit";
import { guardedCode, swallowedCheck } from "./swallowed";
import type { Candidate } from "./unreferenced";

const field = (n: SgNode | null | undefined, name: string): SgNode | null => (n ? (n.field(name as never) as SgNode | null) : null);
const statementsOf = (block: SgNode) => block.namedChildren().filter((c) => !/comment/.test(String(c.kind())));

/** `await this._svc.track(..)`, `track(..)`: the simple name of a call's callee, or null for anything else. */
function calleeName(expr: SgNode | null): string | null {
  let e = expr;
  while (e && (e.kind() === "await_expression" || e.kind() === "parenthesized_expression")) e = e.namedChildren()[0] ?? null;
  if (!e || e.kind() !== "call_expression") return null;
  const fn = field(e, "function");
  if (fn?.kind() === "identifier") return fn.text();
  if (fn?.kind() === "member_expression") return field(fn, "property")?.text() ?? null;
  return null;
}

/**
 * The one call a swallow guards: the receiver of `.catch(..)` (`this._track(..).catch(() => {})`), or a try
 * block holding a single call statement (`try { await notify(..) } catch {}`).
 */
function soleCallee(node: SgNode): string | null {
  const guarded = guardedCode(node);
  if (/^(statement_block)$/.test(String(guarded.kind()))) {
    const stmts = statementsOf(guarded);
    return stmts.length === 1 && stmts[0]!.kind() === "expression_statement" ? calleeName(stmts[0]!.namedChildren()[0] ?? null) : null;
  }
  const catchCall = guarded.find({ rule: { kind: "call_expression", has: { field: "function", kind: "member_expression", has: { field: "property", regex: "^catch$" } } } });
  return catchCall ? calleeName(field(field(catchCall, "function"), "object")) : null;
}

/** The swallowed check, with a TypeScript claim about one call of the repository deferred to ask what the callee does. */
export function swallowedOrCaught(ctx: CheckContext): Hit[] {
  const hits = swallowedCheck(ctx);
  if (ctx.rule.language !== "typescript" || hits.length !== 1 || hits[0]!.lead || hits[0]!.severity === "info") return hits;
  const name = soleCallee(ctx.node);
  if (!name) return hits;
  ctx.defer({ candidate: { name, file: ctx.file.path, line: hits[0]!.region.start.line, referenceIgnores: [], language: "typescript" }, hit: hits[0]!, keep: "unless-callee-catches" });
  return [];
}

const CALLS = { rule: { any: [{ kind: "call_expression" }, { kind: "await_expression" }, { kind: "new_expression" }, { kind: "throw_statement" }] } };

/** Does the statement never throw: a handler that does not rethrow, or a plain guard, binding or return around such? */
function neverThrows(st: SgNode): boolean {
  const kind = String(st.kind());
  if (kind === "try_statement") {
    const handler = field(st, "handler");
    const finalizer = field(st, "finalizer");
    return !!handler && !handler.find({ rule: { kind: "throw_statement" } }) && !finalizer?.find(CALLS);
  }
  if (kind === "if_statement") {
    if (field(st, "condition")?.find(CALLS)) return false;
    const branches = [field(st, "consequence"), field(field(st, "alternative"), "body") ?? field(st, "alternative")?.namedChildren()[0] ?? null];
    return branches.every((b) => !b || (b.kind() === "statement_block" ? statementsOf(b).every(neverThrows) : neverThrows(b)));
  }
  if (kind === "statement_block") return statementsOf(st).every(neverThrows);
  if (kind === "return_statement" || kind === "lexical_declaration" || kind === "variable_declaration" || kind === "empty_statement") return !st.find(CALLS);
  return false;
}

/** A function whose block body never throws: every statement is a handler or a plain guard around handlers, one handler at least. */
function catchesAll(fn: SgNode): boolean {
  const value = fn.kind() === "variable_declarator" ? field(fn, "value") : fn;
  const body = field(value, "body");
  if (!body || body.kind() !== "statement_block") return false;
  const stmts = statementsOf(body);
  return stmts.some((s) => s.kind() === "try_statement" || s.kind() === "if_statement") && stmts.every(neverThrows);
}

const DEFINITIONS = { rule: { any: [{ kind: "function_declaration" }, { kind: "method_definition" }, { kind: "variable_declarator", has: { field: "value", any: [{ kind: "arrow_function" }, { kind: "function_expression" }] } }] } };

/** The candidates whose callee is defined in the walked TypeScript files, every definition catching all it does. */
export function calleesCatching(candidates: readonly Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const out = new Set<Candidate>();
  if (!candidates.length) return out;
  const wanted = new Set(candidates.map((c) => c.name));
  const verdict = new Map<string, boolean>();
  const names = new RegExp(`(?<![\\w$])(${[...wanted].map((n) => n.replace(/\$/g, "\\$")).join("|")})\\s*[(=:]`);
  for (const f of files) {
    if (languageOf(f.path) !== "typescript" || !names.test(f.content)) continue;
    const root = parseSource(f.path, f.content);
    if (!root) continue;
    for (const fn of root.root().findAll(DEFINITIONS)) {
      const name = field(fn, "name")?.text();
      if (!name || !wanted.has(name)) continue;
      verdict.set(name, (verdict.get(name) ?? true) && catchesAll(fn));
    }
  }
  for (const c of candidates) if (verdict.get(c.name) === true) out.add(c);
  return out;
}
