// The running (or last) sweep's progress, read from the KB itself: its start row in scrum_runs.jsonl says how
// many files it planned; its review rows are counted as they are appended, reading only the new bytes of
// scrum_reviews.jsonl on each poll (a run's rows are contiguous at the end: sweeps hold the KB lock).
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { kbPaths } from "../kb/paths";
import { scanJsonl } from "../observer/scan-jsonl";

export interface SweepProgress {
  run_id: string;
  iter: number;
  planned: number;
  /** Distinct files with at least one row so far. */
  files: number;
  chunks: number;
  failed_chunks: number;
  last_file: string | null;
  started_at: string;
  /** The end row's time, when the run has finished. */
  ended_at: string | null;
  interrupted: boolean;
}

/** How far back from the end of the reviews file the start of a run is looked for. */
const BACK_LIMIT = 512 << 20;

const field = (line: string, name: string) => new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.)*)"`).exec(line)?.[1];
const unescape = (s: string) => {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
};

function readAt(fd: number, at: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  const n = readSync(fd, buf, 0, len, at);
  return buf.subarray(0, n);
}

export class ProgressTail {
  private runsStamp = "";
  private run: { run_id: string; iter: number; planned: number; started_at: string; ended_at: string | null; interrupted: boolean } | null = null;
  private offset = 0;
  private files = new Set<string>();
  private chunks = 0;
  private failed = 0;
  private last: string | null = null;

  constructor(private readonly kbDir: string) {}

  /** Look at the KB files again; null when no sweep has ever started. */
  poll(): SweepProgress | null {
    const p = kbPaths(this.kbDir);
    if (!existsSync(p.runs)) return null;
    const st = statSync(p.runs);
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (stamp !== this.runsStamp) {
      this.runsStamp = stamp;
      this.readRuns(p.runs);
    }
    if (!this.run) return null;
    this.follow(p.reviews);
    const r = this.run;
    return { ...r, files: this.files.size, chunks: this.chunks, failed_chunks: this.failed, last_file: this.last };
  }

  private readRuns(path: string): void {
    let start: Record<string, unknown> | null = null;
    let end: Record<string, unknown> | null = null;
    scanJsonl(path, (text) => {
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(text);
      } catch {
        return;
      }
      if (row.phase === "start") [start, end] = [row, null];
      else if (row.phase === "end" && start && row.run_id === start.run_id) end = row;
    });
    const s = start as Record<string, unknown> | null, e = end as Record<string, unknown> | null;
    if (!s) return void (this.run = null);
    const same = this.run?.run_id === s.run_id;
    this.run = {
      run_id: String(s.run_id), iter: Number(s.iter), planned: Number(s.files_planned ?? 0), started_at: String(s.created_at),
      ended_at: e ? String(e.created_at) : null, interrupted: Boolean(e?.interrupted),
    };
    if (!same) this.restart();
  }

  /** A new run: find where its rows begin by reading back, line by line, from the end of the reviews file. */
  private restart(): void {
    this.files.clear();
    this.chunks = this.failed = 0;
    this.last = null;
    this.offset = 0;
    const path = kbPaths(this.kbDir).reviews;
    if (!existsSync(path)) return;
    const size = statSync(path).size;
    const fd = openSync(path, "r");
    try {
      // buf holds bytes [bufStart, lineEnd): lines not yet looked at, the last of them ending at lineEnd.
      let lineEnd = size > 0 && readAt(fd, size - 1, 1)[0] === 0x0a ? size - 1 : size;
      let bufStart = lineEnd;
      let buf = Buffer.alloc(0);
      while (size - bufStart < BACK_LIMIT) {
        const nl = buf.lastIndexOf(0x0a);
        if (nl < 0 && bufStart > 0) {
          const len = Math.min(1 << 20, bufStart);
          bufStart -= len;
          buf = Buffer.concat([readAt(fd, bufStart, len), buf]);
          continue;
        }
        const line = buf.subarray(nl + 1).toString("utf8");
        if (line.trim() && field(line, "run_id") !== this.run!.run_id) return void (this.offset = lineEnd + 1);
        if (nl < 0) return;
        lineEnd = bufStart + nl;
        buf = buf.subarray(0, nl);
      }
      this.offset = bufStart;
    } finally {
      closeSync(fd);
    }
  }

  /** Count the run's rows in the bytes appended since the last poll (whole lines only). */
  private follow(path: string): void {
    if (!existsSync(path)) return;
    const size = statSync(path).size;
    if (size < this.offset) return this.restart();
    const fd = openSync(path, "r");
    try {
      while (this.offset < size) {
        const buf = readAt(fd, this.offset, Math.min(8 << 20, size - this.offset));
        const end = buf.lastIndexOf(0x0a);
        if (end < 0) return;
        for (const line of buf.subarray(0, end).toString("utf8").split("\n")) this.count(line);
        this.offset += end + 1;
      }
    } finally {
      closeSync(fd);
    }
  }

  private count(line: string): void {
    if (field(line, "run_id") !== this.run!.run_id) return;
    const file = field(line, "file");
    if (file === undefined) return;
    const f = unescape(file);
    this.files.add(f);
    this.chunks++;
    if (field(line, "status") === "failed") this.failed++;
    this.last = f;
  }
}
