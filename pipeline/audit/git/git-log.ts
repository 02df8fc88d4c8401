// Parse `git log --patch-with-raw -U0` (and `git diff --raw -p -U0`) output into commits and per-file
// changes: which lines REV added (new-side numbers), which it removed (old-side), and the blob ids.

export interface FileDiff {
  path: string;
  /** A added, M modified, D deleted, T type changed. */
  status: string;
  oldBlob: string | null;
  newBlob: string | null;
  /** The new side's git mode ("100644", "120000" for a link, "160000" for a submodule). */
  newMode: string;
  /** New-side line number → text of every added line. */
  added: Map<number, string>;
  /** Old-side line number → text of every removed line. */
  removed: Map<number, string>;
  /** New-side positions after which lines were removed with nothing added (a pure deletion). */
  deletedAfter: Set<number>;
}

export interface CommitInfo {
  sha: string;
  parents: string[];
  message: string;
  files: FileDiff[];
}

/** The --format that brackets each commit's header, so messages may hold any text but these two bytes. */
export const LOG_FORMAT = "--format=%x1e%H %P%x1f%B%x1f";

const ZERO = /^0+$/;
const RAW = /^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*\t(.*)$/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Undo git's C-style quoting of unusual paths ("a\tb" → a<TAB>b, octal escapes for bytes). */
export function unquotePath(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"')) return p;
  const bytes: number[] = [];
  const body = p.slice(1, -1);
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, "\\": 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") { bytes.push(...Buffer.from(c, "utf8")); continue; }
    const n = body[i + 1]!;
    if (/[0-7]/.test(n)) { bytes.push(parseInt(body.slice(i + 1, i + 4), 8)); i += 3; }
    else { bytes.push(esc[n] ?? n.charCodeAt(0)); i += 1; }
  }
  return Buffer.from(bytes).toString("utf8");
}

function emptyDiff(path: string, status: string, oldBlob: string | null, newBlob: string | null, newMode = "100644"): FileDiff {
  return { path, status, oldBlob, newBlob, newMode, added: new Map(), removed: new Map(), deletedAfter: new Set() };
}

/** Raw lines and the patch after them, as one commit's (or one diff's) file changes. */
export function parseChanges(text: string): FileDiff[] {
  const byPath = new Map<string, FileDiff>();
  let cur: FileDiff | null = null;
  let oldPath: string | null = null;
  let oldNo = 0, newNo = 0, hunkAdds = 0, hunkStart = 0;
  const closeHunk = () => { if (cur && hunkAdds === 0 && hunkStart >= 0) cur.deletedAfter.add(hunkStart); };
  for (const line of text.split("\n")) {
    const raw = RAW.exec(line);
    if (raw) {
      const path = unquotePath(raw[6]!);
      byPath.set(path, emptyDiff(path, raw[5]!, ZERO.test(raw[3]!) ? null : raw[3]!, ZERO.test(raw[4]!) ? null : raw[4]!, raw[2]!));
      continue;
    }
    if (line.startsWith("diff --git ")) { closeHunk(); cur = null; oldPath = null; hunkStart = -1; continue; }
    if (line.startsWith("--- ")) { oldPath = line === "--- /dev/null" ? null : unquotePath(line.slice(4)).replace(/^a\//, ""); continue; }
    if (line.startsWith("+++ ")) {
      const path = line === "+++ /dev/null" ? oldPath : unquotePath(line.slice(4)).replace(/^b\//, "");
      cur = path === null ? null : byPath.get(path) ?? emptyDiff(path, "M", null, null);
      if (cur) byPath.set(cur.path, cur);
      continue;
    }
    const h = HUNK.exec(line);
    if (h && cur) {
      closeHunk();
      oldNo = Number(h[1]);
      newNo = Number(h[3]);
      hunkStart = newNo;
      // "+c,0": nothing added; c is the new-side line the removed lines followed.
      hunkAdds = 0;
      continue;
    }
    if (!cur || hunkStart < 0) continue;
    if (line.startsWith("+")) { cur.added.set(newNo++, line.slice(1)); hunkAdds++; }
    else if (line.startsWith("-")) cur.removed.set(oldNo++, line.slice(1));
    else if (line.startsWith(" ")) { oldNo++; newNo++; }
  }
  closeHunk();
  return [...byPath.values()];
}

/** Split `git log LOG_FORMAT --patch-with-raw` output into commits (oldest first when logged with --reverse). */
export function parseLog(text: string): CommitInfo[] {
  const out: CommitInfo[] = [];
  for (const chunk of text.split("\x1e").slice(1)) {
    const [head = "", message = "", rest = ""] = chunk.split("\x1f");
    const [sha = "", ...parents] = head.trim().split(/\s+/);
    out.push({ sha, parents: parents.filter(Boolean), message: message.replace(/\n+$/, ""), files: parseChanges(rest) });
  }
  return out;
}

/** Lines a diff touched on the new side, for "does the diff touch this range": added lines and deletion points. */
export function touches(d: FileDiff, start: number, end: number): boolean {
  for (const n of d.added.keys()) if (n >= start && n <= end) return true;
  for (const n of d.deletedAfter) if (n >= start && n < end) return true;
  return false;
}
