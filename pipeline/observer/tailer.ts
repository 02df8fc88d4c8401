// Tail the overseer's corrections JSONL by byte offset; the offset survives restarts, rotation and truncation.
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { z } from "zod";
import { CorrectionLine, correctionToOp } from "./correction";
import { TailMark, type OpRow } from "./event";

/** The persisted read position: which file (inode + a hash of its head), how far we have read, and the poll seq. */
export const TailOffset = TailMark.extend({ schema_version: z.literal(1) });
export type TailOffset = z.infer<typeof TailOffset>;

const HEAD_BYTES = 256;
/** The most one step reads; a longer line is skipped with a warning rather than stalling the tailer. */
export const MAX_READ = 4 << 20;

export interface TailerDeps {
  path: string;
  offsetFile: string;
  append: (row: OpRow) => Promise<void>;
  now: () => Date;
  warn: (msg: string) => void;
  /** The newest tail mark found in the ops log at start: wins over an older offset file (crash before the save). */
  recovered?: TailMark | null;
  /** Largest read per step (tests shrink it). */
  maxRead?: number;
}

export interface PollResult {
  ingested: number;
  skipped: number;
}

function readRange(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, start);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Byte position of the first newline at or after `from`, or -1. */
function findNewline(path: string, from: number, size: number): number {
  for (let at = from; at < size; at += 1 << 20) {
    const i = readRange(path, at, Math.min(1 << 20, size - at)).indexOf(0x0a);
    if (i !== -1) return at + i;
  }
  return -1;
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** The later of two positions: a higher poll seq wins; within one poll the further offset. */
export function laterMark<T extends TailMark>(a: T | null, b: T | null): T | null {
  if (!a || !b) return a ?? b;
  if (b.seq !== a.seq) return b.seq > a.seq ? b : a;
  return b.ino === a.ino && b.offset > a.offset ? b : a;
}

export class CorrectionsTailer {
  private pos: TailMark | null;
  private seq: number;
  /** Polls run one at a time: two overlapping polls would read the same lines from the same offset. */
  private lock: Promise<unknown> = Promise.resolve();
  private readonly maxRead: number;

  constructor(private deps: TailerDeps) {
    const saved = this.load();
    const recovered = deps.recovered && deps.recovered.path === deps.path ? deps.recovered : null;
    this.pos = laterMark<TailMark>(saved, recovered);
    this.seq = Math.max(saved?.seq ?? 0, recovered?.seq ?? 0);
    this.maxRead = deps.maxRead ?? MAX_READ;
  }

  get offset(): number {
    return this.pos?.offset ?? 0;
  }

  private load(): TailMark | null {
    if (!existsSync(this.deps.offsetFile)) return null;
    try {
      const r = TailOffset.safeParse(JSON.parse(readFileSync(this.deps.offsetFile, "utf8")));
      if (r.success && r.data.path === this.deps.path) return r.data;
    } catch {
      // Unparseable offset file: fall through to the warning and start over.
    }
    this.deps.warn(`scrum: warning: ${this.deps.offsetFile}: unreadable tail offset, starting from the beginning of ${this.deps.path}`);
    return null;
  }

  private save(p: TailMark): void {
    const tmp = `${this.deps.offsetFile}.tmp`;
    writeFileSync(tmp, JSON.stringify({ schema_version: 1, ...p }) + "\n");
    renameSync(tmp, this.deps.offsetFile);
    this.pos = p;
  }

  /** Where to resume: 0 when the file was replaced (new inode), truncated, or rewritten (head changed). */
  private resumeAt(ino: number, size: number): number {
    const p = this.pos;
    if (!p || p.ino !== ino || size < p.offset) return 0;
    if (p.head_len > 0 && sha(readRange(this.deps.path, 0, p.head_len)) !== p.head) return 0;
    return p.offset;
  }

  /** Ingest every complete new line; a partial last line waits for its newline. Calls are serialised. */
  poll(): Promise<PollResult> {
    const run = this.lock.then(() => this.drain());
    this.lock = run.catch(() => {
      // The caller of this poll gets the error; the next poll must still run.
    });
    return run;
  }

  private async drain(): Promise<PollResult> {
    const total = { ingested: 0, skipped: 0 };
    for (;;) {
      const r = await this.step();
      total.ingested += r.ingested;
      total.skipped += r.skipped;
      if (!r.more) return total;
    }
  }

  private async step(): Promise<PollResult & { more: boolean }> {
    const { path, warn } = this.deps;
    const none = { ingested: 0, skipped: 0, more: false };
    if (!existsSync(path)) return none;
    const st = statSync(path);
    const start = this.resumeAt(st.ino, st.size);
    if (start === 0 && this.pos && this.pos.offset > 0) {
      warn(`scrum: warning: ${path} was truncated or rotated; reading it from the start`);
      this.pos = null;
    }
    if (st.size <= start) return none;
    const chunk = readRange(path, start, Math.min(st.size - start, this.maxRead));
    const full = chunk.length === this.maxRead;
    const seq = ++this.seq;
    const mark = (offset: number): TailMark => {
      const head_len = Math.min(HEAD_BYTES, offset);
      return { path, ino: st.ino, head: sha(readRange(path, 0, head_len)), head_len, offset, seq };
    };
    const end = chunk.lastIndexOf(0x0a);
    if (end === -1) {
      if (!full) return none;
      const nl = findNewline(path, start + chunk.length, st.size);
      if (nl === -1) return none;
      warn(`scrum: warning: ${path}@${start}: line of ${nl - start + 1} bytes is longer than ${this.maxRead}, skipped`);
      this.save(mark(nl + 1));
      return { ingested: 0, skipped: 1, more: true };
    }
    const base = mark(start + end + 1);
    const ops: OpRow[] = [];
    let skipped = 0;
    let lineStart = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1 && nl <= end; nl = chunk.indexOf(0x0a, lineStart)) {
      const text = chunk.toString("utf8", lineStart, nl).trim();
      const at = start + lineStart;
      lineStart = nl + 1;
      if (!text) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        skipped++;
        warn(`scrum: warning: ${path}@${at}: not valid JSON, skipped`);
        continue;
      }
      const c = CorrectionLine.safeParse(raw);
      if (!c.success) {
        skipped++;
        warn(`scrum: warning: ${path}@${at}: not a correction (${c.error.issues[0]?.path.join(".")}: ${c.error.issues[0]?.message}), skipped`);
        continue;
      }
      ops.push(correctionToOp(c.data, this.deps.now(), { ...base, offset: start + nl + 1 }));
    }
    // Appended together (one group commit); each op carries its own end offset, so a restart resumes after the last stored one.
    const settled = await Promise.allSettled(ops.map((op) => this.deps.append(op)));
    const failed = settled.findIndex((s) => s.status === "rejected");
    if (failed !== -1) {
      if (failed > 0) this.save(ops[failed - 1]!.tail!);
      throw (settled[failed] as PromiseRejectedResult).reason;
    }
    this.save(base);
    return { ingested: ops.length, skipped, more: full };
  }
}
