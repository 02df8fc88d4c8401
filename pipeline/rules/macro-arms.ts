// Rust code inside arm macros: tree-sitter keeps a macro's body as an unparsed token tree, so the statements
// in `tokio::select! { _ = tick => { let _ = q.ack(id).await; } }` are invisible to every rule. An invocation
// whose top level is arms (`pattern = future => block`, the select! family's grammar) holds ordinary blocks;
// this module lays each block out at its own line and column in an otherwise blank source, so the rules can
// be asked about it like any function body.
import type { SgNode } from "@ast-grep/napi";

interface Block { line: number; column: number; text: string; endLine: number; head: string }

/** The index of the quote closing the string literal opening at `i`, or -1. */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === '"') return j;
  }
  return -1;
}

/** The index just past the bracket group opening at `i` (strings and comments skipped), or -1. */
function closeOf(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j]!;
    if (ch === '"') { j = stringEnd(s, j); if (j < 0) return -1; continue; }
    if (ch === "/" && s[j + 1] === "/") { j = s.indexOf("\n", j); if (j < 0) return -1; continue; }
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch) && --depth === 0) return j + 1;
  }
  return -1;
}

/** An arm's head binds a future (`res = fut`, `Some(x) = rx.recv()`) or is the `else` arm. */
function armHead(head: string): boolean {
  const h = head.trim();
  return h === "else" || /(^|[^=!<>])=(?![=>])/.test(h.replace(/\bif\b[\s\S]*$/, ""));
}

/** The blocks of the arms of one macro invocation, when its top level is arms; else nothing. */
function armBlocks(macro: SgNode, accept: (head: string) => boolean = armHead): Block[] {
  const tree = macro.children().find((c) => c.kind() === "token_tree");
  if (!tree) return [];
  const src = tree.text();
  const base = tree.range().start;
  const out: Block[] = [];
  let armStart = 1, arms = 0;
  for (let i = 1; i < src.length - 1; i++) {
    const ch = src[i]!;
    if ("([{".includes(ch)) { const end = closeOf(src, i); if (end < 0) return []; i = end - 1; continue; }
    if (ch === '"') { i = stringEnd(src, i); if (i < 0) return []; continue; }
    // `Some(x) = rx.recv(), if !done => {..}`: a precondition belongs to its arm.
    if ((ch === "," && !/^\s*if\b/.test(src.slice(i + 1, i + 40))) || ch === ";") { armStart = i + 1; continue; }
    if (ch !== "=" || src[i + 1] !== ">") continue;
    const head = src.slice(armStart, i);
    if (!accept(head)) return [];
    arms++;
    const open = src.slice(i + 2).search(/\S/) + i + 2;
    if (src[open] !== "{") continue;
    const end = closeOf(src, open);
    if (end < 0) return [];
    const before = src.slice(0, open);
    const line = base.line + (before.match(/\n/g)?.length ?? 0);
    const column = before.includes("\n") ? open - before.lastIndexOf("\n") - 1 : base.column + open;
    const text = src.slice(open, end);
    out.push({ line, column, text, endLine: line + (text.match(/\n/g)?.length ?? 0), head: head.trim() });
    armStart = end;
    i = end - 1;
  }
  return arms ? out : [];
}

/**
 * Sources in which each arm block of an arm macro of the file stands at its own line and column as the body
 * of a function (`fn __arm()` on the line above it), every other line blank: findings keep their positions.
 * One source per invocation; a block that starts on the line right after another's end is skipped.
 */
export function macroArmSources(root: SgNode, content: string): string[] {
  if (!/!\s*\{/.test(content) || !content.includes("=>")) return [];
  const sources: string[] = [];
  for (const macro of root.findAll({ rule: { kind: "macro_invocation", has: { kind: "token_tree", regex: "^\\{[\\s\\S]*=>" } } })) {
    let src = "", at = 0;
    for (const b of armBlocks(macro)) {
      if (b.line - 1 < at) continue;
      src += "\n".repeat(b.line - 1 - at) + "fn __arm()\n" + " ".repeat(b.column) + b.text;
      at = b.endLine;
    }
    if (src) sources.push(src);
  }
  return sources;
}

/**
 * The arms of a dispatch macro (`router!(request, (GET) (/x) => { .. }, (DELETE) (/x/{id}) => { .. })`): what
 * each arm matches (its head, as written) and its block, at the block's line and column. Nothing when an arm's
 * body is not a block.
 */
export function macroDispatchArms(macro: SgNode): Block[] {
  return armBlocks(macro, (head) => head.trim() !== "");
}
