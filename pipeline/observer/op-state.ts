// In-memory view of ops.jsonl: totals over the whole file and a ring of the most recent rows.
import type { OpRow } from "./event";
import { Ring } from "./ring";

export interface Totals {
  total: number;
  successes: number;
  failures: number;
  by_source: Record<string, number>;
}

/** Told of each stored row with its sequence number (its 1-based line among the log's valid rows). */
export type OpListener = (seq: number, row: OpRow) => void;

export class OpState {
  readonly ring: Ring<OpRow>;
  readonly totals: Totals = { total: 0, successes: 0, failures: 0, by_source: {} };
  private listeners = new Map<OpListener, () => void>();
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
    for (const l of this.listeners.keys()) l(this.totals.total, row);
  }
  /** Follow stored rows (the live stream); `onClose` is called when the observer stops. Returns the unsubscribe. */
  subscribe(l: OpListener, onClose: () => void = () => {}): () => void {
    this.listeners.set(l, onClose);
    return () => void this.listeners.delete(l);
  }
  /** The observer is stopping: end every live stream (an open stream would keep the server from stopping). */
  close(): void {
    const closers = [...this.listeners.values()];
    this.listeners.clear();
    for (const c of closers) c();
  }
  /** Rows in the ring after sequence `seq`, oldest first, and how many after it the ring no longer holds. */
  since(seq: number): { rows: [number, OpRow][]; missed: number } {
    const rows = this.ring.toArray();
    const first = this.totals.total - rows.length + 1;
    // A sequence past the end means the log was replaced: start over from what the ring holds.
    const from = seq > this.totals.total ? first : Math.max(seq + 1, first);
    return { rows: rows.slice(from - first).map((r, i) => [from + i, r]), missed: seq > this.totals.total ? 0 : Math.max(0, first - seq - 1) };
  }
  /** The newest `limit` rows of one source, newest first. */
  recent(source: string, limit: number): OpRow[] {
    const out: OpRow[] = [];
    const rows = this.ring.toArray();
    for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) if (rows[i]!.source === source) out.push(rows[i]!);
    return out;
  }
}
