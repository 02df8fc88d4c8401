// Walk a repository: git-tracked files via simple-git, or the file system honouring .gitignore.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import { simpleGit } from "simple-git";
import { InputError, UsageError } from "../core/errors";
import { copiedLibraryDirs } from "./copied-libraries";
import { installedPackageDirs } from "./installed-packages";
import { uncompiledRustFiles } from "./uncompiled-rust";
import { vendoredDependencyDirs } from "./vendored-dependencies";
import { globMatcher, looksBinary, looksBundled, looksGenerated, looksMangled, looksMinified, pathFilter, type FilterPolicy, type SkipReason } from "./filters";
import { isIgnored, joinRel, parseGitignore } from "./gitignore";

export interface WalkedFile {
  path: string;
  content: string;
  bytes: number;
  /** sha256 of the file's bytes (what `sha256sum` prints), the cache and agreement key. */
  sha256: string;
}

export interface Skipped {
  path: string;
  reason: SkipReason;
  detail?: string;
}

export interface WalkResult {
  root: string;
  mode: "git" | "fs";
  /** Identity recorded on rows: origin remote URL when there is one, else the directory name. */
  repo: string;
  commit: string | null;
  files: WalkedFile[];
  skipped: Skipped[];
  /** Skipped as not-source but text (Markdown, YAML, JSON, ...): the floor's text-level rules still read them. */
  texts: WalkedFile[];
}

export interface WalkOptions {
  policy: FilterPolicy;
  since?: string;
  files?: string[];
}

/** The origin URL without credentials: `https://user:token@host/x` must never reach a KB row. */
export function sanitizeRemote(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^@/]*@)?(.*)$/i.exec(url);
  return m ? m[1]! + m[3]! : url;
}

export async function walkRepo(repoArg: string, cwd: string, opts: WalkOptions): Promise<WalkResult> {
  let root = resolve(cwd, repoArg);
  if (!existsSync(root)) throw new InputError(`repository path not found: ${repoArg}`);
  if (!statSync(root).isDirectory()) throw new InputError(`not a directory: ${repoArg}`);
  if (opts.since?.startsWith("-")) throw new UsageError(`--since takes a git ref, not an option: '${opts.since}'`);

  const git = simpleGit({ baseDir: root });
  const isGit = existsSync(join(root, ".git")) || (await git.checkIsRepo().catch(() => false));
  let paths: string[];
  let repo = basename(root);
  let commit: string | null = null;
  if (isGit) {
    // Tracked files only (untracked scratch files never go to a model), named from the top level so a
    // sweep of a subdirectory records the same paths as a sweep of the whole repository.
    const top = (await git.revparse(["--show-toplevel"])).trim();
    const listed = await git.raw(["ls-files", "-z", "--cached", "--full-name", "--", "."]);
    paths = listed.split("\0").filter(Boolean);
    commit = (await git.revparse(["HEAD"]).catch(() => "")).trim() || null;
    const remote = (await git.raw(["config", "--get", "remote.origin.url"]).catch(() => "")).trim();
    repo = remote ? sanitizeRemote(remote) : basename(top);
    root = top;
    if (opts.since) paths = await changedSince(git, opts.since, new Set(paths));
  } else {
    if (opts.since) throw new UsageError(`--since needs a git repository; ${repoArg} is not one`);
    paths = fsWalk(root);
  }

  if (opts.files?.length) {
    const narrow = globMatcher(opts.files);
    paths = paths.filter((p) => narrow(p));
  }
  paths.sort();

  const filter = pathFilter(opts.policy);
  const files: WalkedFile[] = [];
  const skipped: Skipped[] = [];
  const texts: WalkedFile[] = [];
  for (const path of paths) {
    const reason = filter.byPath(path);
    if (reason) {
      skipped.push({ path, reason });
      if (reason === "not-source") {
        const t = readCandidate(root, path, opts.policy.maxFileBytes, opts.policy.minifiedLineChars);
        if (!("reason" in t)) texts.push(t);
      }
      continue;
    }
    const r = readCandidate(root, path, opts.policy.maxFileBytes, opts.policy.minifiedLineChars);
    if ("reason" in r) skipped.push({ path, reason: r.reason, detail: r.detail });
    else files.push(r);
  }
  // Code copied into the repository is skipped as vendored, each with why: a library with a licence of its own
  // (copied-libraries.ts), dependencies under an import root the manifests name (vendored-dependencies.ts), packages
  // pip installed into a directory of the repository (installed-packages.ts).
  const copied: { dir: string; detail: string }[] = [];
  if (opts.policy.copiedLibraries !== false) {
    for (const dir of copiedLibraryDirs([...files, ...texts], paths, basename(root))) copied.push({ dir, detail: `a copied library: ${dir} carries its own licence and no package manifest` });
  }
  if (opts.policy.vendoredDependencies !== false) {
    // Asked of the files the licence reading kept, as when the two ran one after the other.
    const walked = new Set(files.filter((f) => !copied.some((c) => f.path.startsWith(`${c.dir}/`))).map((f) => f.path));
    for (const { dir, held } of vendoredDependencyDirs([...files, ...texts], paths, (p) => walked.has(p))) {
      copied.push({ dir, detail: `copied dependencies: ${dir} holds ${held.length} packages the manifests declare (${held.slice(0, 4).join(", ")}${held.length > 4 ? ", .." : ""})` });
    }
    for (const { dir, held, skip } of installedPackageDirs(paths, texts)) {
      for (const entry of skip) copied.push({ dir: entry, detail: `installed packages: ${dir} holds the install records of ${held.length} packages (${held.slice(0, 4).join(", ")}${held.length > 4 ? ", .." : ""}), ${entry} among what they installed` });
    }
  }
  if (copied.length) {
    const kept = files.filter((f) => {
      const hit = copied.find((c) => f.path === c.dir || f.path.startsWith(`${c.dir}/`));
      if (hit) skipped.push({ path: f.path, reason: "vendored", detail: hit.detail });
      return !hit;
    });
    files.splice(0, files.length, ...kept);
  }
  if (opts.policy.uncompiledRust !== false) {
    const dead = new Map(uncompiledRustFiles(files, texts).map((u) => [u.path, u.detail]));
    if (dead.size) {
      for (const [path, detail] of dead) skipped.push({ path, reason: "uncompiled", detail });
      files.splice(0, files.length, ...files.filter((f) => !dead.has(f.path)));
    }
  }
  return { root, mode: isGit ? "git" : "fs", repo, commit, files, skipped, texts };
}

function readCandidate(root: string, path: string, maxBytes: number, minifiedLineChars: number): WalkedFile | { reason: SkipReason; detail?: string } {
  const abs = join(root, path);
  let buf: Buffer;
  try {
    // A link may point anywhere: only follow it when its target stays inside the repository.
    if (lstatSync(abs).isSymbolicLink()) {
      const target = realpathSync(abs);
      const realRoot = realpathSync(root);
      if (target !== realRoot && !target.startsWith(realRoot + sep)) return { reason: "outside-repo", detail: "symlink to a path outside the repository" };
    }
    const st = statSync(abs);
    if (!st.isFile()) return { reason: "unreadable", detail: "not a regular file" };
    if (st.size > maxBytes) return { reason: "too-large", detail: `${st.size} bytes > maxFileBytes ${maxBytes}` };
    buf = readFileSync(abs);
  } catch (e) {
    return { reason: "unreadable", detail: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  if (buf.length === 0) return { reason: "empty" };
  if (looksBinary(buf.subarray(0, 8192))) return { reason: "binary" };
  const content = buf.toString("utf8");
  if (looksGenerated(content)) return { reason: "generated", detail: "generated-code marker in the header" };
  if (looksMinified(content, minifiedLineChars)) return { reason: "generated", detail: `minified: most of the text is on lines over ${minifiedLineChars} characters` };
  if (looksMangled(path, content)) return { reason: "generated", detail: "minified: half or more of its function names and parameters are one letter (a mangled bundle)" };
  if (looksBundled(path, content)) return { reason: "generated", detail: "bundled: the file carries a bundler's module runtime (webpack's __webpack_require__)" };
  return { path, content, bytes: buf.length, sha256: createHash("sha256").update(buf).digest("hex") };
}

async function changedSince(git: ReturnType<typeof simpleGit>, ref: string, tracked: Set<string>): Promise<string[]> {
  let out: string;
  try {
    out = await git.raw(["diff", "--name-only", "-z", ref, "--", "."]);
  } catch {
    throw new UsageError(`--since ${ref}: not a commit or ref in this repository`);
  }
  const changed = new Set(out.split("\0").filter(Boolean));
  return [...tracked].filter((p) => changed.has(p));
}

/** File-system walk for a directory that is not a git repository, honouring nested .gitignore files. */
export function fsWalk(root: string): string[] {
  const out: string[] = [];
  const rules: ReturnType<typeof parseGitignore> = [];
  const visit = (rel: string) => {
    const abs = rel ? join(root, rel) : root;
    const gi = join(abs, ".gitignore");
    if (existsSync(gi)) {
      try { rules.push(...parseGitignore(readFileSync(gi, "utf8"), rel)); } catch { /* unreadable .gitignore: walk on */ }
    }
    let entries;
    try { entries = readdirSync(abs, { withFileTypes: true }); } catch { return; }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name === ".git") continue;
      const p = joinRel(rel, e.name);
      const dir = e.isDirectory();
      if (isIgnored(rules, p, dir)) continue;
      if (dir) visit(p);
      else if (e.isFile() || e.isSymbolicLink()) out.push(p);
    }
  };
  visit("");
  return out;
}
