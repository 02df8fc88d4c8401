// Which critical findings of a file recur between two iterations. Fingerprints bucket lines, so a finding
// that moves from L10 to L11 would change bucket, and two same-class findings in one bucket would collapse;
// here findings are compared by title key and matched to the nearest line within ±lineBucket, one to one.
// The SQL twin is in query/signals-sql.ts (matchSql); a test holds the two equal.
import { normalizeTitle } from "./fingerprint";

export interface KeyedFinding {
  /** normalizeTitle(title): the class or stems, without path or line. */
  key: string;
  line: number | null;
  fingerprint: string;
}

export interface FindingMatch {
  prev: number;
  last: number;
  matched: number;
  /** |matched| / (|prev| + |last| − |matched|) over occurrences; two empty sides are identical (1). */
  jaccard: number;
  /** Fingerprints (as of the later iteration) of the findings that recur, distinct and sorted. */
  recurring: string[];
}

/** One occurrence per (key, line): the same finding reported twice (overlapping chunks, two models) counts once. */
export function distinctFindings(items: readonly { title: string; line?: number | null; fingerprint: string }[]): KeyedFinding[] {
  const seen = new Map<string, KeyedFinding>();
  for (const f of items) {
    const key = normalizeTitle(f.title);
    const line = f.line && f.line >= 1 ? f.line : null;
    const id = `${key}\u0000${line ?? "-"}`;
    if (!seen.has(id)) seen.set(id, { key, line, fingerprint: f.fingerprint });
  }
  return [...seen.values()];
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Greedy one-to-one matching: candidate pairs share a key and are both without a line or at most
 * `lineBucket` lines apart; the nearest pairs are taken first (ties by key, then lines, ascending).
 * Returns the indexes of `last` that found a partner (the gate's --new-only reports the others).
 */
export function matchedLast(prev: readonly Omit<KeyedFinding, "fingerprint">[], last: readonly Omit<KeyedFinding, "fingerprint">[], lineBucket: number): Set<number> {
  const pairs: { d: number; key: string; pl: number; ll: number; i: number; j: number }[] = [];
  prev.forEach((p, i) => last.forEach((l, j) => {
    if (p.key !== l.key || (p.line === null) !== (l.line === null)) return;
    const d = p.line === null ? 0 : Math.abs(p.line - l.line!);
    if (d <= lineBucket) pairs.push({ d, key: p.key, pl: p.line ?? 0, ll: l.line ?? 0, i, j });
  }));
  pairs.sort((a, b) => a.d - b.d || cmp(a.key, b.key) || a.pl - b.pl || a.ll - b.ll);
  const usedP = new Set<number>(), usedL = new Set<number>();
  for (const x of pairs) {
    if (usedP.has(x.i) || usedL.has(x.j)) continue;
    usedP.add(x.i);
    usedL.add(x.j);
  }
  return usedL;
}

/** Counts, Jaccard and recurring fingerprints of the one-to-one matching (matchedLast). */
export function matchFindings(prev: readonly KeyedFinding[], last: readonly KeyedFinding[], lineBucket: number): FindingMatch {
  const usedL = matchedLast(prev, last, lineBucket);
  const matched = usedL.size;
  const union = prev.length + last.length - matched;
  return {
    prev: prev.length, last: last.length, matched,
    jaccard: union === 0 ? 1 : matched / union,
    recurring: [...new Set([...usedL].map((j) => last[j]!.fingerprint))].sort(),
  };
}
