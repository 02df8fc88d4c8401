// stub: a handler with no path that serves the call. Its last statement answers 501 Not Implemented (or raises
// NotImplementedError), and every way out before it refuses too (a 4xx, an error, a throw): it may check who
// is asking and validate what was sent, but whatever passes those checks is told the work does not exist.
// A 501 behind a condition, after a branch that answers, or mapped from an error in a switch stays an answer:
// some path serves the call there. The stub rules' sole-statement forms are theirs; this one needs a statement
// before the refusal.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";

const FUNCTION = /^(function_declaration|method_definition|arrow_function|function_expression|function|generator_function_declaration|function_definition|method_declaration|func_literal|function_item|closure_expression|lambda)$/;

/** The statements of a function's body, comments left out (Go nests them in a statement_list). */
function statementsOf(body: SgNode): SgNode[] {
  const kids = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  return kids.length === 1 && kids[0]!.kind() === "statement_list" ? kids[0]!.namedChildren().filter((c) => !/comment/.test(String(c.kind()))) : kids;
}

/** A way out that refuses: an error status (4xx/5xx), an error value, an abort, a throw. */
const REFUSES = /\b[45]\d\d\b|HTTP_[45]\d\d|\bStatus(BadRequest|Unauthorized|Forbidden|NotFound|Conflict|Gone|PreconditionFailed|UnprocessableEntity|TooManyRequests|InternalServerError|NotImplemented|ServiceUnavailable|MethodNotAllowed)\b|StatusCode::[A-Z_]+|\berr\b|\bErr\s*\(|[Ee]rror|\babort\b|\bthrow\b|\braise\b|\breject|Forbidden|Unauthori[sz]ed|NotFound|BadRequest|Conflict|Denied/;
/** Returns of the function itself: not those of a function nested in it. */
const RETURNS = /^(return_statement|return_expression)$/;

function ownReturns(fn: SgNode): SgNode[] {
  const out: SgNode[] = [];
  const visit = (n: SgNode) => {
    for (const c of n.children()) {
      if (FUNCTION.test(String(c.kind()))) continue;
      if (RETURNS.test(String(c.kind()))) out.push(c);
      visit(c);
    }
  };
  visit(fn);
  return out;
}

/** Python: the function is a method of a class (an interface's hook may refuse: the stub rule decides those). */
function inClass(fn: SgNode): boolean {
  for (let n = fn.parent(); n; n = n.parent()) if (n.kind() === "class_definition") return true;
  return false;
}

/**
 * What makes a statement more than the refusal it spells: a branch, a loop, a nested function or markup around the
 * 501 (an `else` falling back to it, a component returning a list that mentions one) decides elsewhere.
 */
const DECIDES = /^(if_statement|if_expression|match_expression|switch_statement|expression_switch_statement|for_statement|for_in_statement|for_expression|while_statement|while_expression|loop_expression|try_statement|conditional_expression|ternary_expression|jsx_element|jsx_self_closing_element|arrow_function|function_expression|closure_expression|func_literal|lambda|with_statement)$/;

function decidesInside(node: SgNode): boolean {
  if (DECIDES.test(String(node.kind()))) return true;
  return node.children().some(decidesInside);
}

export function unservedHandler(node: SgNode, lang: GrammarLanguage): boolean {
  // The refusal itself: a short statement with no branch, loop, nested function or markup in it.
  if (node.range().end.line - node.range().start.line > 5 || decidesInside(node)) return false;
  let fn: SgNode | null = node.parent();
  while (fn && !FUNCTION.test(String(fn.kind()))) fn = fn.parent();
  const body = fn?.field("body" as never) as SgNode | null | undefined;
  if (!fn || !body) return false;
  // A function named for the refusal it answers (`notImplemented(w, r)`, `NotImplementedErr(err)`) is the sentinel
  // handlers and constructors choose on purpose, not a handler missing its work.
  const name = (fn.field("name" as never) as SgNode | null)?.text() ?? "";
  if (/not_?implemented|unimplemented|unsupported|not_?supported/i.test(name)) return false;
  const statements = statementsOf(body);
  const at = statements.findIndex((s) => s.range().start.index === node.range().start.index && s.range().end.index === node.range().end.index);
  // At the body's top level, after at least one statement (a docstring is none), and at most one statement after it
  // that answers nothing (`ctx.status = 501; ctx.body = {..}`).
  const before = statements.slice(0, Math.max(at, 0)).filter((s) => !(lang === "python" && s.kind() === "expression_statement" && s.child(0)?.kind() === "string"));
  if (at < 0 || !before.length || statements.length - at > 2) return false;
  const after = statements.slice(at + 1);
  if (after.some((s) => RETURNS.test(String(s.kind())) || /\breturn\b/.test(s.text()))) return false;
  // What py-not-implemented and ts-not-implemented report already is theirs (one finding per defect): Python's refusal
  // in a decorated function, and a TypeScript throw or return after bare calls only.
  const bareCalls = before.every((st) => st.kind() === "expression_statement" && /^(await\s+)?[\w$.]+\s*\(/.test(st.text()));
  if (lang === "python" && (fn.parent()?.kind() === "decorated_definition") && /^(raise\s+NotImplementedError\b|([\w.]+\.)?abort\s*\()/.test(node.text())) return false;
  if (lang === "typescript" && /^(throw_statement|return_statement)$/.test(String(node.kind())) && bareCalls) return false;
  // Something before the refusal checked the call (a condition with a refusing way out: an ownership check, a
  // validation, `?` on a lookup) or only made bare calls (a lookup that raises, an `ack()`): a lone declaration before
  // a 501 (`const kind = req.query.kind`) may be the start of a case analysis, and is left alone.
  const checked = before.some((st) => REFUSES.test(st.text()) && /\b(if|unless|match)\b|\?\s*;?\s*$/.test(st.text()));
  if (!checked && !bareCalls) return false;
  // A refusal that declares an override hook ("override in a subclass") is an interface's, as the stub rules read it.
  if (/(?:sub-?class|overrid(?:e|den|ing)|\bimplement(?:ed)?\s+(?:in|by)\b|must\s+be\s+implemented)/i.test(node.text())) return false;
  // NotImplementedError raised at the end: only in a module-level Python function (a method may be an interface's),
  // after bare calls that compute nothing (`ack()`); a reason computed before the raise (`plan = planner.plan(..)`)
  // is an answer the function worked out.
  if (lang === "python" && /^raise\s+NotImplementedError\b/.test(node.text()) && (inClass(fn) || !bareCalls)) return false;
  // Every other way out refuses: no path serves the call.
  const inside = (n: SgNode) => n.range().start.index >= node.range().start.index && n.range().end.index <= node.range().end.index;
  // A bare `return` after writing a refusal (`http.Error(w, "forbidden", 403); return`) refuses too.
  const refuses = (r: SgNode) => REFUSES.test(r.text()) || (/^return\s*;?$/.test(r.text().trim()) && REFUSES.test(r.parent()?.text() ?? ""));
  return ownReturns(fn).filter((r) => !inside(r)).every(refuses);
}

export function unservedCheck({ node, rule }: CheckContext): Hit[] {
  return unservedHandler(node, rule.language as GrammarLanguage) ? [{ region: regionOf(node) }] : [];
}
