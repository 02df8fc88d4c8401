// Check "Tests 14 → 24": test functions under the named file, directory or crate at REV's parent (or the
// range's base) and at REV, counted by count-tests.ts.
import { backed, notBacked, unverifiable, type Outcome, type TestCountClaim } from "../claim";
import type { CodePolicy } from "../code-policy";
import { short, type Change } from "../evidence";
import type { GitRepo, Tree } from "../git/git-repo";
import { listSome, looksLikePath, type Resolved } from "../paths";

const counts = new WeakMap<GitRepo, Map<string, number>>();

/** A package manifest's name: Cargo.toml `name = "x"`, package.json `"name": "x"`, pyproject.toml too. */
const MANIFEST = /(?:^|\/)(Cargo\.toml|package\.json|pyproject\.toml)$/;
const NAME_IN = [/^\s*name\s*=\s*"([^"]+)"/m, /"name"\s*:\s*"([^"]+)"/];

async function packageDirs(name: string, tree: Tree, repo: GitRepo): Promise<string[]> {
  const out: string[] = [];
  for (const [path, blob] of tree) {
    if (!MANIFEST.test(path)) continue;
    const text = (await repo.text(blob)) ?? "";
    const found = NAME_IN.map((re) => re.exec(text)?.[1]).find(Boolean);
    if (found === name) out.push(path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".");
  }
  return out;
}

/** A scope name at REV: a path (file or directory, or a unique suffix), else a crate or package name. */
async function resolveScope(name: string, tree: Tree, head: string, repo: GitRepo): Promise<Resolved> {
  const r = await repo.resolvePath(head, name);
  if (r.kind !== "none" || name.includes("/")) return r;
  const pkgs = await packageDirs(name, tree, repo);
  return pkgs.length === 1 ? { kind: "one", path: pkgs[0]! } : pkgs.length ? { kind: "many", paths: pkgs } : r;
}

async function countIn(repo: GitRepo, sha: string | null, scopes: string[], policy: CodePolicy): Promise<number> {
  if (sha === null) return 0;
  const memo = counts.get(repo) ?? new Map<string, number>();
  counts.set(repo, memo);
  let n = 0;
  for (const [path, blob] of await repo.tree(sha)) {
    if (!scopes.some((s) => s === "." || path === s || path.startsWith(s + "/"))) continue;
    const key = `${blob} ${path}`;
    if (!memo.has(key)) {
      const text = await repo.text(blob);
      memo.set(key, text === null ? 0 : policy.countTests({ path, content: text }));
    }
    n += memo.get(key)!;
  }
  return n;
}

type Scope = { ok: true; paths: string[]; said: string } | { ok: false; outcome: Outcome };

async function pickScope(c: TestCountClaim, tree: Tree, head: string, repo: GitRepo, rev: string): Promise<Scope> {
  for (const [names, where] of [[c.lineScopes, "line"], [c.paragraphScopes, "paragraph"]] as const) {
    const found = new Set<string>();
    for (const name of names) {
      const r = await resolveScope(name, tree, head, repo);
      if (r.kind === "many") return { ok: false, outcome: unverifiable(`${name} matches ${r.paths.length} places at ${rev} (${listSome(r.paths)}): write more of the path`) };
      if (r.kind === "one") found.add(r.path);
      else if (where === "line" && looksLikePath(name)) return { ok: false, outcome: notBacked(`${name} does not exist at ${rev}`) };
    }
    if (found.size > 1 && where === "paragraph") {
      return { ok: false, outcome: unverifiable(`the paragraph names several places (${listSome([...found])}): say on the Tests line which one`) };
    }
    if (found.size) return { ok: true, paths: [...found], said: [...found].join(", ") };
  }
  return { ok: true, paths: ["."], said: "the repository" };
}

export async function checkTestCount(c: TestCountClaim, repo: GitRepo, change: Change, policy: CodePolicy): Promise<Outcome> {
  const rev = change.label;
  const scope = await pickScope(c, await repo.tree(change.head), change.head, repo, rev);
  if (!scope.ok) return scope.outcome;
  const [before, after] = await Promise.all([countIn(repo, change.base, scope.paths, policy), countIn(repo, change.head, scope.paths, policy)]);
  const file = scope.paths.length === 1 && scope.paths[0] !== "." ? scope.paths[0]! : null;
  const text = `tests in ${scope.said}: ${before} at ${short(change.base)}, ${after} at ${short(change.head)}`;
  const wrong = [before === c.before.value ? "" : `not ${c.before.text} before`, after === c.after.value ? "" : `not ${c.after.text} after`].filter(Boolean);
  return wrong.length ? notBacked(`${text} (${wrong.join(", ")})`, { file }) : backed(text, { file });
}
