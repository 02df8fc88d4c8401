// Append-only JSONL: whole-line appends with fsync, and a tolerant reader that skips a torn last line.
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** Append rows as whole lines in one write, then fsync, so a kill leaves at most one torn tail line. */
export function appendJsonl(path: string, rows: readonly unknown[]): void {
  if (rows.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "a");
  try {
    // A torn tail from an earlier crash must not glue onto our first row.
    const text = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
    writeSync(fd, needsLeadingNewline(path) ? "\n" + text : text);
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
