// Everything a checker may look at for one audited message: the KB, the change (REV's diff and its
// trees), and the rule pack's code policy. A missing source carries the reason, so claims that need it
// come back `unverifiable` with that reason instead of guessing.
import type { CodePolicy } from "./code-policy";
import type { FileDiff } from "./git/git-log";
import type { GitRepo } from "./git/git-repo";
import type { KbFacts } from "./kb-facts";

export interface Change {
  /** As the user named it: "HEAD", "a1b2c3d", "origin/main..HEAD". */
  label: string;
  head: string;
  /** First parent, or the range's merge base; null for a root commit (everything was added). */
  base: string | null;
  files: FileDiff[];
}

export type Source<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Evidence {
  kb: Source<KbFacts>;
  git: Source<{ repo: GitRepo; change: Change }>;
  code: CodePolicy;
}

/** "a1b2c3d" for evidence lines. */
export const short = (sha: string | null) => (sha ? sha.slice(0, 8) : "(none)");
