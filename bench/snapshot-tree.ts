// A repository snapshot as a plain tree: the files of one commit of a bare git dir written under a directory, with the
// blobs the snapshot does not hold (large files a partial copy leaves out) and symlinks skipped and counted. `git
// archive` stops at the first absent blob; a panel sweep only needs the source that is there.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

export class SnapshotError extends Error {
  readonly code = "snapshot";
}

export interface SnapshotResult { files: number; missing: number; skipped: number; commit: string }

function git(gitDir: string, args: string[], input?: Buffer): Buffer {
  const r = spawnSync("git", ["--git-dir", gitDir, ...args], { input, maxBuffer: 1 << 30 });
  if (r.error) throw new SnapshotError(`git could not be run: ${r.error.message}`);
  if (r.status !== 0) throw new SnapshotError(`git ${args[0]} failed in ${gitDir}: ${r.stderr.toString().trim().split("\n")[0]}`);
  return r.stdout;
}

interface Entry { mode: string; sha: string; path: string }

/** The blobs of `commit`'s tree, from `git ls-tree -r -z`. */
function treeOf(gitDir: string, commit: string): Entry[] {
  return git(gitDir, ["ls-tree", "-r", "-z", commit]).toString("utf8").split("\0").filter(Boolean).flatMap((line) => {
    const tab = line.indexOf("\t");
    const [mode, type, sha] = line.slice(0, tab).split(" ");
    return type === "blob" ? [{ mode: mode!, sha: sha!, path: line.slice(tab + 1) }] : [];
  });
}

/**
 * Reads blobs through one `git cat-file --batch` per chunk; an absent object answers `<sha> missing`.
 * Returns the contents by sha (null when absent).
 */
function readBlobs(gitDir: string, shas: string[]): Map<string, Buffer | null> {
  const out = new Map<string, Buffer | null>();
  const CHUNK = 400;
  for (let i = 0; i < shas.length; i += CHUNK) {
    const chunk = shas.slice(i, i + CHUNK);
    const buf = git(gitDir, ["cat-file", "--batch"], Buffer.from(chunk.join("\n") + "\n"));
    let at = 0;
    for (const sha of chunk) {
      const nl = buf.indexOf(10, at);
      const header = buf.subarray(at, nl).toString();
      at = nl + 1;
      if (header.endsWith(" missing")) { out.set(sha, null); continue; }
      const size = Number(header.split(" ")[2]);
      out.set(sha, buf.subarray(at, at + size));
      at += size + 1;
    }
  }
  return out;
}

/** Writes `commit` (default HEAD) of the bare repository `gitDir` under `dest`. */
export function extractSnapshot(gitDir: string, dest: string, commit = "HEAD"): SnapshotResult {
  const resolved = git(gitDir, ["rev-parse", "--verify", `${commit}^{commit}`]).toString().trim();
  const entries = treeOf(gitDir, resolved);
  const files = entries.filter((e) => e.mode !== "120000" && e.mode !== "160000");
  const blobs = readBlobs(gitDir, [...new Set(files.map((e) => e.sha))]);
  const root = resolve(dest);
  let written = 0;
  let missing = 0;
  for (const e of files) {
    const body = blobs.get(e.sha);
    if (!body) { missing++; continue; }
    const target = resolve(root, e.path);
    if (relative(root, target).startsWith("..")) throw new SnapshotError(`path leaves the destination: ${e.path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    written++;
  }
  return { files: written, missing, skipped: entries.length - files.length, commit: resolved };
}

function main(): void {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { panel: { type: "string" }, mirror: { type: "string" }, out: { type: "string" } } });
  const usage = "usage: bun bench/snapshot-tree.ts GITDIR DEST [COMMIT] | --panel N [--mirror DIR] --out DIR";
  try {
    if (values.panel) {
      if (!values.out) throw new SnapshotError(usage);
      const manifest = JSON.parse(readFileSync(join(import.meta.dir, "panels.json"), "utf8")) as { panels: Record<string, { name: string; repo: string; commit: string }[]> };
      const panel = manifest.panels[values.panel];
      if (!panel) throw new SnapshotError(`no panel ${values.panel} in bench/panels.json (panels: ${Object.keys(manifest.panels).join(", ")})`);
      const mirror = values.mirror ?? "/work/.mirror";
      for (const p of panel) {
        const gitDir = join(mirror, p.repo.replace("/", "+"), "repo");
        if (!existsSync(gitDir)) throw new SnapshotError(`${gitDir} is absent: fetch github:${p.repo} first`);
        const r = extractSnapshot(gitDir, join(values.out, p.name), p.commit);
        process.stdout.write(`${p.name} ${r.commit.slice(0, 9)}: ${r.files} files written, ${r.missing} absent from the snapshot, ${r.skipped} links skipped\n`);
      }
      return;
    }
    if (positionals.length < 2) throw new SnapshotError(usage);
    const r = extractSnapshot(positionals[0]!, positionals[1]!, positionals[2]);
    process.stdout.write(`${r.commit.slice(0, 9)}: ${r.files} files written, ${r.missing} absent from the snapshot, ${r.skipped} links skipped\n`);
  } catch (e) {
    process.stderr.write(`snapshot-tree: ${(e as Error).message}\n`);
    process.exit(e instanceof SnapshotError && (e.message === usage || e.message.startsWith("no panel")) ? 2 : 1);
  }
}

if (import.meta.main) main();
