// swallowed-error: a rejection turned into a value (`.catch(() => null)`) that the very next use tests is
// handled, not swallowed: `const doc = await find(id).catch(() => null); if (!doc) throw new NotFound()`.
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp } from "../syntax";

const field = (n: SgNode, name: string): SgNode | null => n.field(name as never) as SgNode | null;
/** Wrappers a value passes through unchanged on its way to where it is bound. */
const WRAPPER = /^(await_expression|parenthesized_expression|as_expression|satisfies_expression|non_null_expression)$/;
const STATEMENT = /^(lexical_declaration|variable_declaration|expression_statement)$/;

/** The node, climbed through `await`, parentheses, type assertions and a branch of a conditional (`on ? p.catch(..) : none`). */
function outermost(node: SgNode): SgNode {
  let v = node;
  for (let p = v.parent(); p; p = p.parent()) {
    const branch = p.kind() === "ternary_expression" && field(p, "condition")?.id() !== v.id();
    if (!WRAPPER.test(String(p.kind())) && !branch) break;
    v = p;
  }
  return v;
}

/** `Promise.all([a, b.catch(() => null)])` destructured as `const [x, y] = await ...`: the name of element `v`. */
function destructuredName(array: SgNode, v: SgNode): { name: string; at: SgNode } | null {
  const args = array.parent();
  const call = args?.parent();
  if (!args || args.kind() !== "arguments" || !call || call.kind() !== "call_expression") return null;
  if (!/^Promise\.(all|allSettled)$/.test(field(call, "function")?.text() ?? "")) return null;
  const index = array.namedChildren().filter((c) => !/comment/.test(String(c.kind()))).findIndex((c) => c.id() === v.id());
  const bound = outermost(call);
  const decl = bound.parent();
  const pattern = decl && decl.kind() === "variable_declarator" ? field(decl, "name") : null;
  if (index < 0 || !pattern || pattern.kind() !== "array_pattern") return null;
  const slot = pattern.namedChildren().filter((c) => !/comment/.test(String(c.kind())))[index];
  return slot && slot.kind() === "identifier" ? { name: slot.text(), at: decl! } : null;
}

/** The variable the settled value is bound to (`const x = await p.catch(..)`, `x = await p.catch(..)`). */
function boundName(v: SgNode): { name: string; at: SgNode } | null {
  const p = v.parent();
  if (!p) return null;
  const k = String(p.kind());
  if (k === "variable_declarator" && field(p, "value")?.id() === v.id()) {
    const name = field(p, "name");
    return name && name.kind() === "identifier" ? { name: name.text(), at: p } : null;
  }
  if (k === "assignment_expression" && field(p, "right")?.id() === v.id()) {
    const left = field(p, "left");
    return left && left.kind() === "identifier" ? { name: left.text(), at: p } : null;
  }
  if (k === "array") return destructuredName(p, v);
  return null;
}

/** The text around the first use of `name` tests it for absence: `!x`, `x?.`, `x ??`, `x == null`, `if (x)`, `x ? a : b`. */
function testsAt(text: string, name: string, reads = true): boolean | null {
  const use = new RegExp(`(?<![\\w$.])${escapeRegExp(name)}(?![\\w$])`).exec(text);
  if (!use) return null;
  const before = text.slice(0, use.index);
  const after = text.slice(use.index + name.length);
  if (/(!\s*|(null|undefined)\s*[!=]==?\s*|typeof\s+|Boolean\(\s*)$/.test(before)) return true;
  // ... or compared with another value in a condition (`if (cachedBuildKey === buildCacheKey && ..)`): a missing value
  // does not match, and the code takes the branch for a miss.
  if (reads && /\b(if|while)\s*\([^;{}]*$/.test(before) && /^\s*[!=]==?\s*[\w$.]+\s*(&&|\|\||\))/.test(after)) return true;
  if (/^\s*(\?\.|\?\?|\|\||&&|[!=]==?\s*(null|undefined)\b|\?(?![.?]))/.test(after)) return true;
  if (/\b(if|while)\s*\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  // Handed, not dereferenced, to a check inside a condition: `if (!isToken(decoded))`.
  return /\b(if|while)\s*\([^;{}]*\(\s*$/.test(before) && /^\s*[,)]/.test(after);
}

/** The first statement after `stmt` (in its block) that uses `name` tests the value before using it. */
function firstUseTests(stmt: SgNode, name: string, reads = true): boolean {
  for (let n = stmt.next(); n; n = n.next()) {
    if (/comment/.test(String(n.kind()))) continue;
    const tested = testsAt(n.text(), name, reads);
    if (tested !== null) return tested;
  }
  return false;
}

/**
 * The call the `.catch` guards reads (`readFile(marker)`, `storage.get(Account, id)`, `cache.lookup(k)`): a miss there
 * is a value, and comparing it takes the miss's branch. A charge or a refund compared with its outcome is no read: a
 * failure compares unequal to "declined" and takes the success branch.
 */
function readCall(node: SgNode): boolean {
  const callee = field(node, "function");
  const object = callee ? field(callee, "object") : null;
  const inner = object?.kind() === "call_expression" ? field(object, "function")?.text() ?? "" : "";
  return /(?:^|\.)(read\w*|get\w*|load\w*|find\w*|fetch\w*|lookup\w*|stat|lstat|exists|access|query\w*|select\w*|list\w*)$/.test(inner);
}

/**
 * The no-op `.catch` call `node` turns a rejection into null/undefined that the code handles: tested in the
 * expression itself (`(await p.catch(() => null)) ?? fallback`, `?.`) or bound to a variable whose first
 * use tests it. A bound value used as if present, or a call whose result is dropped, is still a swallow.
 */
export function handledSentinel(node: SgNode): boolean {
  const v = outermost(node);
  const p = v.parent();
  if (!p) return false;
  // Compared with a value (`(await readFile(marker).catch(() => undefined)) === content`): a missing value is one that
  // does not match, and the branch for it is the comparison's other outcome.
  if (p.kind() === "binary_expression" && /^[!=]==?$/.test(field(p, "operator")?.text() ?? "") && readCall(node)) return true;
  // `(id && (await storage.get(Account, id).catch(() => null))) || null`: a lookup's fallback inside a chain with its own.
  if (p.kind() === "binary_expression" && field(p, "right")?.id() === v.id() && field(p, "operator")?.text() === "&&") {
    const up = outermost(p).parent();
    if (up?.kind() === "binary_expression" && /^(\?\?|\|\|)$/.test(field(up, "operator")?.text() ?? "")) return true;
  }
  if (p.kind() === "binary_expression" && field(p, "left")?.id() === v.id()) return /^(\?\?|\|\|)$/.test(field(p, "operator")?.text() ?? "");
  if (p.kind() === "member_expression" && field(p, "object")?.id() === v.id() && p.text().slice(v.text().length).trimStart().startsWith("?.")) return true;
  // `schema.optional().catch(() => undefined).parse(raw)`: a method a promise does not have is called on the
  // result, so this `catch` is a builder's fallback value (a schema's), not a promise handler.
  if (p.kind() === "member_expression" && field(p, "object")?.id() === v.id() && v.id() === node.id()) {
    return !/^(then|catch|finally)$/.test(field(p, "property")?.text() ?? "");
  }
  const bound = boundName(v);
  if (!bound) return false;
  // (compared with another value in a condition: only for a read, tested in testsAt via `reads`)
  let stmt: SgNode | null = bound.at;
  while (stmt && !STATEMENT.test(String(stmt.kind()))) stmt = stmt.parent();
  return !!stmt && firstUseTests(stmt, bound.name, readCall(node));
}
