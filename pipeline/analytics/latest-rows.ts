// One review row per (repo, iter, file, chunk): the last one written wins.
// The sweep never writes duplicates, but a KB assembled by hand or by an older tool can hold some; the SQL
// path does the same (query/reviews-cache.ts, lastPerKey), and a test holds the two equal.
import type { ReviewRow } from "../kb/schemas/review-row";

const keyOf = (r: ReviewRow) => `${r.repo}\u0000${r.iter}\u0000${r.file}\u0000${r.chunk}`;

/** The rows without earlier duplicates, in file order; the same array when there are none. */
export function latestRows(rows: readonly ReviewRow[]): ReviewRow[] {
  const last = new Map<string, number>();
  rows.forEach((r, i) => last.set(keyOf(r), i));
  if (last.size === rows.length) return rows as ReviewRow[];
  return rows.filter((r, i) => last.get(keyOf(r)) === i);
}
