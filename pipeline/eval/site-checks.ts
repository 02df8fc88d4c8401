// Small checks that refine an operator's match where ast-grep alone cannot say it (counting references).
import type { SgNode } from "@ast-grep/napi";
import type { SiteCheck } from "./mutation-spec";

const IDENT_KINDS = new Set(["identifier", "shorthand_property_identifier", "shorthand_field_identifier"]);

/** Python's `f(timeout=...)` keyword and `obj.timeout` attribute are names, not reads of a variable. */
function isNameNotRead(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  const kind = String(parent.kind());
  const field = kind === "keyword_argument" ? "name" : kind === "attribute" ? "attribute" : null;
  if (!field) return false;
  const named = parent.field(field as never) as SgNode | null;
  return named !== null && named.range().start.index === node.range().start.index;
}

function countReferences(scope: SgNode, name: string): number {
  let n = 0;
  const stack: SgNode[] = [scope];
  while (stack.length) {
    const node = stack.pop()!;
    if (IDENT_KINDS.has(String(node.kind())) && node.text() === name && !isNameNotRead(node)) n++;
    stack.push(...node.children());
  }
  return n;
}

/**
 * sole-reference: the captured identifier is read exactly once in the nearest enclosing scope
 * (a function), besides its declaration among the parameters; so removing that read leaves the
 * parameter unread, the defect "stop reading a parameter" as it happens in real code.
 * min-lines: the captured node spans at least `lines` lines (a body worth stubbing out).
 */
export function siteCheckPasses(check: SiteCheck, node: SgNode): boolean {
  const captured = node.getMatch(check.capture.slice(1));
  if (!captured) return false;
  if (check.name === "min-lines") {
    const r = captured.range();
    return r.end.line - r.start.line + 1 >= check.lines;
  }
  let scope: SgNode | null = captured.parent();
  while (scope && !check.scope.includes(String(scope.kind()))) scope = scope.parent();
  if (!scope) return false;
  const params = scope.field("parameters" as never) as SgNode | null;
  const body = scope.field("body" as never) as SgNode | null;
  if (!params || !body) return false;
  const name = captured.text();
  return countReferences(params, name) >= 1 && countReferences(body, name) === 1;
}
