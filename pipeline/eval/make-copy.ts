// The mutated copy's home: the walked files written to a fresh directory, made a git repository with
// the same identity as the user's (origin URL, else directory name), so the copy's rows carry the same
// `repo` and the baseline's cached reviews apply. The user's tree is only read, never written.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { simpleGit } from "simple-git";
import { UsageError } from "../core/errors";
import type { WalkResult } from "../walk/walk-repo";

/** A directory that must be new or empty (never overwrite what the user keeps there). */
export function ensureEmptyDir(dir: string, flag: string): void {
  if (existsSync(dir) && readdirSync(dir).length) throw new UsageError(`${flag} ${dir}: directory is not empty`, "give a new or empty directory");
  mkdirSync(dir, { recursive: true });
}

/**
 * Where the copy goes inside the work dir: named like the repository, so a remote-less identity matches,
 * and one level down, so a repository called `kb` or `mutants.json` cannot collide with the eval's own files.
 */
export function copyPath(work: string, walk: WalkResult): string {
  return join(work, "copy", walk.repo.includes("/") || walk.repo.includes(":") ? "repo" : walk.repo);
}

const GIT_ID = ["-c", "user.email=scrum-eval@localhost", "-c", "user.name=scrum eval", "-c", "commit.gpgsign=false"];

/**
 * Write `files` (path → text) under `dest`, then `git init` + commit them as the baseline, with
 * remote.origin.url set when the user's identity is a URL. Later writes (the mutants) stay uncommitted,
 * so `git diff` in a kept copy shows exactly what was planted.
 */
export async function makeCopy(walk: WalkResult, dest: string, files: ReadonlyMap<string, string>): Promise<void> {
  mkdirSync(dest, { recursive: true });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dest, path)), { recursive: true });
    writeFileSync(join(dest, path), content);
  }
  const git = simpleGit({ baseDir: dest });
  await git.init();
  if (basename(dest) !== walk.repo) await git.addConfig("remote.origin.url", walk.repo);
  // -f: a tracked file the user's .gitignore also matches must stay tracked in the copy.
  await git.raw(["add", "-A", "-f"]);
  await git.raw([...GIT_ID, "commit", "-q", "--allow-empty", "-m", "scrum eval --mutate: baseline (a copy of the walked files)"]);
}

/** Overwrite files in the copy (the mutants), leaving them uncommitted. */
export function writeFiles(dest: string, files: ReadonlyMap<string, string>): void {
  for (const [path, content] of files) writeFileSync(join(dest, path), content);
}
