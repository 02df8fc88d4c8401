// Unicode that hides code from the person reading it: bidirectional controls that reorder what is shown
// (Trojan Source, CVE-2021-42574), zero-width characters inside identifiers or strings, and invisible
// tag characters (text a model reads and a human never sees). Legitimate uses stay silent: a leading BOM,
// controls balanced inside one string literal (i18n), joiners in emoji sequences and in scripts that need them.
import type { Hit } from "./hit";
import { offsetRegion } from "./secretlint";

/** Offsets [start, end) of comments and string literals; null when no grammar knows the file. */
export interface CodeRanges { comments: [number, number][]; strings: [number, number][] }

const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;
const TAGS = /(\u{1F3F4})?([\u{E0020}-\u{E007E}]+)(\u{E007F})?/gu;
const IDENT = /[\p{L}\p{N}_$]/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0F\u20E3]/u;
// Letters and marks beyond Latin: scripts (Arabic, Persian, Indic, ...) whose spelling uses ZWJ/ZWNJ.
const JOINING_SCRIPT = /[\p{L}\p{M}]/u;

export const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
/** Hidden characters written out, so a snippet or prompt shows what the file really holds. */
export const showHidden = (s: string) => s.replace(/[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF\u180E]|[\u{E0000}-\u{E007F}]/gu, (c) => `<${codePoint(c)}>`);

const inside = (i: number, ranges: [number, number][]) => ranges.find(([a, b]) => i >= a && i < b) ?? null;
const hit = (content: string, from: number, to: number, message: string): Hit => ({ region: offsetRegion(content, from, to), message });

/** Explicit embeddings/overrides and isolates each closed inside the literal, and nothing closed that was not opened. */
function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    if ("\u202A\u202B\u202D\u202E".includes(ch)) stack.push("\u202C");
    else if ("\u2066\u2067\u2068".includes(ch)) stack.push("\u2069");
    else if (ch === "\u202C" || ch === "\u2069") { if (stack.pop() !== ch) return false; }
  }
  return stack.length === 0;
}

/** A quote count on the line for code no grammar reads: an odd number of quotes before `i` means inside a string. */
function naiveInString(content: string, i: number): boolean {
  const line = content.slice(content.lastIndexOf("\n", i - 1) + 1, i);
  return ((line.match(/(?<!\\)"/g) ?? []).length % 2 === 1) || ((line.match(/(?<!\\)'/g) ?? []).length % 2 === 1);
}

/** In test code a string literal is an input to the code under test (a sanitizer's hostile sample), not hidden code. */
function inTestInput(content: string, i: number, ranges: CodeRanges | null, testCode: boolean): boolean {
  if (!testCode) return false;
  return ranges ? !inside(i, ranges.comments) && inside(i, ranges.strings) !== null : naiveInString(content, i);
}

// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...) and the bidi controls that are isolates.
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const lineAround = (content: string, i: number) => content.slice(content.lastIndexOf("\n", i) + 1, (content.indexOf("\n", i) + 1 || content.length + 1) - 1);

/**
 * A line whose only bidi controls are isolates, each closed on the line and each wrapping right-to-left text
 * ("Cairo (<FSI>القاهرة<PDI>)"): how RTL words are shown inside LTR text. Trojan Source reorders code: an
 * override or embedding, an isolate left open, or an isolate around left-to-right code ("<LRI>if is_admin<PDI>").
 */
function rtlIsolatesOnly(line: string): boolean {
  if (/[\u202A-\u202E]/.test(line) || !balanced(line)) return false;
  const spans = [...line.matchAll(/[\u2066-\u2068]([^\u2066-\u2069]*)\u2069/g)];
  return spans.length > 0 && spans.every((m) => RTL_LETTER.test(m[1]!)) && !/[\u2066-\u2069]/.test(line.replace(/[\u2066-\u2068][^\u2066-\u2069]*\u2069/g, ""));
}

/**
 * A control in code that sits inside a regular expression's character class (`/^[\u2066-\u2069]+$/` written with the
 * characters themselves): a pattern that lists the controls to find or strip them, not text shown out of order.
 */
function inCharacterClass(content: string, i: number): boolean {
  const before = content.slice(content.lastIndexOf("\n", i - 1) + 1, i);
  const open = before.lastIndexOf("[");
  if (open < 0 || before.indexOf("]", open) >= 0 || !/(^|[(=,:!&|?{};>]|return)\s*\/[^/\s]?[^/]*$/.test(before.slice(0, open))) return false;
  const after = content.slice(i, (content.indexOf("\n", i) + 1 || content.length + 1) - 1);
  if (!/^[^\]]*\][^/]*\/[dgimsuvy]*/.test(after)) return false;
  // ... only when the class closes what it opens (`[<LRI>-<PDI>]`): a lone override (`/[<RLO>]/`) reverses the rest of the line.
  const cls = before.slice(open) + after.slice(0, after.indexOf("]") + 1);
  return !/[\u202A\u202B\u202D\u202E](?![^\]]*\u202C)|[\u2066-\u2068](?![^\]]*\u2069)/.test(cls);
}

export function trojanSource(content: string, ranges: CodeRanges | null, testCode = false): Hit[] {
  const out: Hit[] = [];
  const judged = new Set<number>();
  for (const m of content.matchAll(BIDI)) {
    const i = m.index!;
    if (inTestInput(content, i, ranges, testCode)) continue;
    const lit = ranges && !inside(i, ranges.comments) ? inside(i, ranges.strings) : null;
    if (lit) {
      if (judged.has(lit[0])) continue;
      judged.add(lit[0]);
      if (balanced(content.slice(lit[0], lit[1]))) continue;
      out.push(hit(content, i, i + 1, `bidirectional control ${codePoint(m[0])} left open in a string literal: the code shown is not the code that runs (Trojan Source)`));
      continue;
    }
    const comment = ranges ? inside(i, ranges.comments) : null;
    if (!comment && inCharacterClass(content, i)) continue;
    if (comment && rtlIsolatesOnly(lineAround(content, i))) continue;
    const where = comment ? "in a comment" : "in code";
    out.push(hit(content, i, i + 1, `bidirectional control ${codePoint(m[0])} ${where}: the code shown is not the code that runs (Trojan Source)`));
  }
  return out;
}

function joinerIsLegit(ch: string, before: string, after: string): boolean {
  if (ch === "\u200D" && EMOJI.test(before) && EMOJI.test(after)) return true;
  const script = (c: string) => c.codePointAt(0)! > 0x24f && JOINING_SCRIPT.test(c);
  return (ch === "\u200C" || ch === "\u200D") && (script(before) || script(after));
}

/**
 * A literal that holds only invisible characters and stands as an entry of a table, a named entry's value or an
 * argument ("('\uFEFF', r'{}')", `"&NoBreak;": "\u2060"`, ".replace('\u200B', '')"): the program handles that
 * character by name of its value, it does not disguise a string that looks like another.
 */
function characterEntry(content: string, [from, to]: [number, number]): boolean {
  const body = content.slice(from, to).replace(/^[a-zA-Z]*(["'`])|(["'`])$/g, "");
  if (!body || !/^[\u200B-\u200D\u2060\uFEFF\u180E]+$/.test(body)) return false;
  const prev = content.slice(Math.max(0, from - 40), from).trimEnd().slice(-1);
  const next = content.slice(to, to + 40).trimStart().slice(0, 1);
  // ... or the value of a named entry (`"&ZeroWidthSpace;": "\u200B",`: an entity table).
  return "([{,:".includes(prev) && prev !== "" && ",)]}:".includes(next) && next !== "";
}

/**
 * `code`: zero-width characters in identifiers and strings, tag characters anywhere; `text`: tag characters only.
 * `catalogue`: the file's strings are display text (a translation catalogue): zero-width characters in them are
 * left alone, tag characters are not.
 */
/** What an invisible padding run is made of: zero-width and direction marks, no-break and plain spaces, soft hyphens. */
const PAD = /[\u00A0\u00AD\u034F\u200B-\u200F\u2060\uFEFF ]/;

/**
 * Whether the zero-width character at `i` sits in a run of padding that repeats one short group at least three times
 * (e-mail preheaders fill their hidden preview with `&nbsp;&zwnj;&#8203;...` repeated, react-email's `<Preview>`
 * output): a constant repetition carries no hidden message, and a run that no letter or digit touches makes no two
 * names or words look equal.
 */
function repeatedPadding(content: string, i: number): boolean {
  let a = i, b = i + 1;
  while (a > 0 && PAD.test(content[a - 1]!)) a--;
  while (b < content.length && PAD.test(content[b]!)) b++;
  if (IDENT.test(content[a - 1] ?? "") || IDENT.test(content[b] ?? "")) return false;
  const run = content.slice(a, b).trim();
  // A run long enough to be filler (a preheader repeats its group dozens of times); three zero-width spaces in a string
  // compared with a password look like an empty one.
  if (run.length < 12) return false;
  for (let p = 1; p <= 16 && 3 * p <= run.length; p++) {
    let k = 0;
    while (k + p < run.length && run[k] === run[k + p]) k++;
    if (k + p === run.length) return true;
  }
  return false;
}

export function invisibleCharacters(content: string, ranges: CodeRanges | null, mode: "code" | "text", testCode = false, catalogue = false): Hit[] {
  const out: Hit[] = [];
  for (const m of content.matchAll(TAGS)) {
    // An emoji tag sequence (a subdivision flag) is 🏴 + tags + CANCEL TAG; any other tag run is hidden text.
    if (m[1] && m[3]) continue;
    if (mode === "code" && inTestInput(content, m.index!, ranges, testCode)) continue;
    out.push(hit(content, m.index!, m.index! + m[0].length, `${[...m[2]!].length} invisible Unicode tag character(s): hidden text a model reads and a reviewer does not see`));
  }
  if (mode === "text") return out;
  for (const m of content.matchAll(ZERO_WIDTH)) {
    const i = m.index!;
    if (i === 0 && m[0] === "\uFEFF") continue;
    if ((ranges && inside(i, ranges.comments)) || inTestInput(content, i, ranges, testCode)) continue;
    const before = [...content.slice(Math.max(0, i - 2), i)].pop() ?? "";
    const after = [...content.slice(i + 1, i + 3)][0] ?? "";
    const lit = ranges ? inside(i, ranges.strings) : null;
    const inString = ranges ? lit !== null : naiveInString(content, i);
    if (inString) {
      // In a string, a joiner right after an emoji is that emoji's sequence, whatever follows (jitsu's `💁🏻‍ Adjusted`
      // lost its ♀️): text shown to a person, not a second string that looks like the first.
      if (catalogue || joinerIsLegit(m[0], before, after) || repeatedPadding(content, i) || (m[0] === "\u200D" && EMOJI.test(before)) || (lit && characterEntry(content, lit))) continue;
      out.push(hit(content, i, i + 1, `zero-width character ${codePoint(m[0])} inside a string literal: two strings that look equal are not`));
    } else if ((IDENT.test(before) || IDENT.test(after)) && !joinerIsLegit(m[0], before, after)) {
      // At either edge of a name too ("isAdmin\u200C"): a second variable that looks like the first.
      const where = IDENT.test(before) && IDENT.test(after) ? "inside" : "at the edge of";
      out.push(hit(content, i, i + 1, `zero-width character ${codePoint(m[0])} ${where} an identifier: two names that look equal are not`));
    }
  }
  return out;
}
