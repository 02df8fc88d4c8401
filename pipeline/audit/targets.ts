// What to audit: REV's commit message, every commit of A..B, or a text (--message) against REV's diff
// or the range's diff. Each target carries its change (diff and trees) or the reason there is none.
import { InputError, UsageError } from "../core/errors";
import type { AuditTarget } from "./audit-result";
import type { Change, Source } from "./evidence";
import type { CommitInfo } from "./git/git-log";
import type { GitRepo } from "./git/git-repo";

/** "A..B" (B defaults to HEAD); "A...B" is refused: a symmetric difference is not a list of changes. */
export function parseRange(range: string): { a: string; b: string } {
  if (range.includes("...")) throw new UsageError(`--range takes A..B, not A...B (got '${range}')`, "e.g. --range origin/main..HEAD");
  const m = /^([^.\s][^\s]*?)\.\.([^\s]*)$/.exec(range);
  if (!m) throw new UsageError(`--range takes A..B (got '${range}')`, "e.g. --range origin/main..HEAD");
  return { a: m[1]!, b: m[2] || "HEAD" };
}

const REPLACED = "\uFFFD";

const SHALLOW = "its parent is not in this shallow clone, so its diff cannot be checked (fetch the history: fetch-depth: 0)";

function commitTarget(c: CommitInfo, label: string, repo: GitRepo, shallow: Set<string>): AuditTarget {
  const change: Change = { label, head: c.sha, base: c.parents[0] ?? null, files: c.files };
  return {
    source: "commit", label, rev: c.sha, message: c.message,
    git: shallow.has(c.sha) ? { ok: false, reason: `${c.sha.slice(0, 8)}: ${SHALLOW}` } : { ok: true, value: { repo, change } },
    // git re-encodes messages that declare an encoding; bytes that are not UTF-8 arrive replaced.
    warning: c.message.includes(REPLACED) ? `the message of ${c.sha.slice(0, 8)} is not valid UTF-8 (undecodable bytes shown as ${REPLACED})` : undefined,
  };
}

export async function commitTargets(repo: GitRepo, opts: { rev?: string; range?: string }): Promise<AuditTarget[]> {
  const shallow = await repo.shallowBoundary();
  if (opts.range) {
    const { a, b } = parseRange(opts.range);
    return (await repo.range(a, b)).map((c) => commitTarget(c, c.sha.slice(0, 8), repo, shallow));
  }
  const rev = opts.rev ?? "HEAD";
  return [commitTarget(await repo.commit(rev), rev, repo, shallow)];
}

/** A text audited against REV's diff, or the range's (merge base of A and B → B). */
export async function messageTarget(repo: GitRepo | null, text: string, label: string, opts: { rev?: string; range?: string; why?: string }): Promise<AuditTarget> {
  const noGit = (reason: string): AuditTarget => ({ source: "message", label, rev: null, message: text, git: { ok: false, reason } });
  if (!repo) return noGit(opts.why ?? "not a git repository: no diff or code to check against");
  let git: Source<{ repo: GitRepo; change: Change }>;
  if (opts.range) {
    const { a, b } = parseRange(opts.range);
    const [from, to] = await Promise.all([repo.resolve(a), repo.resolve(b)]);
    const base = (await repo.mergeBase(from, to)) ?? from;
    if (base === to) throw new InputError(`the range ${opts.range} has no commits`, `${b} is not ahead of ${a}`);
    git = { ok: true, value: { repo, change: { label: opts.range, head: to, base, files: await repo.diff(base, to) } } };
  } else {
    const c = await repo.commit(opts.rev ?? "HEAD");
    if ((await repo.shallowBoundary()).has(c.sha)) return { ...noGit(`${c.sha.slice(0, 8)}: ${SHALLOW}`), rev: c.sha };
    git = { ok: true, value: { repo, change: { label: opts.rev ?? "HEAD", head: c.sha, base: c.parents[0] ?? null, files: c.files } } };
  }
  return { source: "message", label, rev: git.value.change.head, message: text, git };
}

/** Message bytes as text: UTF-8 only (a BOM is dropped); anything else is the user's input to fix. */
export function decodeMessage(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text`, "convert it first, e.g. iconv -f latin1 -t utf-8");
  }
}
