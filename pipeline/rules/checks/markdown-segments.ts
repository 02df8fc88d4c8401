// Markdown and HTML as a model reads them: paragraphs of prose, each with the heading it stands under, and
// every place a rendered page hides text from its human reader, each a segment of its own: HTML comments,
// hidden elements (display:none, visibility:hidden, the hidden attribute), attribute values (alt, title,
// aria-label, data-*), link titles and image alt text, front matter, comments and strings of inline scripts.
// Code (fences, indented blocks, <pre>, <code>) and table rows are shown to the reader as examples, not said.
import { blank, MAX_PARAGRAPH, maskComment, type Segment, textSegments } from "./text-segments";

const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/;
const FENCE = /^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\2[^\n]*$|(?![\s\S]))/gm;
const SHOWN_CODE = /<(pre|code|style|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const SCRIPT = /(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi;
const ELEMENT = /<([a-z][\w-]*)\b([^<>]*)>([\s\S]*?)<\/\1\s*>/gi;
const HIDES = /\bhidden\b(?!\s*=\s*["']?false)|\bstyle\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9]))/i;
const ATTRIBUTE = /\b(?:alt|title|aria-label|aria-description|data-[\w-]+|content|placeholder|label|summary)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
// Tags are markup, not words; the chat-role tags a forged turn uses (<system>, <assistant>) are kept for the reader.
const TAG = /<\/?(?!(?:system|assistant|user|developer|human)\s*>)[a-z][\w-]*(?:\s[^<>]*)?\/?>/gi;
const LINK_TITLE = /\]\(\s*<?[^)\s>]*>?(?:\s+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?\s*\)/g;
const REF_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|\(([^)\n]*)\)))?[ \t]*$/gm;
const IMAGE_ALT = /!\[([^\]\n]*)\]/g;
const INDENTED = /(?<=^|\n[ \t]*\n)((?: {4}|\t)[^\n]*(?:\n|$))+/g;
const TABLE_ROW = /^[ \t]*\|.*$/gm;
// Emphasis markers around words ("**ignore** all _previous_ instructions") are formatting, not words; a bold
// label closing before its colon ("- **Models**: …") keeps its marker, so a list of terms is not read as vocatives.
const EMPHASIS = /(?:\*\*|__|~~)(?=\S)|(?<=\S)(?:\*\*|__|~~)(?![ \t]*:)|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*:])/g;
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/gi;

/** Segments of a Markdown file, or of an HTML file (`html`: no Markdown code blocks, tables or emphasis). */
export function markdownSegments(content: string, html = false): Segment[] {
  const out: Segment[] = [];
  const hidden = (start: number, text: string) => { if (text.trim()) out.push({ start, end: start + text.length, text, kind: "comment" }); };
  const group = (m: RegExpMatchArray) => { const k = m.slice(1).findIndex((g) => g !== undefined); return k < 0 ? null : { text: m[k + 1]!, at: m.index! + m[0].indexOf(m[k + 1]!) }; };
  let masked = content;
  const mask = (re: RegExp, keep?: (m: RegExpMatchArray) => void) => {
    masked = masked.replace(re, (...args) => {
      const m = Object.assign([...args.slice(0, -2)] as string[], { index: args[args.length - 2] as number }) as unknown as RegExpMatchArray;
      keep?.(m);
      return blank(m[0]);
    });
  };
  const fm = !html ? FRONT_MATTER.exec(content) : null;
  if (fm) {
    const at = fm[0].indexOf(fm[1]!);
    for (const s of textSegments(fm[1]!, false)) out.push({ ...s, start: s.start + at, end: s.end + at });
    masked = blank(fm[0]) + masked.slice(fm[0].length);
  }
  mask(/<!--[\s\S]*?-->/g, (m) => out.push({ start: m.index!, end: m.index! + m[0].length, text: maskComment(m[0].replace(/^<!--/, "    ")), kind: "comment" }));
  if (!html) mask(FENCE);
  mask(SHOWN_CODE);
  // An inline script is code no grammar here reads: its comments and string literals, line by line.
  mask(SCRIPT, (m) => {
    const at = m.index! + m[1]!.length;
    for (const s of textSegments(m[2]!, true)) out.push({ ...s, start: s.start + at, end: s.end + at });
  });
  const summaries: [number, number][] = [...masked.matchAll(SUMMARY)].map((m) => [m.index! + m[0].indexOf(m[1]!), m.index! + m[0].indexOf(m[1]!) + m[1]!.length]);
  masked = masked.replace(ELEMENT, (whole, _tag: string, attrs: string, inner: string, i: number) => {
    if (!HIDES.test(attrs)) return whole;
    const at = i + whole.indexOf(">") + 1;
    hidden(at, inner.replace(TAG, (t) => blank(t)));
    return blank(whole);
  });
  for (const m of masked.matchAll(ATTRIBUTE)) { const g = group(m); if (g) hidden(g.at, g.text); }
  if (!html) {
    for (const re of [LINK_TITLE, REF_DEFINITION, IMAGE_ALT]) for (const m of masked.matchAll(re)) { const g = group(m); if (g) hidden(g.at, g.text); }
    mask(REF_DEFINITION);
    masked = masked.replace(LINK_TITLE, (m) => "]" + blank(m.slice(1))).replace(IMAGE_ALT, (m) => "!" + blank(m.slice(1, -1)) + "]");
    mask(INDENTED);
    mask(TABLE_ROW);
    masked = masked.replace(EMPHASIS, (m) => blank(m));
  }
  masked = masked.replace(TAG, (m) => blank(m));
  return [...out, ...paragraphs(masked, summaries)].sort((a, b) => a.start - b.start);
}

/** Paragraphs: blank lines end one, a heading (or a <summary>) is one of its own and the context of what follows. */
function paragraphs(masked: string, summaries: [number, number][]): Segment[] {
  const out: Segment[] = [];
  let para: { start: number; end: number } | null = null;
  let context: string | undefined;
  const flush = () => {
    if (!para) return;
    const text = masked.slice(para.start, para.end);
    const prev = out[out.length - 1];
    // A paragraph ending in ":" introduces the next one (a list of examples): keep them one text.
    if (text.trim() && prev && prev.text.trimEnd().endsWith(":") && prev.text.length < MAX_PARAGRAPH) {
      prev.text = masked.slice(prev.start, para.end);
      prev.end = para.end;
    } else if (text.trim()) out.push({ start: para.start, end: para.end, text, kind: "prose", ...(context ? { context } : {}) });
    para = null;
  };
  let at = 0;
  for (const line of masked.split("\n")) {
    const start = at;
    at += line.length + 1;
    const heading = /^#{1,6}\s/.test(line) || summaries.some(([a, b]) => a < start + line.length && b > start && line.trim());
    if (!line.trim() || heading || (para && para.end - para.start > MAX_PARAGRAPH)) flush();
    if (!line.trim()) continue;
    if (para) para.end = start + line.length;
    else para = { start, end: start + line.length };
    if (heading) {
      flush();
      context = line.trim();
    }
  }
  flush();
  return out;
}
