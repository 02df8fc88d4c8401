// Which languages a text is written in, line by line, so a grammar reads only the lines of its own language.
// A language with a script of its own (Cyrillic, Han, kana) is present wherever a character of it is. The
// languages written in the Latin script share the script and some words ("que", "la"), so a line counts as one
// of them when enough of its words (or accented letters) are that language's signature: an English line with
// an accented name is not Spanish; a line of Spanish in an English README is. This gate sees every walked
// file, code included, so it reads words with set lookups (no regex alternation per character), and one
// reading of a text serves every Latin-script language (the grammars ask in turn about the same text).
import type { GrammarSpec } from "./injection-grammar";

/** The share of a line's words that must be a language's signature words for the line to be in that language. */
export const SIGNATURE_SHARE = 0.15;

/** A signature entry in brackets ("[ñáéíóú]") lists letters, counted wherever they stand; the others are words. */
const isLetters = (e: string) => /^\[[^\]]+\]$/.test(e);
const ownScript = (s: GrammarSpec) => s.spacing === "none" || s.words.signature.some((e) => e.includes("\\p{"));

interface Latin { id: string; words: Set<string>; letters: Set<string> }

function latinOf(s: GrammarSpec): Latin {
  const sig = s.words.signature;
  return {
    id: s.id,
    words: new Set(sig.filter((e) => !isLetters(e)).map((e) => e.toLowerCase().replace(/’/g, "'"))),
    letters: new Set(sig.filter(isLetters).flatMap((e) => [...e.slice(1, -1).toLowerCase()])),
  };
}


/**
 * Count, for each line of a lower-cased text, its words and each language's signature words and letters. A word
 * is a run of letters; an elided article is split off ("l'ia" → "l'", "ia"); a run joined to digits, "_", "/",
 * "@" or an inner "." is a piece of a hash, path, host name or identifier ("4d00cd4ce7", "github.com") and not
 * counted. A hand-written scanner: this runs over every walked file.
 */
interface Lookup {
  owners: Map<number, { word: string; langs: number[] }[]>;
  buckets: Uint8Array;
  accents: Set<number>;
}

/** Built once per set of languages: building it per text cost more than the scan itself. */
const lookups = new WeakMap<Latin[], Lookup>();

function lookupOf(latin: Latin[]): Lookup {
  const got = lookups.get(latin);
  if (got) return got;
  // One lookup per word for every language, by a hash of its characters (no string is made unless it hits).
  const owners = new Map<number, { word: string; langs: number[] }[]>();
  latin.forEach((l, k) => l.words.forEach((w) => {
    const list = owners.get(hashOf(w)) ?? [];
    const entry = list.find((e) => e.word === w);
    if (entry) entry.langs.push(k);
    else list.push({ word: w, langs: [k] });
    owners.set(hashOf(w), list);
  }));
  // A bit per hash bucket: most words are not signature words, and a bit test is cheaper than a map lookup.
  const buckets = new Uint8Array(1 << 16);
  for (const k of owners.keys()) buckets[k & 0xffff] = 1;
  const accents = new Set(latin.flatMap((l) => [...l.letters]).map((ch) => ch.charCodeAt(0)));
  const made = { owners, buckets, accents };
  lookups.set(latin, made);
  return made;
}

function scanLines(lower: string, latin: Latin[], onLine: (from: number, to: number, words: number, counts: Int32Array) => void): void {
  const counts = new Int32Array(latin.length);
  const { owners, buckets, accents } = lookupOf(latin);
  let words = 0, lineFrom = 0, tokFrom = -1, bad = false, h = 0, any = false;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 10;
    if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f && c !== 0xf7)) {
      if (tokFrom < 0) tokFrom = i;
      h = (Math.imul(h, 31) + c) | 0;
      if (c >= 0xdf && accents.has(c)) {
        for (let k = 0; k < latin.length; k++) if (latin[k]!.letters.has(lower[i]!)) counts[k]!++;
        any = true;
      }
      continue;
    }
    const apostrophe = c === 39 || c === 0x2019;
    if (apostrophe && tokFrom >= 0 && i - tokFrom <= 3 && !bad) {
      // "l'", "qu'", "dell'": the elided article is a word of its own.
      words++;
      const ha = (Math.imul(h, 31) + 39) | 0;
      const list = buckets[ha & 0xffff] ? owners.get(ha) : undefined;
      if (list) {
        const w = lower.slice(tokFrom, i) + "'";
        for (const e of list) if (e.word === w) for (const k of e.langs) { counts[k]!++; any = true; }
      }
      tokFrom = -1;
      h = 0;
      continue;
    }
    const joiner = (c >= 48 && c <= 57) || c === 95 || c === 47 || c === 64 || c === 46;
    if (joiner) {
      const next = lower.charCodeAt(i + 1);
      const inner = c !== 46 || (next >= 97 && next <= 122) || (next >= 48 && next <= 57);
      if (tokFrom >= 0 && inner) { bad = true; continue; }
      if (tokFrom < 0 && c !== 46) { tokFrom = i; bad = true; continue; }
    }
    if (tokFrom >= 0) {
      if (!bad) {
        words++;
        const list = buckets[h & 0xffff] ? owners.get(h) : undefined;
        if (list) {
          const w = lower.slice(tokFrom, i);
          for (const e of list) if (e.word === w) for (const k of e.langs) { counts[k]!++; any = true; }
        }
      }
      tokFrom = -1;
      bad = false;
      h = 0;
    }
    if (c === 10) {
      if (any) {
        onLine(lineFrom, i, words, counts);
        counts.fill(0);
        any = false;
      }
      words = 0;
      lineFrom = i + 1;
    }
  }
}

function hashOf(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + (w.charCodeAt(i) === 0x2019 ? 39 : w.charCodeAt(i))) | 0;
  return h;
}

/** The lines of `text` written in language `id` ("" when none), for every language of `specs`. */
export function languageGate(specs: readonly GrammarSpec[]): (id: string, text: string) => string {
  const scripts = new Map(specs.filter(ownScript).map((s) => [s.id, new RegExp(`(?:${s.words.signature.join("|")})`, "u")]));
  const latin = specs.filter((s) => !ownScript(s)).map(latinOf);
  let lastText: string | null = null;
  let lastLines = new Map<string, string>();

  function latinLines(text: string): Map<string, string> {
    const out = new Map<string, string>();
    scanLines(text.toLowerCase(), latin, (from, to, words, counts) => {
      if (!words) return;
      counts.forEach((n, k) => {
        if (n && n / words >= SIGNATURE_SHARE) out.set(latin[k]!.id, (out.get(latin[k]!.id) ?? "") + text.slice(from, to) + "\n");
      });
    });
    return out;
  }

  return (id, text) => {
    const script = scripts.get(id);
    if (script) return script.test(text) ? text : "";
    if (text !== lastText) {
      lastText = text;
      lastLines = latinLines(text);
    }
    return lastLines.get(id) ?? "";
  };
}

/** The share of a text's words that are a Latin-script language's signature (to rank languages that share words). */
export function signatureShare(spec: GrammarSpec): ((text: string) => number) | undefined {
  if (ownScript(spec)) return undefined;
  const l = [latinOf(spec)];
  return (text) => {
    let n = 0, all = 0;
    scanLines(text.toLowerCase(), l, (_f, _t, words, counts) => { n += counts[0]!; all += words; });
    return n / Math.max(1, all);
  };
}
