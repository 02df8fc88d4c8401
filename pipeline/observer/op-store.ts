// Durable append-only ops log: every acknowledged event is in ops.jsonl and fsynced before the reply.
import { mkdirSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { OpRow } from "./event";
import { scanJsonl } from "./scan-jsonl";

type Warn = (msg: string) => void;

interface Pending {
  line: string;
  row: OpRow;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Appends rows with group commit: rows that arrive while an fsync is running wait for the next
 * write+fsync together, so throughput grows with concurrency while no append resolves before the
 * fsync that covers it.
 */
export class OpStore {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /** A torn tail (from a crash or a failed write) must not glue onto the next row. */
  private needsNewline: boolean;
  private closed = false;

  private constructor(
    readonly path: string,
    private fh: FileHandle,
    tornTail: boolean,
    private onCommit: (row: OpRow) => void,
  ) {
    this.needsNewline = tornTail;
  }

  /** Open (creating) the log, replaying every valid row into `onRow` first; bad lines are warned and skipped. */
  static async open(path: string, opts: { onRow: (row: OpRow) => void; warn: Warn }): Promise<OpStore> {
    mkdirSync(dirname(path), { recursive: true });
    const scan = scanJsonl(path, (text, lineNo, unterminated) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        opts.warn(`scrum: warning: ${path}:${lineNo}: ${unterminated ? "torn last line (interrupted write), skipped" : "not valid JSON, skipped"}`);
        return;
      }
      const r = OpRow.safeParse(raw);
      if (r.success) opts.onRow(r.data);
      else opts.warn(`scrum: warning: ${path}:${lineNo}: not an op row (${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message}), skipped`);
    });
    const fh = await open(path, "a");
    return new OpStore(path, fh, scan.tornTail, opts.onRow);
  }

  /** Resolves once the row is written and fsynced; rejects if the write or fsync fails. */
  append(row: OpRow): Promise<void> {
    if (this.closed) return Promise.reject(new Error("op store is closed"));
    return new Promise((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(row) + "\n", row, resolve, reject });
      if (!this.flushing) this.flushing = this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0);
      const text = (this.needsNewline ? "\n" : "") + batch.map((p) => p.line).join("");
      try {
        await this.fh.write(text);
        await this.fh.sync();
        this.needsNewline = false;
      } catch (e) {
        this.needsNewline = true;
        for (const p of batch) p.reject(e);
        continue;
      }
      for (const p of batch) {
        this.onCommit(p.row);
        p.resolve();
      }
    }
    this.flushing = null;
  }

  /** Wait for in-flight appends, then close the file. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.fh.close();
  }
}
