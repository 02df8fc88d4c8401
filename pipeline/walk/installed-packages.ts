// Packages installed into a directory of the repository (bazarr's `libs/`: `pip install --target libs`, committed
// with sqlalchemy, alembic, jinja2 and a hundred more): pip leaves a `NAME-VERSION.dist-info` (or an older
// `.egg-info`) record beside each package it installs, so a directory holding several such records is an install
// target, and the packages the records name are the packages' own code, reviewed upstream. The records say so
// whatever the directory is called and however the project puts it on the import path. Only what a record names is
// skipped: the project's own code beside the installed packages (a Lambda's `handler.py` next to its vendored
// dependencies) is still the project's. A project's own `src/` may hold the one `.egg-info` of its editable install;
// it takes several records to make an install target.
import { basename, dirname } from "node:path";

export interface TextFile { path: string; content: string }

/** A directory holding at least this many install records is an install target. */
const MIN_RECORDS = 3;

/** `SQLAlchemy-2.0.37.dist-info`, `six-1.16.0-py3.11.egg-info`: the distribution's name. */
const RECORD_DIR = /^([A-Za-z0-9][\w.]*?)-\d[\w.+!-]*\.(dist-info|egg-info)$/;

/** A name as an import sees it: lower case, `-` and `.` as `_`. */
const norm = (name: string) => name.toLowerCase().replace(/[-.]/g, "_");

/**
 * The install targets among the repository's paths: each directory with MIN_RECORDS or more install-record
 * directories directly under it, with the distributions they name and the entries they installed there (`skip`:
 * children of the directory, a package directory or a module file). What a record installed comes from its
 * `RECORD` (the first segment of each installed path), its `top_level.txt`, and the distribution's own name
 * (`SQLAlchemy` → `sqlalchemy`, `six` → `six.py`). An install target inside another is part of it.
 */
export function installedPackageDirs(paths: readonly string[], texts: readonly TextFile[] = []): { dir: string; held: string[]; skip: string[] }[] {
  const records = new Map<string, Map<string, string>>();
  for (const p of paths) {
    const recordDir = dirname(p);
    const name = RECORD_DIR.exec(basename(recordDir))?.[1];
    if (!name) continue;
    const dir = dirname(recordDir);
    if (dir === ".") continue;
    const set = records.get(dir) ?? new Map<string, string>();
    set.set(name, recordDir);
    records.set(dir, set);
  }
  const textOf = new Map(texts.map((t) => [t.path, t.content]));
  const found: { dir: string; held: string[]; skip: string[] }[] = [];
  for (const [dir, held] of records) {
    if (held.size < MIN_RECORDS) continue;
    const tops = new Set<string>();
    for (const [name, recordDir] of held) {
      tops.add(basename(recordDir));
      const record = textOf.get(`${recordDir}/RECORD`) ?? textOf.get(`${recordDir}/installed-files.txt`);
      const topLevel = textOf.get(`${recordDir}/top_level.txt`);
      for (const line of (record ?? "").split("\n")) {
        const first = line.split(",")[0]!.trim().split("/")[0]!;
        if (first && first !== ".." && !RECORD_DIR.test(first)) tops.add(first);
      }
      for (const line of (topLevel ?? "").split("\n")) if (line.trim()) tops.add(line.trim());
      tops.add(norm(name));
    }
    // Children of the directory the records name: a package directory, or a module file (`six` → `six.py`).
    const children = new Set(paths.filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split("/")[0]!));
    const skip = [...children].filter((c) => tops.has(c) || tops.has(c.replace(/\.py$/, "")) || tops.has(norm(c))).map((c) => `${dir}/${c}`).sort();
    found.push({ dir, held: [...held.keys()].sort(), skip });
  }
  return found.filter((f) => !found.some((o) => f.dir.startsWith(`${o.dir}/`))).sort((a, b) => a.dir.localeCompare(b.dir));
}
