// In-memory view of ops.jsonl: totals over the whole file and a ring of the most recent rows.
import type { OpRow } from "./event";
import { Ring } from "./ring";

export interface Totals {
  total: number;
  successes: number;
  failures: number;
  by_source: Record<string, number>;
}

export class OpState {
  readonly ring: Ring<OpRow>;
  readonly totals: Totals = { total: 0, successes: 0, failures: 0, by_source: {} };
  constructor(ringSize: number) {
    this.ring = new Ring<OpRow>(ringSize);
  }
  /** Count a row that is durably stored (called on load and after each fsync). */
  record(row: OpRow): void {
    this.ring.push(row);
    this.totals.total++;
    if (row.success) this.totals.successes++;
    else this.totals.failures++;
    this.totals.by_source[row.source] = (this.totals.by_source[row.source] ?? 0) + 1;
  }
  /** The newest `limit` rows of one source, newest first. */
  recent(source: string, limit: number): OpRow[] {
    const out: OpRow[] = [];
    const rows = this.ring.toArray();
    for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) if (rows[i]!.source === source) out.push(rows[i]!);
    return out;
  }
}
