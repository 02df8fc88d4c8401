// Tail the overseer's corrections JSONL by byte offset; the offset survives restarts, rotation and truncation.
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { z } from "zod";
import { CorrectionLine, correctionToOp } from "./correction";
import type { OpRow } from "./event";

/** The persisted read position: which file (inode + a hash of its head) and how far we have read. */
export const TailOffset = z.object({
  schema_version: z.literal(1),
  path: z.string(),
  ino: z.number(),
  head: z.string().describe("sha256 of the file's first HEAD_BYTES bytes (or fewer) when last read"),
  head_len: z.number().int().min(0),
  offset: z.number().int().min(0),
});
export type TailOffset = z.infer<typeof TailOffset>;

const HEAD_BYTES = 256;
const MAX_READ = 4 << 20;

export interface TailerDeps {
  path: string;
  offsetFile: string;
  append: (row: OpRow) => Promise<void>;
  now: () => Date;
  warn: (msg: string) => void;
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

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

export class CorrectionsTailer {
  private pos: TailOffset | null;
  constructor(private deps: TailerDeps) {
    this.pos = this.load();
  }

  get offset(): number {
    return this.pos?.offset ?? 0;
  }

  private load(): TailOffset | null {
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

  private save(p: TailOffset): void {
    const tmp = `${this.deps.offsetFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(p) + "\n");
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

  /** Ingest every complete new line; a partial last line waits for its newline. */
  async poll(): Promise<{ ingested: number; skipped: number }> {
    const { path } = this.deps;
    if (!existsSync(path)) return { ingested: 0, skipped: 0 };
    const st = statSync(path);
    const start = this.resumeAt(st.ino, st.size);
    if (start === 0 && this.pos && this.pos.offset > 0) this.deps.warn(`scrum: warning: ${path} was truncated or rotated; reading it from the start`);
    const chunk = readRange(path, start, Math.min(st.size - start, MAX_READ));
    const end = chunk.lastIndexOf(0x0a);
    if (end === -1) return { ingested: 0, skipped: 0 };
    let ingested = 0;
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
        this.deps.warn(`scrum: warning: ${path}@${at}: not valid JSON, skipped`);
        continue;
      }
      const c = CorrectionLine.safeParse(raw);
      if (!c.success) {
        skipped++;
        this.deps.warn(`scrum: warning: ${path}@${at}: not a correction (${c.error.issues[0]?.path.join(".")}: ${c.error.issues[0]?.message}), skipped`);
        continue;
      }
      await this.deps.append(correctionToOp(c.data, this.deps.now()));
      ingested++;
    }
    const offset = start + end + 1;
    const headLen = Math.min(HEAD_BYTES, offset);
    this.save({ schema_version: 1, path, ino: st.ino, head: sha(readRange(path, 0, headLen)), head_len: headLen, offset });
    return { ingested, skipped };
  }
}
