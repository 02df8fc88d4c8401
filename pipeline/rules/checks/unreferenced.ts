// unwired-auth: resolve deferred definitions against every walked file (cross-file references).
import { matchesAny } from "../glob";

export interface Candidate {
  name: string;
  file: string;
  /** 0-based line of the definition's name: an occurrence there is the definition itself. */
  line: number;
  referenceIgnores: string[];
}

function lineAt(content: string, index: number, starts: number[]): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** A name mentioned in a comment (Go doc comments always open with it) is not a reference. */
export function inComment(before: string): boolean {
  return /^\s*(\/\/|\/\*|\*|#(?![[!]))|\s\/\/\s|^\s*(\"\"\"|\'\'\')/.test(before);
}

/** Candidates whose name occurs nowhere but on their own definition line (ignoring e.g. test files). */
export function unreferenced(candidates: Candidate[], files: { path: string; content: string }[]): Candidate[] {
  if (!candidates.length) return [];
  const names = [...new Set(candidates.map((c) => c.name))];
  const re = new RegExp(`(?<![\\w$])(${names.map((n) => n.replace(/[$]/g, "\\$")).join("|")})(?![\\w$])`, "g");
  // name → set of "file:line" where it occurs
  const seen = new Map<string, Set<string>>();
  for (const f of files) {
    re.lastIndex = 0;
    let starts: number[] | null = null;
    for (const m of f.content.matchAll(re)) {
      starts ??= [0, ...[...f.content.matchAll(/\n/g)].map((x) => x.index! + 1)];
      const line = lineAt(f.content, m.index!, starts);
      if (inComment(f.content.slice(starts[line]!, m.index!))) continue;
      const key = `${f.path}:${line}`;
      let s = seen.get(m[1]!);
      if (!s) seen.set(m[1]!, (s = new Set()));
      s.add(key);
    }
  }
  return candidates.filter((c) => {
    const at = seen.get(c.name) ?? new Set<string>();
    for (const key of at) {
      const file = key.slice(0, key.lastIndexOf(":"));
      if (key === `${c.file}:${c.line}`) continue;
      if (file !== c.file && matchesAny(file, c.referenceIgnores)) continue;
      return false;
    }
    return true;
  });
}
