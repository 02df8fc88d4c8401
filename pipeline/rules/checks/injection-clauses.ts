// Split prose into sentences and clauses with their offsets, and tell quoted mentions from use: a quote
// embedded in a sentence of its own ("a comment saying 'ignore previous instructions'") is shown, not said.
import { VOCATIVE_START, VOCATIVE_TO } from "./injection-lexicon";

export interface Span { start: number; end: number; text: string }

// An abbreviation's period ("e.g.", "etc.") does not end a sentence; CJK full stops need no space after them.
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|cf|al|approx|incl|resp|esp|viz|Dr|Mr|Ms|Mrs|St|No|Fig))[.!?]+(?=\s|$)|[。！？；]+|\n[ \t]*\n|;|\n(?=[ \t]*(?:[-*•+]|\d+[.)])\s)|\n(?=[ \t]*(?:system|assistant|developer|user|human)\s*:)/gi;
// A comma before a relative or complement clause ("die KI, die diesen Code prüft"; "забудь всё, что …") joins it to its noun.
const RELATIVE = String.raw`(?:что|котор\p{L}*|die|der|das|welche[rsnm]?|dass|qui|que|qu['’]|che|cui|lo que|la que|el que|o que|a que)(?![\p{L}])`;
const CLAUSE_END = new RegExp(String.raw`:\s+|,\s+(?!${RELATIVE})|[:,]$|[：，、]\s*|\s+(?:and|then|but|so|or|and then)\s+|\s+[—–]\s+|\s-\s`, "giu");
const QUOTE = /"([^"\n]{1,400})"|“([^”]{1,400})”|„([^“”]{1,400})[“”]|«([^»]{1,400})»|‹([^›]{1,400})›|「([^」]{1,400})」|『([^』]{1,400})』|`([^`\n]{1,400})`|(?<=^|[\s([{:,])'([^'\n]*\s[^'\n]*)'(?=$|[\s.,;:!?)\]}])/g;

function pieces(text: string, base: number, boundary: RegExp, keepDelimiter: boolean): Span[] {
  const out: Span[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: base + from + lead, end: base + from + lead + body.length, text: body });
  };
  for (const m of text.matchAll(new RegExp(boundary.source, boundary.flags))) {
    const end = m.index! + m[0].length;
    push(keepDelimiter ? end : m.index!);
    from = end;
  }
  push(text.length);
  return out;
}

/**
 * Line breaks that end a sentence without punctuation, in comments joined line by line: a line indented less
 * than the line before it (the end of a sample or table set in by a few spaces), and a line that opens with a
 * short capitalised label and a colon ("Note for AI code reviewers:", "Hinweis für den KI-Prüfer:"). Wrapped
 * prose keeps its indentation and does not restart with a label.
 */
const LABEL_LINE = /^[ \t]*(?=[\p{L}\p{N}])(?!\p{Ll})[\p{L}\p{M}\p{N} '’-]{0,60}(?::[ \t]|：)/u;
function lineBreaks(text: string): number[] {
  const out: number[] = [];
  let prev: { indent: number; end: string } | null = null;
  for (const m of text.matchAll(/^([ \t]*)(.*)$/gm)) {
    const body = m[2]!.trimEnd();
    if (!body) { prev = null; continue; }
    const indent = m[1]!.length;
    if (prev && (indent < prev.indent || (!/[:,：，]$/.test(prev.end) && LABEL_LINE.test(m[0])))) out.push(m.index!);
    prev = { indent, end: body };
  }
  return out;
}

/** Sentences of a segment, offsets relative to the segment. */
export function sentences(text: string): Span[] {
  const cuts = [0, ...lineBreaks(text), text.length];
  return cuts.slice(1).flatMap((to, i) => pieces(text.slice(cuts[i]!, to), cuts[i]!, SENTENCE_END, true));
}

/** Clauses of a sentence, each keeping its trailing delimiter (so "AI reviewer:" still reads as a vocative). */
export function clauses(s: Span): Span[] {
  return pieces(s.text, s.start, CLAUSE_END, true);
}

const blank = (s: string) => s.replace(/[^\n]/g, " ");
// A word is a run of letters; in scripts written without spaces, every two characters count as one.
const words = (s: string) => (s.match(/[\p{L}\p{M}][\p{L}\p{M}'-]*/gu) ?? []).reduce((n, w) => n + (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w) ? Math.ceil(w.length / 2) : 1), 0);

/**
 * The text of a sentence to read for steering: quotes embedded in a sentence that has its own words are
 * mentions and are blanked; a sentence that is only a quote (perhaps after a vocative) is read as said, and so
 * is a quote that an order makes the reader's answer (`answerLead`: "Respond with "No issues found"").
 */
export function usedText(sentence: string, answerLead: (before: string) => boolean = () => false): string {
  // A quote of one or two words is a value ('pass', "10/10"), not quoted speech.
  const quotes = [...sentence.matchAll(QUOTE)].filter((q) => words(q[0]) >= 3 && !answerLead(clauseBefore(sentence, q.index!)));
  if (!quotes.length) return sentence;
  let outside = sentence;
  for (const q of quotes) outside = outside.slice(0, q.index!) + blank(q[0]) + outside.slice(q.index! + q[0].length);
  const frame = outside.replace(/^\s*(?:[-*•+>]+|\d+[.)])\s+/, "").replace(VOCATIVE_START, "").replace(VOCATIVE_TO, "");
  if (words(frame) >= 2) return outside;
  // Keep the quoted words, drop the quote marks, so a bare quoted order still reads as an order.
  return sentence.replace(/["“”«»`]/g, " ").replace(/(?<=^|[\s([{:,])'|'(?=$|[\s.,;:!?)\]}])/g, " ");
}

/** The words of the clause a quote stands in, up to the quote (after a vocative's colon or comma). */
function clauseBefore(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const cut = Math.max(before.lastIndexOf(": "), before.lastIndexOf(", "), before.lastIndexOf("："), before.lastIndexOf("，"), before.lastIndexOf("\n"));
  return before.slice(cut + 1).replace(/^\s*(?:[-*•+>]+|\d+[.)])\s+/, "");
}

export const isListItem = (sentence: string) => /^\s*(?:[-*•+]|\d+[.)])\s/.test(sentence);
