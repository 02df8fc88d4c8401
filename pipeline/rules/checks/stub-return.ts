// stub: a function that takes inputs and answers a fixed value where its own comment says the real work is
// still to come (`# TODO: call the rates service` then `return Decimal("1.0")`). Reachable, it hands every
// caller a placeholder as if it were the answer.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";

const FUNCTION = /^(function_definition|function_declaration|method_declaration|method_definition|function_expression|arrow_function|func_literal|function_item)$/;

/**
 * A fixed value: a number or string literal, or a constructor given one (`Decimal("1.0")`, `Money(0)`,
 * `decimal.NewFromFloat(1)`). Nothing (`None`, `nil`, `null`), booleans and empty collections are left out:
 * they are the ordinary answer of "not found" and "no", not a stand-in for a computed result.
 */
const FIXED = /^(-?\d[\d_.]*(e-?\d+)?|"[^"\\\n]*"|'[^'\\\n]*'|`[^`$\\\n]*`|[A-Za-z_][\w.]*\(\s*(-?\d[\d_.]*|"[^"\\\n]*"|'[^'\\\n]*')\s*\))$/;

/** Parameters that carry input (not the receiver, not a context handle). */
function inputs(fn: SgNode): string[] {
  const list = (fn.field("parameters" as never) as SgNode | null)?.namedChildren() ?? [];
  return list.filter((p) => !/comment/.test(String(p.kind()))).map((p) => p.text()).filter((p) => !/^(self|cls|&?(mut\s+)?self|_\w*|ctx\b.*|context\b.*)$/.test(p.trim()));
}

/**
 * The matched node is a `return <value>`; the line right above it must be a comment announcing deferred
 * work (`marker`, from the rule). Kept when the return is the function's last statement, the value is fixed, and the
 * function takes an input (a function of no inputs answering a constant is a constant, not a stub).
 * The caller defers the finding to the references of the function: reached from somewhere, it ships.
 */
export function placeholderReturn(node: SgNode, marker: RegExp, lines: readonly string[]): { fn: SgNode; name: SgNode; hit: Hit } | null {
  // The comment right above the return (a grammar may hang it elsewhere in the tree, so it is read by line).
  const above = lines[node.range().start.line - 1]?.trim() ?? "";
  if (!/^(#|\/\/|\/\*|\*)/.test(above) || !marker.test(above)) return null;
  const body = node.parent();
  // Go wraps a block's statements in a statement_list.
  const block = body?.kind() === "statement_list" ? body.parent() : body;
  const fn = block?.parent();
  if (!body || !fn || !FUNCTION.test(String(fn.kind()))) return null;
  const statements = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  if (statements[statements.length - 1]?.id() !== node.id()) return null;
  const value = node.text().replace(/^return\s+/, "").replace(/;$/, "").trim();
  if (!FIXED.test(value) || !inputs(fn).length) return null;
  const name = fn.field("name" as never) as SgNode | null;
  if (!name) return null;
  return { fn, name, hit: { region: regionOf(node) } };
}
