// Python test shapes that assert without an assert statement, or that are no test at all: a test ending in
// a validation call that raises on failure (Django's `full_clean()`/`clean()`) or in a construction it drops, and an inherited test
// switched off by an override whose whole body is `return` or `pass`.
import type { SgNode } from "@ast-grep/napi";

/**
 * Django's model and form validation: each raises `ValidationError` on invalid data, so a test whose last
 * act is one of them asserts that the data is valid by not raising.
 */
const VALIDATES = /^[\w.]+(\(.*\))?(\.\w+)*\.(full_clean|clean|clean_fields|validate_unique|validate_constraints)\s*\([^;]*\)$/s;

/** A statement's last act: the last statement of a `for`/`with`/`try` body when the statement is one. */
function lastAct(block: SgNode): SgNode | null {
  const stmts = block.namedChildren().filter((s) => s.kind() !== "comment");
  const last = stmts[stmts.length - 1];
  if (!last) return null;
  if (/^(for_statement|with_statement|while_statement)$/.test(String(last.kind()))) {
    const body = last.field("body" as never) as SgNode | null;
    return body ? lastAct(body) : last;
  }
  return last;
}

/** A docstring claiming something is allowed: "can be mounted", "may be saved", "is allowed", "accepts". */
const CLAIMS_ALLOWED = /\b(can|may)\s+be\s+\w+ed\b|\bis\s+(allowed|permitted|accepted)\b|\baccepts?\b/i;

/** The test's docstring (its first statement, a string), or "". */
function docstringOf(body: SgNode): string {
  const first = body.namedChildren()[0];
  return first?.kind() === "expression_statement" && first.child(0)?.kind() === "string" ? first.text() : "";
}

/** The receiver of a call statement (`vdc` of `vdc.save()`), or null. */
const receiverOf = (text: string) => /^([\w.]+)\.\w+\s*\(/.exec(text)?.[1] ?? null;

/**
 * A statement that builds an instance of a class (`CreateUser(email=..)`, `models.Repo(session)`) and drops
 * it: the value is never looked at, so the only thing the call can check is that construction does not raise
 * (a pydantic model or a validating constructor). By PEP 8 a CapWords callee is a class.
 */
function discardsConstruction(stmt: SgNode): boolean {
  const call = stmt.child(0);
  if (call?.kind() !== "call") return false;
  const callee = (call.field("function" as never) as SgNode | null)?.text() ?? "";
  return /^([a-z_]\w*\.)*_?[A-Z][a-z0-9]+[A-Za-z0-9]*$/.test(callee);
}

/**
 * Does the test end by validating: its last act a validation call (`site.clean()`, `Site(..).full_clean()`),
 * or saving what it just validated (`vdc.full_clean(); vdc.save()`, a form after `form.is_valid()`), or a
 * save its docstring claims is allowed ("Check that a 0RU device can be mounted")?
 */
export function pyEndsValidating(body: SgNode): boolean {
  const last = lastAct(body);
  if (!last || last.kind() !== "expression_statement") return false;
  const text = last.text().trim();
  if (VALIDATES.test(text)) return true;
  if (discardsConstruction(last)) return true;
  const saves = /\.save\s*\([^;]*\)$/s.test(text);
  // "Check that a 0RU device can be mounted ...": the docstring claims a save is allowed, the save is the check.
  if (saves && CLAIMS_ALLOWED.test(docstringOf(body))) return true;
  const receiver = saves ? receiverOf(text) : null;
  if (!receiver) return false;
  const esc = receiver.replace(/\./g, "\\.");
  return new RegExp(`(?<![\\w.])${esc}\\.(full_clean|clean|clean_fields|is_valid)\\s*\\(`).test(body.text());
}

/**
 * A method of a class with bases whose whole body (a docstring aside) is `return` or `pass`: it overrides
 * the inherited test of that name to switch it off, on purpose. It asserts nothing because it runs nothing.
 */
export function pyDisablesInherited(node: SgNode): boolean {
  const fn = node.kind() === "decorated_definition" ? (node.field("definition" as never) as SgNode | null) ?? node : node;
  if (fn.kind() !== "function_definition") return false;
  const body = fn.field("body" as never) as SgNode | null;
  const stmts = (body?.namedChildren() ?? []).filter((s) => s.kind() !== "comment" && !(s.kind() === "expression_statement" && s.child(0)?.kind() === "string"));
  if (stmts.length !== 1 || !/^(return|pass)$/.test(stmts[0]!.text().trim())) return false;
  const cls = fn.ancestors().find((a) => a.kind() === "class_definition" || a.kind() === "function_definition");
  if (cls?.kind() !== "class_definition") return false;
  const bases = (cls.field("superclasses" as never) as SgNode | null)?.namedChildren() ?? [];
  return bases.some((b) => b.text() !== "object");
}
