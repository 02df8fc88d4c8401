// Which KB iterations a claim is about: "iter 3 → iter 4", "iterations 3 to 4", "iter 4", read from the
// claim's line, else the nearest line above it that sets a scope (a heading, "iter 3 → iter 4:"); else the
// KB's last two.
import type { Message, MsgLine } from "./message";

/** What the text names: a pair, or one iteration (the later side; the earlier is the one before it in the KB). */
export interface IterScope {
  from: number | null;
  to: number | null;
  /** Where it was read: "line 3", or "default" (the KB's last two iterations). */
  source: string;
}

const WORD = String.raw`\biter(?:ation)?s?[\s#-]*`;
const MENTION = new RegExp(String.raw`${WORD}(\d+)(?:\s*(?:→|->|⟶|=>|\.\.|\bto\b|\bvs\.?)\s*(?:iter(?:ation)?[\s#-]*)?(\d+))?`, "gi");

/** Iteration mentions on one line, in order: pairs as [from, to], single ones as [null, n]. */
function mentionsIn(text: string): [number | null, number][] {
  return [...text.matchAll(MENTION)].map((m) => (m[2] ? [Number(m[1]), Number(m[2])] : [null, Number(m[1])]));
}

/** One line's scope: its pair, or two single mentions in order (the compare headline: "iter 3 (...): ...; iter 4 (...)"), or one. */
function lineScope(text: string): { from: number | null; to: number } | null {
  const ms = mentionsIn(text);
  const pair = ms.find((m) => m[0] !== null);
  if (pair) return { from: pair[0], to: pair[1] };
  if (ms.length >= 2) return { from: ms[0]![1], to: ms[1]![1] };
  return ms[0] ? { from: null, to: ms[0][1] } : null;
}

/**
 * A line that sets the scope for the lines below it: a heading, the subject line, a line ending in ":"
 * ("iter 3 → iter 4:"), or a line that is little more than the mention ("Iteration 4"). A mention inside a
 * claim's own line ("db.rs 4 → 5 (iter 2 → iter 3)") is that claim's, and does not carry down.
 */
function setsScope(l: MsgLine): boolean {
  const rest = l.body.replace(MENTION, " ");
  const words = rest.replace(/[^A-Za-z]+/g, " ").trim().split(" ").filter(Boolean).length;
  return l.heading || l.n === 1 || /:\s*$/.test(l.body) || (words <= 3 && !/\d/.test(rest));
}

/** The scope of a claim on `line`: its own line's mention, else the nearest scope-setting line above, else the default. */
export function scopeFor(msg: Message, line: MsgLine): IterScope {
  const own = lineScope(line.body);
  if (own) return { ...own, source: `line ${line.n}` };
  for (let i = line.n - 2; i >= 0; i--) {
    const l = msg.lines[i]!;
    if (l.skip) continue;
    const s = lineScope(l.body);
    if (s && setsScope(l)) return { ...s, source: `line ${l.n}` };
  }
  return { from: null, to: null, source: "default" };
}
