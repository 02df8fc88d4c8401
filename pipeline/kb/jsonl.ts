// Append-only JSONL: whole-line appends with fsync, and a tolerant reader that skips a torn last line.
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** Append rows as whole lines in one write, then fsync, so a kill leaves at most one torn tail line. */
export function appendJsonl(path: string, rows: readonly unknown[]): void {
  appendLines(path, rows.map((r) => JSON.stringify(r)));
}

/** Lines per write when appending many (kb merge): bounds the memory of one write, not its atomicity. */
const BATCH_CHARS = 32 << 20;

/** Append already-serialised JSON lines (kb merge copies lines verbatim), then fsync. */
export function appendLines(path: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "a");
  try {
    // A torn tail from an earlier crash must not glue onto our first row.
    let lead = needsLeadingNewline(path) ? "\n" : "";
    for (let i = 0; i < lines.length; ) {
      let j = i, size = 0;
      while (j < lines.length && (j === i || size + lines[j]!.length < BATCH_CHARS)) size += lines[j++]!.length + 1;
      writeSync(fd, lead + lines.slice(i, j).join("\n") + "\n");
      lead = "";
      i = j;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Append whole JSONL bytes (kb merge copying a source file verbatim), ending in a newline, then fsync. */
export function appendBytes(path: string, buf: Buffer): void {
  if (buf.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "a");
  try {
    if (needsLeadingNewline(path)) writeSync(fd, "\n");
    writeSync(fd, buf);
    if (buf[buf.length - 1] !== 0x0a) writeSync(fd, "\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function needsLeadingNewline(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, size - 1);
    return buf[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

export interface JsonlIssue {
  line: number;
  reason: string;
}

/** Parse JSONL text; unparseable lines (a torn tail, mostly) become issues, never exceptions. */
export function parseJsonl(text: string): { rows: unknown[]; issues: JsonlIssue[] } {
  const rows: unknown[] = [];
  const issues: JsonlIssue[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      const torn = i >= lines.length - 2;
      issues.push({ line: i + 1, reason: torn ? "torn last line (interrupted write), skipped" : "not valid JSON, skipped" });
    }
  }
  return { rows, issues };
}

/** Read a JSONL file; a missing file is empty. Warnings go to `warn` (stderr by default). */
export function readJsonl(path: string, warn: (msg: string) => void = (m) => process.stderr.write(m + "\n")): unknown[] {
  if (!existsSync(path)) return [];
  const { rows, issues } = parseJsonl(readFileSync(path, "utf8"));
  for (const issue of issues) warn(`scrum: warning: ${path}:${issue.line}: ${issue.reason}`);
  return rows;
}
