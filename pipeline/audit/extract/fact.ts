// Everything else stated as fact: a sentence no other grammar claimed that asserts an outcome. No rule
// checks these (`unverifiable`); `scrum audit --ladder NAME` asks a model with the diff as evidence.
//
//   no false positives yet      verified live on staging      all 21 files pass      the leak is fixed
//   requests without a key are now rejected      the cache no longer grows      the handler now retries
// Not a fact claim: a question ("is the leak fixed?"), a heading, "Fix the leak" (an imperative subject
// states intent: the other grammars check what it did), a sentence of under three words.
import type { Claim, Extractor, FactClaim } from "../claim";
import { proseLines, sentences } from "../message";

const OUTCOME = /\b(no|zero|none|never|nothing|verified|confirmed|validated|proven|tested|pass(?:es|ing|ed)?|green|works|working|fixed|resolved|landed|clean|stable|deterministic|idempotent|guaranteed|eliminated|removed|gone)\b|\b100\s?%/i;
/** A state asserted of the system: "requests are now rejected", "the cache no longer leaks", "X was replaced". */
const STATE = /\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|no\s+longer\s+|always\s+|fully\s+)?\w+(?:ed|en)\b|\bnow\s+\w+s\b|\bno\s+longer\b/i;
const MARKER = { test: (s: string) => OUTCOME.test(s) || STATE.test(s) };

/** Fact claims of the sentences that carry none of `others` (changed-file paths do not count: "- a.ts: fixed X" is both). */
export function extractFacts(msg: Parameters<Extractor>[0], others: readonly Claim[]): FactClaim[] {
  const out: FactClaim[] = [];
  for (const line of proseLines(msg)) {
    if (line.heading) continue;
    const mine = others.filter((c) => c.line === line.n && c.kind !== "changed_file");
    for (const s of sentences(line)) {
      if (mine.some((c) => c.start < s.end && c.end > s.start)) continue;
      if (s.text.endsWith("?") || s.text.split(/\s+/).length < 3 || !MARKER.test(s.text)) continue;
      out.push({ kind: "fact", text: s.text, line: line.n, start: s.start, end: s.end });
    }
  }
  return out;
}
