// Small questions about syntax nodes that several checks ask the same way.
import type { SgNode } from "@ast-grep/napi";

/** A node's `name` field text, or "" (functions, classes, methods in every grammar). */
export function nameOf(n: SgNode | null | undefined): string {
  return n ? (n.field("name" as never) as SgNode | null)?.text() ?? "" : "";
}

/** A Python definition's container: the module, the class (through its body block) or a function. */
export function pyOwner(fn: SgNode): SgNode | null {
  let n = fn.parent();
  if (n?.kind() === "decorated_definition") n = n.parent();
  return n?.kind() === "block" ? n.parent() : n;
}

/** The text of a Python class's base list (`(BasePermission)`), "" for other nodes. */
export function pyBases(cls: SgNode | null): string {
  return cls?.kind() === "class_definition" ? (cls.field("superclasses" as never) as SgNode | null)?.text() ?? "" : "";
}

/** A Python class's base names, each its last dotted segment without type arguments (`views.APIView` -> `APIView`, `Following['m.User']` -> `Following`). */
export function pyBaseNames(cls: SgNode): string[] {
  return ((cls.field("superclasses" as never) as SgNode | null)?.namedChildren() ?? []).map((b) => b.text().replace(/\[[\s\S]*$/, "").replace(/^.*\./, ""));
}

/** A Go file's package name (`package store` -> `store`), or undefined when the text declares none. */
export function goPackageName(text: string): string | undefined {
  return /^\s*package\s+(\w+)/m.exec(text)?.[1];
}

/** The nearest ancestor of a node (its parent first) whose kind matches, or null: the function or class around it. */
/** A Go method's receiver type, pointer and type parameters left out (`(g *Gate[T])` → `Gate`), or "". */
export function goReceiverType(method: SgNode): string {
  return ((method.field("receiver" as never) as SgNode | null)?.text() ?? "").replace(/[()*\s]/g, " ").trim().split(/\s+/).pop()?.replace(/\[.*$/, "") ?? "";
}

export function ancestor(node: SgNode, kinds: RegExp): SgNode | null {
  for (let n = node.parent(); n; n = n.parent()) if (kinds.test(String(n.kind()))) return n;
  return null;
}

/** The statement after a node, comments skipped, or null at the end of its block. */
export function nextStatement(node: SgNode): SgNode | null {
  let next = node.next();
  while (next && /comment/.test(String(next.kind()))) next = next.next();
  return next;
}

/** The call a TypeScript/JavaScript statement makes (`check(x);`, `await ensureAdmin(ctx);`), or null for any other statement. */
export function statementCall(st: SgNode): SgNode | null {
  let e = st.kind() === "expression_statement" ? st.namedChildren()[0] ?? null : null;
  if (e?.kind() === "await_expression") e = e.namedChildren()[0] ?? null;
  return e?.kind() === "call_expression" ? e : null;
}

/** The statement a guarded block stands for: its `try` statement when it is a try's body, else the node itself. */
export function guardedStatement(guarded: SgNode): SgNode {
  const parent = guarded.parent();
  return parent?.kind() === "try_statement" ? parent : guarded;
}

/** Function kinds of the TypeScript/JavaScript and Python grammars: declarations, expressions, arrows, methods. */
export const SCRIPT_FUNCTION_KINDS = /^(function_declaration|function_expression|arrow_function|method_definition|function_definition)$/;

/** The TypeScript/JavaScript or Python function a node sits in, or the module at top level. */
export function scriptScope(node: SgNode): SgNode {
  return ancestor(node, SCRIPT_FUNCTION_KINDS) ?? node.getRoot().root();
}

/** The index just past a balanced `(..)` starting at `open` (the index of the `(`), or the text's end. */
export function closeParen(text: string, open: number): number {
  let i = open + 1;
  for (let depth = 1; i < text.length && depth > 0; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
  }
  return i;
}

/**
 * A RegExp source for the optional type annotation between a bound name and its `=` (`token: &str =`, `sig: string =`):
 * a path (`hex::encode(..)`) is no annotation, and the `!` of a `!=` ends it, so a comparison is no assignment.
 */
export const TYPE_ANNOTATION = String.raw`(?::(?!:)\s*[^=\n!]+)?`;

/** A name as a literal piece of a RegExp, for finding it in source text. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lower-case words of the identifiers in an expression (`mac_for(&body)` → mac, for, body; `notImplemented` → not, implemented). */
export function identifierWords(expr: string): string[] {
  return (expr.match(/[A-Za-z_$][\w$]*/g) ?? []).flatMap((id) => id.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/_+/)).filter(Boolean);
}

/** The Rust attributes written above an item (`#[instrument(..)]`, `#[test]`), nearest first; comments between are skipped. */
export function rustAttributes(item: SgNode): string[] {
  const out: string[] = [];
  for (let p = item.prev(); p && (p.kind() === "attribute_item" || p.kind() === "line_comment"); p = p.prev()) if (p.kind() === "attribute_item") out.push(p.text());
  return out;
}

/**
 * The index just past the `)` closing the call whose `(` is at `open` in `text`, or -1 when it does not close; with
 * `["{", "}"]`, past the `}` closing a block.
 */
export function callEnd(text: string, open: number, [o, c]: readonly [string, string] = ["(", ")"]): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === o) depth++;
    else if (text[i] === c && --depth === 0) return i + 1;
  }
  return -1;
}

/** A block's statements, a tree-sitter-go `statement_list` unwrapped (Go keeps a block's statements in one). */
export const blockStatements = (block: SgNode | null): SgNode[] =>
  (block?.namedChildren() ?? []).flatMap((c) => (c.kind() === "statement_list" ? c.namedChildren() : [c]));
