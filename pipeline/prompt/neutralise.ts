// Before the file leaves for a model, text in it that imitates the prompt's own structure is marked so it
// cannot pass for it: fence markers, chat role tokens, and fields of the answer contract in an answer-shaped
// run of lines. Hidden Unicode is written out. Each line stays one line: line numbers never move.
import { showHidden } from "../rules/checks/hidden-unicode";

const FENCE_LIKE = /<<<(\s*(?:END\s+)?[A-Z][A-Z0-9_-]*(?:\s[^<>\n]*)?)>>>/g;
const CHAT_TOKEN = /<\|([a-z_]+)\|>|\[(\/?INST)\]|<<(\/?SYS)>>/gi;
const KEY = /(["']?)\b(verdict|score|confidence|critical_failures|verified_components|missing_components|summary|static_claims)\b\1(?=\s*[:=])/gi;
const DISTINCT = new Set(["verdict", "critical_failures", "verified_components", "missing_components", "static_claims"]);
/** Key lines at most this many lines apart belong to one object or markdown answer. */
const GAP = 1;

function keysOf(line: string): string[] {
  return [...line.matchAll(KEY)].map((m) => m[2]!.toLowerCase());
}

/** Lines of runs (key lines at most GAP apart) that hold two contract fields, one of them distinctive. */
function answerShaped(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  let keys = new Set<string>();
  const close = () => {
    if (keys.size >= 2 && [...keys].some((k) => DISTINCT.has(k))) for (const i of run) out.add(i);
    run = [];
    keys = new Set();
  };
  lines.forEach((line, i) => {
    const k = keysOf(line);
    if (!k.length) return;
    if (run.length && i - run[run.length - 1]! > GAP + 1) close();
    run.push(i);
    for (const x of k) keys.add(x);
  });
  close();
  return out;
}

export interface Neutralised {
  lines: string[];
  /** Imitations marked (fence markers, chat tokens, contract fields) and hidden characters written out. */
  count: number;
}

export function neutraliseLines(lines: readonly string[]): Neutralised {
  let count = 0;
  const mark = (s: string) => { count++; return s; };
  const shaped = answerShaped(lines);
  const out = lines.map((line, i) => {
    let l = line.replace(FENCE_LIKE, (_m, inner: string) => mark(`⟦<<${inner}>>⟧`));
    l = l.replace(CHAT_TOKEN, (m) => mark(`⟦${m.slice(1, -1)}⟧`));
    if (shaped.has(i)) l = l.replace(KEY, (_m, q: string, k: string) => mark(`${q}⟦${k}⟧${q}`));
    const shown = showHidden(l);
    if (shown !== l) count += (shown.match(/<U\+[0-9A-F]{4,6}>/g) ?? []).length - (l.match(/<U\+[0-9A-F]{4,6}>/g) ?? []).length;
    return shown;
  });
  return { lines: out, count };
}

/** The same for free text (a fix-wave section quoted into the prompt). */
export function neutraliseText(text: string): string {
  return neutraliseLines(text.split("\n")).lines.join("\n");
}
