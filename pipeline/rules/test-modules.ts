// Rust modules compiled only for tests, declared so in another file: `#[cfg(test)] mod mocks;` in devices/mod.rs
// makes devices/mocks.rs test code whatever its name (youki's cgroup device mocks, whose `unimplemented!()` methods
// no shipped build contains). Submodules a test module declares are test code too.
import { type Place, placeOfPath } from "./place";
import type { SourceFile } from "./scan-file";

/**
 * A line opening with `#[cfg(test)]`, other attributes, then an out-of-line `mod name;` (with an optional `#[path = ".."]`).
 * A commented-out declaration (`// #[cfg(test)]`) does not open its line with the attribute.
 */
const DECLARED = /^[ \t]*#\[cfg\(test\)\]\s*((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm;
const ANY_MOD = /^[ \t]*((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm;
const PATH_ATTR = /#\[path\s*=\s*"([^"]+)"\]/;

/** Where rustc looks for module `name` declared in `file`, with its `#[path]` attribute when there is one. */
function childPaths(file: string, name: string, attrs: string): string[] {
  const dir = file.replace(/\/?[^/]*$/, "");
  const join = (d: string, p: string) => (d ? `${d}/${p}` : p).replace(/(^|\/)\.\//g, "$1");
  const path = PATH_ATTR.exec(attrs)?.[1];
  if (path) return [join(dir, path)];
  const owner = /(^|\/)(lib|main|mod)\.rs$/.test(file) ? dir : file.replace(/\.rs$/, "");
  return [join(owner, `${name}.rs`), join(owner, `${name}/mod.rs`)];
}

/** Paths of shipped Rust files that only a test build compiles, by the declarations of the files that include them. */
export function rustTestModules(files: readonly SourceFile[]): Set<string> {
  const rust = files.filter((f) => f.path.endsWith(".rs"));
  const known = new Set(rust.map((f) => f.path));
  const out = new Set<string>();
  let frontier: string[] = [];
  for (const f of rust) {
    if (!f.content.includes("#[cfg(test)]")) continue;
    for (const m of f.content.matchAll(DECLARED)) for (const p of childPaths(f.path, m[2]!, m[1]!)) if (known.has(p) && placeOfPath(p) === "shipped" && !out.has(p)) { out.add(p); frontier.push(p); }
  }
  const byPath = new Map(rust.map((f) => [f.path, f.content]));
  while (frontier.length) {
    const next: string[] = [];
    for (const parent of frontier) for (const m of (byPath.get(parent) ?? "").matchAll(ANY_MOD)) {
      for (const p of childPaths(parent, m[2]!, m[1]!)) if (known.has(p) && !out.has(p)) { out.add(p); next.push(p); }
    }
    frontier = next;
  }
  return out;
}

/** The files with `place: "test"` on those a test build alone compiles; the others as they were. */
export function withDeclaredPlaces<F extends SourceFile>(files: readonly F[]): F[] {
  if (!files.some((f) => f.path.endsWith(".rs") && f.content.includes("#[cfg(test)]"))) return [...files];
  const tests = rustTestModules(files);
  return tests.size ? files.map((f) => (tests.has(f.path) ? { ...f, place: "test" as Place } : f)) : [...files];
}
