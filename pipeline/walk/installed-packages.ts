// Packages installed into a directory of the repository (bazarr's `libs/`: `pip install --target libs`, committed
// with sqlalchemy, alembic, jinja2 and a hundred more): pip leaves a `NAME-VERSION.dist-info` (or an older
// `.egg-info`) record beside each package it installs, so a directory holding several such records is an install
// target, and its code is the packages' own, reviewed upstream. The records say so whatever the directory is
// called and however the project puts it on the import path. A project's own `src/` may hold the one `.egg-info`
// of its editable install; it takes several records to make an install target.
import { basename, dirname } from "node:path";

/** A directory holding at least this many install records is an install target. */
const MIN_RECORDS = 3;

/** `SQLAlchemy-2.0.37.dist-info`, `six-1.16.0-py3.11.egg-info`: the distribution's name. */
const RECORD_DIR = /^([A-Za-z0-9][\w.]*?)-\d[\w.+!-]*\.(dist-info|egg-info)$/;

/**
 * The install targets among the repository's paths: each directory with MIN_RECORDS or more install-record
 * directories directly under it (seen through the files inside them), with the distributions they name. An
 * install target inside another is part of it.
 */
export function installedPackageDirs(paths: readonly string[]): { dir: string; held: string[] }[] {
  const records = new Map<string, Set<string>>();
  for (const p of paths) {
    const recordDir = dirname(p);
    const name = RECORD_DIR.exec(basename(recordDir))?.[1];
    if (!name) continue;
    const dir = dirname(recordDir);
    if (dir === ".") continue;
    const set = records.get(dir) ?? new Set<string>();
    set.add(name);
    records.set(dir, set);
  }
  const found = [...records].filter(([, held]) => held.size >= MIN_RECORDS).map(([dir, held]) => ({ dir, held: [...held].sort() }));
  return found.filter((f) => !found.some((o) => f.dir.startsWith(`${o.dir}/`))).sort((a, b) => a.dir.localeCompare(b.dir));
}
