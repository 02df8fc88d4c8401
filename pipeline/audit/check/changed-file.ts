// Check a path listed as changed: it exists at REV and REV's diff changed it (or, listed as deleted,
// REV deleted it). A directory is changed when REV changed a file under it.
import { backed, notBacked, unverifiable, type ChangedFileClaim, type Outcome } from "../claim";
import { short, type Change } from "../evidence";
import type { FileDiff } from "../git/git-log";
import type { GitRepo } from "../git/git-repo";
import { listSome, resolvePath } from "../paths";

const STATUS: Record<string, string> = { A: "added", M: "modified", D: "deleted", T: "type changed" };

function describe(d: FileDiff): string {
  return `${STATUS[d.status] ?? d.status}, +${d.added.size} −${d.removed.size} lines`;
}

export async function checkChangedFile(c: ChangedFileClaim, repo: GitRepo, change: Change): Promise<Outcome> {
  const tree = await repo.tree(change.head);
  const diffs = new Map(change.files.map((d) => [d.path, d]));
  const rev = change.label;
  // Everything but a deleted file is in REV's tree; a deleted one is only in the diff.
  const inTree = await repo.resolvePath(change.head, c.path);
  const r = inTree.kind === "none" ? resolvePath(c.path, change.files.filter((d) => d.status === "D").map((d) => d.path)) : inTree;
  if (r.kind === "many") return unverifiable(`${c.path} matches ${r.paths.length} files at ${rev} (${listSome(r.paths)}): write more of the path`);
  if (r.kind === "none") {
    if (!c.path.includes("/")) return unverifiable(`${c.path} names no file at ${rev} (a bare name may not be a path: write the path)`);
    return notBacked(`${c.path} does not exist at ${rev} (${short(change.head)})`);
  }
  const path = r.path;
  const isDir = !tree.has(path) && !diffs.has(path);
  if (isDir) {
    const under = [...diffs.values()].filter((d) => d.path.startsWith(path + "/"));
    if (c.removed) {
      const gone = ![...tree.keys()].some((p) => p.startsWith(path + "/"));
      return gone && under.length ? backed(`${rev} deleted ${path}/ (${under.length} files)`, { file: path }) : notBacked(`${path}/ still has files at ${rev}`, { file: path });
    }
    return under.length
      ? backed(`${rev} changed ${under.length} file(s) under ${path}/: ${listSome(under.map((d) => d.path))}`, { file: path })
      : notBacked(`${path}/ exists at ${rev}, but ${rev} changed no file under it`, { file: path });
  }
  const d = diffs.get(path);
  const at = { file: path, fileLine: d ? Math.min(...d.added.keys(), Infinity) : null };
  if (at.fileLine === Infinity) at.fileLine = null;
  if (c.removed) {
    if (d?.status === "D") return backed(`${rev} deleted ${path}`, at);
    return notBacked(tree.has(path) ? `${path} still exists at ${rev}${d ? ` (${describe(d)})` : ""}` : `${path} was not deleted by ${rev}`, at);
  }
  if (!tree.has(path)) return notBacked(d?.status === "D" ? `${rev} deleted ${path}: it does not exist at ${rev}` : `${path} does not exist at ${rev}`, at);
  if (!d) return notBacked(`${path} exists at ${rev}, but ${rev} did not change it`, at);
  return backed(`${rev} changed ${path} (${describe(d)})`, at);
}
