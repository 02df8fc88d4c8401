// Where a file's words are: comments, docstrings and string literals of code (from the rule's ast-grep
// selection), and the values and comments of other text files (Markdown and HTML: markdown-segments.ts). A
// segment keeps its offsets: its text is the file's slice with markers and quotes blanked, never shifted.
import type { NapiConfig, SgNode } from "@ast-grep/napi";
import type { SegmentKind } from "./prompt-injection";

export interface Segment {
  start: number;
  end: number;
  text: string;
  kind: SegmentKind;
  /** The words that introduce it: the heading above a paragraph, the key of a value (its parents' keys first). */
  context?: string;
}

export const blank = (s: string) => s.replace(/[^\n]/g, " ");
const COMMENT_MARK = /^([ \t]*)(\/\/[/!]?|\/\*+!?|\*\/|\*(?!\*)|#!?|--|<!--|-->|;+|REM\b)/gim;

/** Blank comment markers at line starts and a closing marker at the end, keeping every offset. */
export function maskComment(text: string): string {
  return text.replace(COMMENT_MARK, (_m, ws: string, mark: string) => ws + blank(mark)).replace(/(\*\/|-->)\s*$/, (m) => blank(m));
}

/** Blank a literal's prefix and delimiters (r#"…"#, b'…', f"""…""", `…`). */
function maskLiteral(text: string): string {
  const m = /^([a-zA-Z]*#*)("""|'''|["'`])([\s\S]*?)(\2#*)?$/.exec(text);
  if (!m) return text;
  return blank(m[1]! + m[2]!) + m[3]! + blank(m[4] ?? "");
}

const LIST_PARENT = /array|list|tuple|set|literal_value|token_tree|composite_literal/;

/**
 * Comment and string nodes chosen by the rule; a docstring (a string that is a statement of its own) reads as a
 * comment. A node is a comment when its text opens with the language's comment marker (`commentStart`): reading
 * the text is much cheaper than asking the native node for its kind.
 */
export function codeSegments(root: SgNode, matcher: NapiConfig, commentStart: RegExp, content: string, keep: (text: string) => boolean = () => true): { segments: Segment[]; comments: [number, number][]; strings: [number, number][] } {
  const segments: Segment[] = [];
  const comments: [number, number][] = [];
  const strings: [number, number][] = [];
  for (const node of root.findAll(matcher)) {
    const r = node.range();
    const span: [number, number] = [r.start.index, r.end.index];
    // Slicing the file is cheaper than asking the native node for its text.
    const text = content.slice(span[0], span[1]);
    if (commentStart.test(text)) {
      comments.push(span);
      const prev = segments[segments.length - 1];
      const gap = prev ? content.slice(prev.end, span[0]) : "";
      // A block of line comments is one text: an address on one line carries to the next. A comment
      // trailing code on its line starts its own text.
      const lineStart = content.lastIndexOf("\n", (prev?.start ?? 1) - 1) + 1;
      if (prev?.kind === "comment" && /^[ \t]*\r?\n?[ \t]*$/.test(gap) && !content.slice(lineStart, prev.start).trim()) {
        prev.text += gap + maskComment(text);
        prev.end = span[1];
      } else segments.push({ start: span[0], end: span[1], text: maskComment(text), kind: "comment" });
      continue;
    }
    strings.push(span);
    if (!keep(text)) continue;
    const parent = node.parent();
    const docstring = parent?.kind() === "expression_statement" && parent.text().trim().replace(/;$/, "") === text;
    // A string among string siblings in a list is an entry of a phrase list (a detector's patterns), not a message.
    const inList = parent && LIST_PARENT.test(String(parent.kind())) && parent.children().filter((c) => /^[a-zA-Z]*#*["'`]/.test(c.text())).length >= 2;
    if (!inList) segments.push({ start: span[0], end: span[1], text: maskLiteral(text), kind: docstring ? "comment" : "string" });
  }
  return { segments: segments.filter((s) => s.kind === "string" || keep(s.text)), comments, strings };
}

const CODE_LINE = /[=(;{]|\breturn\b/;
const LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
const KEY_PREFIX = /^([ \t]*(?:-[ \t]+)?(?:"[^"\n]*"|'[^'\n]*'|[\w.$@-]+)[ \t]*[:=][ \t]*)(?=\S)/;
export const MAX_PARAGRAPH = 4000;
const NAMING_KEY = /^[ \t]*(?:-[ \t]+)?["']?(?:name|title|label|id|key|slug|tags?|category|goal|probe|technique|type|kind)["']?[ \t]*[:=]/i;
const LINE_COMMENT = /^[ \t]*(?:#|\/\/|;|--|<!--|\/\*|\*)/;
/** A key that opens a block (`ai_review:`, `"notes": {`): the keys of the values under it start with it. */
const PARENT_KEY = /^([ \t]*)(?:-[ \t]+)?["']?([\w.$@-]+)["']?[ \t]*[:=][ \t]*(?:[|>][-+]?|\{|\[)?[ \t]*$/;
/** "Human: …", "Assistant: …" written as prose (capitalised, unquoted): a chat turn, not a data key. */
const ROLE_TURN = /^[ \t]*(?:System|Assistant|User|Human|Developer|SYSTEM|ASSISTANT|USER|HUMAN|DEVELOPER)[ \t]*:[ \t]+\S/;
const keyWords = (k: string) => k.replace(/^[ \t]*(?:-[ \t]+)?["']?|["']?[ \t]*[:=][ \t]*$/g, "");

/**
 * Other text files, line by line: a comment line joins the comment block around it; a `key: value` line is a
 * segment of its own (i18n entries are separate strings); other lines continue the paragraph they follow.
 * With `code` (a language no grammar reads), a line of code yields only its string literals.
 */
export function textSegments(content: string, code: boolean): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  let at = 0;
  const parents: { indent: number; key: string }[] = [];
  for (const line of content.split("\n")) {
    const start = at;
    at += line.length + 1;
    if (!line.trim()) { cur = null; continue; }
    const comment = LINE_COMMENT.test(line);
    const indent = line.length - line.trimStart().length;
    const parent = !comment && PARENT_KEY.exec(line);
    if (parent || (!comment && /^\s*[}\]]/.test(line))) while (parents.length && parents[parents.length - 1]!.indent >= indent) parents.pop();
    if (parent) parents.push({ indent, key: parent[2]! });
    const key = !comment && !ROLE_TURN.test(line) && KEY_PREFIX.exec(line);
    // A value under a naming key ("name": "...", title:) labels something: it is a name, not a message.
    if (key && NAMING_KEY.test(key[1]!)) { cur = null; continue; }
    // Code no grammar reads (Java, C, shell, ...): its string literals are strings, the rest is not prose.
    if (code && !comment && !key && CODE_LINE.test(line)) {
      for (const m of line.matchAll(LITERAL)) out.push({ start: start + m.index!, end: start + m.index! + m[0].length, text: " " + m[0].slice(1, -1) + " ", kind: "string" });
      cur = null;
      continue;
    }
    let text = comment ? maskComment(line) : key ? blank(key[1]!) + line.slice(key[1]!.length) : line;
    // Quotes and separators around a data value are syntax, not quotation.
    if (!comment) text = text.replace(/^(\s*)(["'])(.*)\2(\s*[,;]?\s*)$/, (_m, a: string, q: string, v: string, z: string) => a + " " + v + " " + blank(z));
    const kind: SegmentKind = comment ? "comment" : "prose";
    // A JSON line (JSONL, a recorded API stream) is a record of its own, and a paragraph has a bounded length.
    const record = !comment && /^\s*[[{]/.test(line);
    if (cur && cur.kind === kind && !key && !record && cur.text.length < MAX_PARAGRAPH) {
      cur.text += "\n" + text;
      cur.end = start + line.length;
    } else {
      cur = { start, end: start + line.length, text, kind };
      if (key) {
        while (parents.length && parents[parents.length - 1]!.indent >= indent) parents.pop();
        cur.context = [...parents.map((p) => p.key), keyWords(key[1]!)].join(" ");
      } else if (!comment && parents.length) cur.context = parents.map((p) => p.key).join(" ");
      out.push(cur);
    }
  }
  return out;
}
