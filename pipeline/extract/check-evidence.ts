// Check each finding against the file it reviewed: the line must exist and quoted evidence must occur
// near it. Findings that fail are kept and marked unverified, never dropped.
import type { CheckedItem, Item } from "../kb/schemas/review-answer";

/** How many lines either side of the cited line the quoted evidence may sit (models are often off by a few). */
export const EVIDENCE_WINDOW = 3;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The code fragments a piece of evidence quotes: backticked or quoted spans, else the whole text. */
export function quotedFragments(evidence: string): string[] {
  const ticks = [...evidence.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const raw = ticks.length ? ticks : [evidence];
  // "foo(...)" style elisions: every part must be there.
  return raw
    .flatMap((f) => f.split(/\s*(?:\.\.\.|\u2026)\s*/))
    .map((f) => squash(f.replace(/^\s*\d+\s*\|\s?/gm, "")))
    .filter((f) => f.length >= 3);
}

export function checkItem(item: Item, lines: readonly string[], opts: { requireLocation: boolean }): CheckedItem {
  const n = lines.length;
  if (item.line !== undefined && item.line > n) {
    return { ...item, verified: false, unverified_reason: `line ${item.line} is past the end of the file (${n} lines)` };
  }
  if (!item.evidence) {
    if (item.line !== undefined || !opts.requireLocation) return { ...item, verified: true };
    return { ...item, verified: false, unverified_reason: "no line or evidence to check" };
  }
  const frags = quotedFragments(item.evidence);
  if (frags.length === 0) return { ...item, verified: item.line !== undefined || !opts.requireLocation };
  const lo = item.line !== undefined ? Math.max(1, item.line - EVIDENCE_WINDOW) : 1;
  const hi = item.line !== undefined ? Math.min(n, item.line + EVIDENCE_WINDOW) : n;
  const window = squash(lines.slice(lo - 1, hi).join("\n"));
  if (frags.every((f) => window.includes(f))) return { ...item, verified: true };
  const where = item.line !== undefined ? `near line ${item.line}` : "anywhere in the file";
  return { ...item, verified: false, unverified_reason: `quoted evidence not found ${where}` };
}

/**
 * Critical failures and verified components must be locatable; missing components describe code that
 * is absent, so they are only checked when they cite a line.
 */
export function checkAnswerItems(
  answer: { critical_failures: Item[]; verified_components: Item[]; missing_components: Item[] },
  lines: readonly string[],
) {
  const critical_failures = answer.critical_failures.map((i) => checkItem(i, lines, { requireLocation: true }));
  const verified_components = answer.verified_components.map((i) => checkItem(i, lines, { requireLocation: true }));
  const missing_components = answer.missing_components.map((i) => checkItem(i, lines, { requireLocation: false }));
  const unverified = [...critical_failures, ...verified_components, ...missing_components].filter((i) => !i.verified).length;
  return { critical_failures, verified_components, missing_components, unverified };
}
