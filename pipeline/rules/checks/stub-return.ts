// stub: a function that takes inputs and answers a fixed value where its own comment says the real work is
// still to come (`# TODO: call the rates service` then `return Decimal("1.0")`). Reachable, it hands every
// caller a placeholder as if it were the answer.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";
import { identifierWords } from "../syntax";

const FUNCTION = /^(function_definition|function_declaration|method_declaration|method_definition|function_expression|arrow_function|func_literal|function_item)$/;

/**
 * A fixed value: a number or string literal, or a constructor given one (`Decimal("1.0")`, `Money(0)`,
 * `decimal.NewFromFloat(1)`). Nothing (`None`, `nil`, `null`), booleans and empty collections are left out:
 * they are the ordinary answer of "not found" and "no", not a stand-in for a computed result.
 */
const FIXED = /^(-?\d[\d_.]*(e-?\d+)?|"(?:[^"\\\n]|\\.)*"|'[^'\\\n]*'|`[^`$\\\n]*`|(\[\])?[A-Za-z_][\w.]*\(\s*(-?\d[\d_.]*|"(?:[^"\\\n]|\\.)*"|'[^'\\\n]*')\s*\))$/;

/** Top-level comma-separated parts of `s` (brackets and strings kept whole). */
export function topLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0, quote = "", cur = "";
  for (const ch of s) {
    if (quote) { if (ch === quote) quote = ""; cur += ch; continue; }
    if (/["'`]/.test(ch)) quote = ch;
    else if (/[([{]/.test(ch)) depth++;
    else if (/[)\]}]/.test(ch)) depth--;
    if (ch === "," && depth === 0) { out.push(cur.trim()); cur = ""; } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Nothing, zero or empty: `[]`, `{}`, `0`, `""`, `None`, `nil`, `[]Row{}`, `list()`. */
const EMPTY = /^(\[\]|\{\}|\(\)|-?0(\.0+)?|""|''|None|null|nil|undefined|(\[\])?[A-Za-z_][\w.]*(\[[^\]]*\])?\{\s*\}|list\(\)|dict\(\))$/;
/** A status or other named constant handed beside a response body (`200`, `http.StatusOK`, `status.HTTP_200_OK`). */
const CONSTANT = /^(\d+|[A-Za-z_]\w*\.[A-Z][\w]*)$/;

/**
 * A record made only of the function's own inputs and empty values (`{"id": report_id, "rows": [], "total":
 * 0}`), bare or handed to one response call (`jsonify(..)`, `c.JSON(http.StatusOK, gin.H{..})`): the shape of
 * the answer with nothing computed in it. At least one value is empty; each other one echoes a parameter.
 */
function echoRecord(value: string, params: readonly string[]): boolean {
  const call = /^[A-Za-z_][\w.]*\(([\s\S]*)\)$/.exec(value);
  const args = call ? topLevel(call[1]!) : [value];
  const records = args.filter((a) => !CONSTANT.test(a));
  if (records.length !== 1) return false;
  const body = /^(?:[A-Za-z_][\w.]*(?:\[[^\]]*\][\w.]*)?)?\{([\s\S]*)\}$/.exec(records[0]!)?.[1];
  if (body === undefined) return false;
  const values = topLevel(body).map((e) => e.replace(/^(["'`]?[\w$-]+["'`]?)\s*:\s*/, "").trim());
  if (!values.length || !values.some((v) => EMPTY.test(v))) return false;
  return values.every((v) => EMPTY.test(v) || params.includes(v));
}

/** The string literals of an expression. */
function literalsOf(expr: string): string[] {
  return expr.match(/"(?:[^"\\\n]|\\.)*"|'[^'\\\n]*'|`[^`$\\\n]*`/g) ?? [];
}

/** A value fixed at the source: a literal, empty, a boolean, or a constructor given a literal and read (`new Date(0).toISOString()`). */
const FIXED_PART = /^(true|false|True|False|(new\s+)?[A-Za-z_][\w.]*\(\s*(-?\d[\d_.]*|"(?:[^"\\\n]|\\.)*"|'[^'\\\n]*')?\s*\)(\.\w+\(\s*\))*)$/;

/** A record (bare, or the one record handed to a response call) every value of which is fixed: nothing in it was computed. */
function fixedRecord(value: string): boolean {
  if (FIXED.test(value)) return true;
  const call = /^[A-Za-z_][\w.]*\(([\s\S]*)\)$/.exec(value);
  const records = (call ? topLevel(call[1]!) : [value]).filter((a) => !CONSTANT.test(a));
  if (records.length !== 1) return false;
  const body = /^(?:[A-Za-z_][\w.]*(?:\[[^\]]*\][\w.]*)?)?\{([\s\S]*)\}$/.exec(records[0]!)?.[1];
  if (body === undefined) return false;
  const values = topLevel(body).map((e) => e.replace(/^(["'`]?[\w$-]+["'`]?)\s*:\s*/, "").trim());
  return values.length > 0 && values.every((v) => FIXED.test(v) || EMPTY.test(v) || FIXED_PART.test(v));
}

/** Parameters that carry input (not the receiver, not a context handle). */
function inputs(fn: SgNode): string[] {
  const list = (fn.field("parameters" as never) as SgNode | null)?.namedChildren() ?? [];
  return list.filter((p) => !/comment/.test(String(p.kind()))).map((p) => p.text()).filter((p) => !/^(self|cls|&?(mut\s+)?self|_\w*|ctx\b.*|context\b.*)$/.test(p.trim()));
}

/**
 * A Go function whose only result is an error and whose whole body, under a TODO/FIXME/XXX, is `return nil`:
 * it reports success for work it never did (`func (h *H) recordRefund(ev Event) error { // TODO: post it; return nil }`).
 */
function doneWithNothing(fn: SgNode, value: string, statements: number): boolean {
  const result = (fn.field("result" as never) as SgNode | null)?.text().trim();
  return value === "nil" && statements === 1 && result === "error";
}

/** The comment lines right above line `at` (0-based), nearest first: a wrapped comment is one comment. */
function commentAbove(lines: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let i = at - 1; i >= 0 && /^(#|\/\/|\/\*|\*)/.test(lines[i]?.trim() ?? ""); i--) out.push(lines[i]!.trim());
  return out;
}

/**
 * The matched node is a `return <value>`; the line right above it must be a comment announcing deferred
 * work (`marker`, from the rule). Kept when the return is the function's last statement, the value is fixed, and the
 * function takes an input (a function of no inputs answering a constant is a constant, not a stub).
 * The caller defers the finding to the references of the function: reached from somewhere, it ships.
 */
export function placeholderReturn(node: SgNode, marker: RegExp, lines: readonly string[]): { fn: SgNode; name: SgNode; hit: Hit } | null {
  // The comment right above the return, every line of it (a grammar may hang it elsewhere in the tree, so it is read by line).
  const commented = commentAbove(lines, node.range().start.line).some((l) => marker.test(l));
  // ... or the value announces itself: a string literal of a fixed record says it stands in for the result.
  const returned = node.text().replace(/^return\s+/, "").replace(/;$/, "").trim();
  // A literal that is only the word (`"todo"`: a task state) is a value of an enum, not an announcement.
  const announces = (l: string) => marker.test(l) && l.slice(1, -1).replace(marker, "").replace(/\W/g, "").length >= 3;
  // Go answers a value with a nil error (`return []byte("placeholder"), nil`): the pair is the value.
  const answer = returned.replace(/,\s*nil$/, "");
  const announced = !commented && literalsOf(answer).some(announces) && fixedRecord(answer);
  if (!commented && !announced) return null;
  const body = node.parent();
  // Go wraps a block's statements in a statement_list.
  const block = body?.kind() === "statement_list" ? body.parent() : body;
  const fn = block?.parent();
  if (!body || !fn || !FUNCTION.test(String(fn.kind()))) return null;
  const statements = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  // A docstring documents; it does no work.
  const work = statements.filter((c) => !(c.kind() === "expression_statement" && c.namedChildren().length === 1 && c.namedChildren()[0]!.kind() === "string"));
  if (statements[statements.length - 1]?.id() !== node.id()) return null;
  const value = node.text().replace(/^return\s+/, "").replace(/;$/, "").trim();
  const params = inputs(fn);
  if (!params.length) return null;
  // A record of inputs and empty values is a placeholder only as the whole body (nothing before it did the work).
  const names = params.map((p) => /^[*&]*(?:mut\s+)?([A-Za-z_$][\w$]*)/.exec(p.trim())?.[1] ?? "");
  // A record with nothing computed in it (`{ matched: 0, missing: [] }`) under the announcement is the stand-in too.
  if (!announced && !FIXED.test(value) && !(work.length === 1 && echoRecord(value, names)) && !(commented && fixedRecord(value)) && !(commentAbove(lines, node.range().start.line).some((l) => /\b(todo|fixme|xxx)\b/i.test(l)) && doneWithNothing(fn, value, work.length))) return null;
  const name = fn.field("name" as never) as SgNode | null;
  if (!name) return null;
  const message = announced ? "function answers a fixed record whose own value says it is a placeholder: nothing in the answer was computed" : undefined;
  return { fn, name, hit: { region: regionOf(node), ...(message ? { message } : {}) } };
}

/**
 * A helper named for the refusal it throws (`function notImplemented() { throw new Error("Not implemented.") }`,
 * `def not_implemented(): raise NotImplementedError()`): its only statement is the throw, and its name and
 * the throw say the same words (the error type's `error`/`exception` aside). It stands for no missing work:
 * callers pick it on purpose, as the entry of a dispatch table for a backend that has no such query
 * (`{ [PRISMA]: notImplemented }`).
 */
export function namedForItsRefusal(node: SgNode): boolean {
  if (!/^(throw_statement|raise_statement)$/.test(String(node.kind()))) return false;
  const body = node.parent()?.kind() === "expression_statement" ? node.parent()!.parent() : node.parent();
  const fn = body?.parent();
  if (!body || !fn || !FUNCTION.test(String(fn.kind()))) return false;
  const statements = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  const own = node.parent()?.kind() === "expression_statement" ? node.parent()! : node;
  if (statements.length !== 1 || statements[0]!.id() !== own.id()) return false;
  const name = (fn.field("name" as never) as SgNode | null)?.text() ?? "";
  // The same words both ways (the error type's `error`/`exception` aside): a message that names a subject
  // (`"sendDigest: not implemented"`) is a missing body of that subject, not a sentinel.
  const said = new Set(identifierWords(node.text().replace(/^(throw|raise)\s+(new\s+)?/, "")).filter((w) => !/^(error|exception)$/.test(w)));
  const named = new Set(identifierWords(name));
  return named.size > 0 && named.size === said.size && [...named].every((w) => said.has(w));
}

/**
 * A function named for doing nothing (`noop`, `no_op`, `nop`, `do_nothing`, `_noop`): a null object, the stand-in a
 * caller is handed when a feature is off (takahe's `sentry.py` binds `set_context = noop` without Sentry). The name
 * is the promise, and the empty body keeps it.
 */
export function namedForNothing(node: SgNode): boolean {
  if (!FUNCTION.test(String(node.kind()))) return false;
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  // ... taking anything it is handed (`*args, **kwargs`, `...args`) or nothing: a stand-in for any call. A `noop(apps,
  // schema_editor)` shaped for one caller is that caller's empty step, judged as such (a migration's, or a stub).
  const params = ((node.field("parameters" as never) as SgNode | null)?.text() ?? "").replace(/[()\s]/g, "");
  return /^_*(noop|no_op|nop|do_nothing|does_nothing|doNothing|noOp)_*$/i.test(name) && /^((self,)?\*\w+,\*\*\w+|(self)?|\.\.\.\w+(:[^,]*)?)$/.test(params);
}
