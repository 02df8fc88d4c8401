// The KB's orphan branch in the swept repository's git, through simple-git: fetch it into a private ref,
// read its parts and write a commit through a temporary index and work tree (the user's checkout, index
// and branches are never touched), and push without force.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { InputError, RuntimeError } from "../core/errors";
import { PARTS_DIR, type PartFile } from "./kb-parts";

export interface BranchRef {
  /** A directory inside the swept repository's git checkout. */
  repoDir: string;
  /** Remote name or URL. */
  remote: string;
  branch: string;
}

/** Git variables simple-git would strip that a CI's push may rely on (SSH keys, credential helpers, identity). */
const PASS_ENV = ["GIT_INDEX_FILE", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "GIT_TERMINAL_PROMPT", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"];
/** Variables simple-git refuses to pass on unless told (it would run an editor, pager or proxy from them). */
const GUARDED = new Set(["EDITOR", "VISUAL", "PAGER", "PREFIX", "SSH_ASKPASS"]);
/** Push errors that mean someone else moved the branch first: fetch, merge, try again. */
const LOST_RACE = /\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info|incorrect old value|failed to lock/i;

const README = `# scrum knowledge base

This orphan branch holds the scrum KB of this repository, written by \`scrum kb push\` and read by
\`scrum kb pull\`. Every push adds one directory under parts/ with the rows it adds, gzipped JSONL,
one file per KB file; nothing is ever rewritten. Read a part with:

    git show <this branch>:parts/<part>/scrum_reviews.jsonl.gz | gunzip
`;

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("hint:"))[0] ?? "git failed";

export class KbBranch {
  constructor(private readonly ref: BranchRef) {}

  /**
   * simple-git with the environment it guards left out (ambient GIT_*, EDITOR, PAGER, ...: npm sets
   * EDITOR), but the CI's own push credentials kept (PASS_ENV, explicitly allowed), and our own index and
   * work tree when given.
   */
  private git(opts: { index?: string; workTree?: string; identity?: boolean } = {}): SimpleGit {
    const config = opts.identity ? ["user.name=scrum", "user.email=scrum@localhost"] : [];
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => {
      const k = e[0].toUpperCase();
      return e[1] !== undefined && (PASS_ENV.includes(k) || (!k.startsWith("GIT_") && !GUARDED.has(k)));
    }));
    const unsafe = { allowUnsafeSshCommand: Boolean(env.GIT_SSH_COMMAND || env.GIT_SSH), allowUnsafeAskPass: Boolean(env.GIT_ASKPASS) };
    const g = simpleGit({ baseDir: this.ref.repoDir, config, unsafe, allowEnvironment: [...PASS_ENV, "GIT_WORK_TREE"] } as Parameters<typeof simpleGit>[0]);
    return g.env({ ...env, ...(opts.index ? { GIT_INDEX_FILE: opts.index } : {}), ...(opts.workTree ? { GIT_WORK_TREE: opts.workTree } : {}) });
  }

  /** The private ref the branch is fetched into: never a local branch, never checked out. */
  get trackingRef(): string {
    const name = /^[A-Za-z0-9._-]+$/.test(this.ref.remote) ? this.ref.remote : Bun.hash(this.ref.remote).toString(16);
    return `refs/scrum-kb/${name}/${this.ref.branch}`;
  }

  async checkRepo(): Promise<void> {
    if (!existsSync(this.ref.repoDir)) throw new InputError(`repository not found: ${this.ref.repoDir}`);
    const ok = await this.git().checkIsRepo().catch(() => false);
    if (!ok) throw new InputError(`not a git repository: ${this.ref.repoDir}`, "kb pull/push keep the KB on a branch of the swept repository; run them inside its checkout or pass --repo");
  }

  /** Fetch the branch; its commit, or null when the remote has no such branch yet. */
  async fetchTip(): Promise<string | null> {
    try {
      await this.git().raw(["fetch", "--no-tags", "--quiet", "--refmap=", this.ref.remote, `+refs/heads/${this.ref.branch}:${this.trackingRef}`]);
    } catch (e) {
      if (/couldn't find remote ref/i.test(String((e as Error).message))) {
        await this.git().raw(["update-ref", "-d", this.trackingRef]).catch(() => "");
        return null;
      }
      throw new RuntimeError("E_KB_REMOTE", `cannot fetch ${this.ref.branch} from ${this.ref.remote}: ${firstLine(e)}`, "check --remote and the runner's credentials");
    }
    return (await this.git().raw(["rev-parse", "--verify", `${this.trackingRef}^{commit}`])).trim();
  }

  /** Every part file of a commit, read through a temporary index into a temporary directory. */
  async readParts(tip: string): Promise<PartFile[]> {
    return this.withTemp(async (tmp, index) => {
      const tree = join(tmp, "tree");
      mkdirSync(tree);
      const g = this.git({ index, workTree: tree });
      await g.raw(["read-tree", tip]);
      await g.raw(["checkout-index", "--all", "--force"]);
      const root = join(tree, PARTS_DIR);
      return existsSync(root) ? walkFiles(root).map((p) => ({ path: relative(tree, p).split("\\").join("/"), content: readFileSync(p) })) : [];
    });
  }

  /** A commit of `tip`'s tree plus `files` (a root commit when there is no tip), built off to the side. */
  async commit(tip: string | null, files: readonly PartFile[], message: string): Promise<string> {
    const identity = !(await this.hasIdentity());
    return this.withTemp(async (tmp, index) => {
      const tree = join(tmp, "tree");
      const g = this.git({ index, workTree: tree, identity });
      const add = tip ? [...files] : [{ path: "README.md", content: Buffer.from(README) }, ...files];
      for (const f of add) {
        mkdirSync(dirname(join(tree, f.path)), { recursive: true });
        writeFileSync(join(tree, f.path), f.content);
      }
      if (tip) await g.raw(["read-tree", tip]);
      await g.raw(["add", "--force", "--", ...add.map((f) => f.path)]);
      const treeSha = (await g.raw(["write-tree"])).trim();
      return (await g.raw(["commit-tree", treeSha, ...(tip ? ["-p", tip] : []), "-m", message])).trim();
    });
  }

  /** Push a commit to the branch, never forcing: "race" when another pusher moved it first. */
  async push(sha: string): Promise<"pushed" | "race"> {
    try {
      await this.git().raw(["push", "--quiet", "--no-verify", this.ref.remote, `${sha}:refs/heads/${this.ref.branch}`]);
    } catch (e) {
      if (LOST_RACE.test(String((e as Error).message))) return "race";
      throw new RuntimeError("E_KB_PUSH", `cannot push ${this.ref.branch} to ${this.ref.remote}: ${firstLine(e)}`, "the runner needs write access to the repository (docs/NIGHTLY.md)");
    }
    await this.git().raw(["update-ref", this.trackingRef, sha]);
    return "pushed";
  }

  private async hasIdentity(): Promise<boolean> {
    if (process.env.GIT_AUTHOR_NAME && process.env.GIT_AUTHOR_EMAIL && process.env.GIT_COMMITTER_NAME && process.env.GIT_COMMITTER_EMAIL) return true;
    const get = (k: string) => this.git().raw(["config", "--get", k]).then((v) => v.trim(), () => "");
    return Boolean((await get("user.name")) && (await get("user.email")));
  }

  private async withTemp<T>(fn: (tmp: string, index: string) => Promise<T>): Promise<T> {
    const tmp = mkdtempSync(join(tmpdir(), "scrum-kb-git-"));
    try {
      return await fn(tmp, join(tmp, "index"));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}
