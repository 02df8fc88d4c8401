// Whether an iteration's night is whole: every shard named by its run rows has a clean end row. Pure.
import type { RunRow } from "../kb/schemas/run-row";

export interface NightStatus {
  iter: number;
  nights: string[];
  /** Shard count the runs name (null: unsharded). */
  count: number | null;
  /** Shards (1-based) without a clean end row. */
  missing: number[];
}

export function nightStatus(runs: readonly RunRow[], iter: number): NightStatus {
  const mine = runs.filter((r) => r.iter === iter);
  const nights = [...new Set(mine.flatMap((r) => (r.night ? [r.night] : [])))].sort();
  const counts = mine.flatMap((r) => (r.shard ? [r.shard.count] : []));
  if (!counts.length) return { iter, nights, count: null, missing: [] };
  const count = Math.max(...counts);
  const ended = new Set(mine.filter((r) => r.phase === "end" && !r.interrupted && r.shard).map((r) => r.shard!.index));
  return { iter, nights, count, missing: Array.from({ length: count }, (_, i) => i + 1).filter((i) => !ended.has(i)) };
}
