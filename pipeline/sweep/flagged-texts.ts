// Text files the walk skips as not-source (Markdown, YAML, JSON, ...) are still read by the floor's
// text-level rules; one it flags joins the review, so its finding reaches a KB row, the SARIF and the summary.
import type { StaticFinding } from "../kb/schemas/static-finding";
import type { WalkResult } from "../walk/walk-repo";

/** The walk with flagged text files moved from `skipped`/`texts` into `files` (paths kept sorted). */
export function promoteFlaggedTexts(walk: WalkResult, findings: ReadonlyMap<string, readonly StaticFinding[]>): WalkResult {
  const flagged = walk.texts.filter((f) => (findings.get(f.path)?.length ?? 0) > 0);
  if (!flagged.length) return walk;
  const paths = new Set(flagged.map((f) => f.path));
  return {
    ...walk,
    files: [...walk.files, ...flagged].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    texts: walk.texts.filter((f) => !paths.has(f.path)),
    skipped: walk.skipped.filter((s) => !paths.has(s.path)),
  };
}
