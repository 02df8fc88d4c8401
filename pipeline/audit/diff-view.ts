// The diff a model sees for a claim: changed files with numbered lines (added `+`, context, removed `-`
// at their parent's numbers), capped at a line budget. It records exactly which lines it showed, so a
// citation can be checked against them and nothing else.
import type { FileDiff } from "./git/git-log";

export interface FileText { path: string; status: string; before: string | null; after: string | null; diff: FileDiff }

export interface DiffView {
  text: string;
  /** file → lines shown, per side (1-based). */
  shown: Map<string, { new: Set<number>; old: Set<number> }>;
  /** file → its full text per side (as the model saw it: redacted when the endpoint is remote). */
  lines: Map<string, { new: string[]; old: string[] }>;
  omittedFiles: number;
}

const CONTEXT = 3;

export function diffView(files: readonly FileText[], budget: number): DiffView {
  const out: string[] = [];
  const shown = new Map<string, { new: Set<number>; old: Set<number> }>();
  const lines = new Map<string, { new: string[]; old: string[] }>();
  let used = 0, omitted = 0;
  for (const f of files) {
    const after = f.after?.split("\n") ?? [];
    const before = f.before?.split("\n") ?? [];
    const show = new Set<number>();
    for (const n of f.diff.added.keys()) for (let i = n - CONTEXT; i <= n + CONTEXT; i++) if (i >= 1 && i <= after.length) show.add(i);
    for (const n of f.diff.deletedAfter) for (let i = n - CONTEXT + 1; i <= n + CONTEXT; i++) if (i >= 1 && i <= after.length) show.add(i);
    const removed = [...f.diff.removed.keys()].filter((n) => n <= before.length);
    const cost = show.size + removed.length + 2;
    if ((f.after === null && f.before === null) || used + cost > budget) { omitted++; continue; }
    used += cost;
    const width = String(Math.max(after.length, before.length, 1)).length;
    out.push(`=== ${f.path} (${{ A: "added", D: "deleted", M: "modified", T: "type changed" }[f.status] ?? f.status})`);
    let prev = 0;
    for (const n of [...show].sort((a, b) => a - b)) {
      if (prev && n > prev + 1) out.push("   ...");
      out.push(`${f.diff.added.has(n) ? "+" : " "} ${String(n).padStart(width)} | ${after[n - 1]}`);
      prev = n;
    }
    if (removed.length) {
      out.push(`   removed lines (numbers at the parent):`);
      for (const n of removed.sort((a, b) => a - b)) out.push(`- ${String(n).padStart(width)} | ${before[n - 1]}`);
    }
    shown.set(f.path, { new: show, old: new Set(removed) });
    lines.set(f.path, { new: after, old: before });
  }
  if (omitted) out.push(`[${omitted} more changed file(s) not shown: over the diff budget or not text]`);
  return { text: out.join("\n"), shown, lines, omittedFiles: omitted };
}
