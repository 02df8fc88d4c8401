// The git side of an audit (simple-git, plus one cat-file process for blobs): revisions, commits with
// their diffs, trees and file contents at any revision. Nothing is checked out: the user's working tree
// is never touched. Trees and blobs are memoised, so a range reads each file version once.
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { InputError, RuntimeError } from "../../core/errors";
import { sanitizeRemote } from "../../walk/walk-repo";
import { BlobReader } from "./blob-reader";
import { LOG_FORMAT, parseChanges, parseLog, type CommitInfo, type FileDiff } from "./git-log";
import { PathIndex, type Resolved } from "../paths";

/** Files larger than this are not read for counts or references (the sweep's default file cap, doubled). */
const MAX_BLOB = 1 << 20;
// Fixed prefixes, no colour, no external diff or textconv: the user's git config must not change what we parse.
const DIFF_FLAGS = ["--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--no-abbrev", "--src-prefix=a/", "--dst-prefix=b/", "-U0"];

export type Tree = Map<string, string>;

export class GitRepo {
  private trees = new Map<string, Promise<Tree>>();
  private blobs = new Map<string, Promise<string | null>>();
  private indexes = new Map<string, Promise<PathIndex>>();
  private commits = new Map<string, CommitInfo>();
  private reader: BlobReader;

  private constructor(private readonly git: SimpleGit, readonly top: string, readonly name: string) {
    this.reader = new BlobReader(top);
  }

  /** The repository containing `dir`, or null when it is not inside a git work tree. */
  static async open(dir: string): Promise<GitRepo | null> {
    if (!existsSync(dir)) throw new InputError(`repository path not found: ${dir}`);
    const git = simpleGit({ baseDir: resolve(dir) });
    const top = (await git.revparse(["--show-toplevel"]).catch(() => "")).trim();
    if (!top) return null;
    const g = simpleGit({ baseDir: top });
    const remote = (await g.raw(["config", "--get", "remote.origin.url"]).catch(() => "")).trim();
    return new GitRepo(g, top, remote ? sanitizeRemote(remote) : basename(top));
  }

  /** A revision as a full commit id; an unknown one is the user's mistake (exit 2). */
  async resolve(rev: string): Promise<string> {
    if (rev.startsWith("-")) throw new InputError(`not a revision: '${rev}'`);
    const sha = (await this.git.raw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).catch(() => "")).trim();
    if (!sha) throw new InputError(`unknown revision '${rev}'`, "name a commit, branch or tag of this repository");
    return sha;
  }

  /** Commits of A..B, oldest first, with messages and diffs (a merge's diff is against its first parent). */
  async range(a: string, b: string): Promise<CommitInfo[]> {
    const [from, to] = await Promise.all([this.resolve(a), this.resolve(b)]);
    const list = await this.log([`${from}..${to}`, "--reverse"]);
    if (!list.length) throw new InputError(`the range ${a}..${b} has no commits`, `${b} is not ahead of ${a}`);
    return list;
  }

  /** One commit with its message and diff. */
  async commit(rev: string): Promise<CommitInfo> {
    const sha = await this.resolve(rev);
    return this.commits.get(sha) ?? (await this.log(["-1", sha]))[0]!;
  }

  /** git output, or a RuntimeError naming the command (a claim that needed it comes back unverifiable). */
  private async raw(args: string[]): Promise<string> {
    try {
      return await this.git.raw(args);
    } catch (e) {
      throw new RuntimeError("E_GIT", `git ${args.find((a) => !a.startsWith("-") && !a.includes("=")) ?? ""} failed: ${(e as Error).message.split("\n")[0]}`);
    }
  }

  /** Commits whose parents a shallow clone does not have: their diffs and parent trees cannot be trusted. */
  async shallowBoundary(): Promise<Set<string>> {
    const path = (await this.git.raw(["rev-parse", "--git-path", "shallow"]).catch(() => "")).trim();
    const file = path && resolve(this.top, path);
    return new Set(file && existsSync(file) ? readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter(Boolean) : []);
  }

  private async log(args: string[]): Promise<CommitInfo[]> {
    const out = await this.raw(["-c", "core.quotepath=off", "log", LOG_FORMAT, "--encoding=UTF-8", "--patch-with-raw", "--diff-merges=first-parent", ...DIFF_FLAGS, ...args]);
    const list = parseLog(out);
    for (const c of list) this.commits.set(c.sha, c);
    return list;
  }

  /** The diff between two commits (for a message audited against a range). */
  async diff(base: string, head: string): Promise<FileDiff[]> {
    return parseChanges(await this.raw(["-c", "core.quotepath=off", "diff", "--raw", "-p", ...DIFF_FLAGS, base, head]));
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    return (await this.git.raw(["merge-base", a, b]).catch(() => "")).trim() || null;
  }

  /** path → blob id at a commit. A commit whose parent tree is known is derived from its diff (no git call). */
  tree(sha: string): Promise<Tree> {
    let t = this.trees.get(sha);
    if (!t) {
      const info = this.commits.get(sha);
      const parent = info?.parents[0];
      t = info && parent && this.trees.has(parent) ? this.trees.get(parent)!.then((pt) => applyDiff(pt, info.files)) : this.lsTree(sha);
      this.trees.set(sha, t);
    }
    return t;
  }

  private async lsTree(sha: string): Promise<Tree> {
    const out = await this.raw(["ls-tree", "-r", "-z", "--full-tree", sha]);
    const tree: Tree = new Map();
    for (const entry of out.split("\0")) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (m) tree.set(m[2]!, m[1]!);
    }
    return tree;
  }

  /** A written path (or suffix, or directory) at a commit: an exact file is a lookup; anything else uses an index. */
  async resolvePath(sha: string, written: string): Promise<Resolved> {
    const w = written.replace(/^\.\//, "");
    if ((await this.tree(sha)).has(w)) return { kind: "one", path: w };
    let i = this.indexes.get(sha);
    if (!i) this.indexes.set(sha, (i = this.tree(sha).then((t) => new PathIndex([...t.keys()]))));
    return (await i).resolve(written);
  }

  /** A blob's text; null when missing, binary or too large to be source worth reading. */
  text(blob: string): Promise<string | null> {
    let t = this.blobs.get(blob);
    if (!t) {
      t = this.reader.read(blob).then((buf) => (!buf || buf.length > MAX_BLOB || buf.subarray(0, 8192).includes(0) ? null : buf.toString("utf8")));
      this.blobs.set(blob, t);
    }
    return t;
  }

  /** A file's text at a commit, or null when it does not exist there. */
  async fileAt(sha: string, path: string): Promise<string | null> {
    const blob = (await this.tree(sha)).get(path);
    return blob ? this.text(blob) : null;
  }

  close(): void {
    this.reader.close();
  }
}

/** A parent's tree with a commit's raw changes applied. */
function applyDiff(parent: Tree, files: readonly FileDiff[]): Tree {
  const t = new Map(parent);
  for (const f of files) {
    // A submodule is a commit, not a blob: ls-tree leaves it out, and so does this.
    if (f.newBlob === null || f.newMode === "160000") t.delete(f.path);
    else t.set(f.path, f.newBlob);
  }
  return t;
}
