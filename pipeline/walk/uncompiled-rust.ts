// Rust source that no crate compiles: a `.rs` file is built only when a crate root reaches it through `mod NAME;`
// declarations (or `#[path = ".."]`, or `include!("..")`). A file nothing declares (rumqtt's `replicator/` module,
// left out of `lib.rs` and listed in its architecture notes as not in use; attic's `access/tests.rs` beside a
// `mod.rs` that never names it) is not part of any build: nothing it says runs, so nothing in it is reported.
// Crate roots are `lib.rs`, `main.rs`, `build.rs`, anything under `bin/`, `tests/`, `examples/` or `benches/`, and
// every `path = "..rs"` a Cargo.toml names. Only a file with a Cargo.toml above it in the walk is judged: a
// directory of loose `.rs` files, or a sweep of one sub-directory of a crate, says nothing about what is built.
import { basename, dirname, join, normalize } from "node:path";
import type { TextFile } from "./installed-packages";

const ROOT_FILE = /^(lib|main|build)\.rs$/;
const ROOT_DIR = /(^|\/)(bin|tests|examples|benches)\//;
/** `mod name;` with its attributes (`#[cfg(test)]`, `#[path = "x.rs"]`) and visibility; an inline `mod name {` declares no file. */
const MOD_DECL = /((?:#\s*\[[^\]]*\]\s*)*)(?:pub(?:\s*\([^)]*\))?\s+)?mod\s+(?:r#)?(\w+)\s*;/g;
const PATH_ATTR = /#\s*\[\s*path\s*=\s*"([^"]+)"\s*\]/;
const INCLUDE = /\binclude!\s*\(\s*"([^"]+\.rs)"\s*\)/g;

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
const dirOf = (p: string) => (dirname(p) === "." ? "" : dirname(p));
const joined = (...parts: string[]) => normalize(join(...parts)).replace(/^\.\//, "");

/** The directory a file's `mod` declarations resolve in: its own for a crate root or `mod.rs`, else its stem's. */
function childDir(path: string): string {
  const name = basename(path);
  return ROOT_FILE.test(name) || name === "mod.rs" || ROOT_DIR.test(path) ? dirOf(path) : joined(dirOf(path), name.replace(/\.rs$/, ""));
}

/**
 * The walked `.rs` files no crate root reaches, each with why. Reachability runs from the roots through each reached
 * file's declarations: `mod NAME;` reaches `NAME.rs` or `NAME/mod.rs` under the file's module directory, or a file
 * of that name deeper down (an inline `mod a { mod b; }` nests it); `#[path]` and `include!` reach the file they name.
 * A module left out of its crate takes its own sub-modules with it.
 */
export function uncompiledRustFiles(files: readonly TextFile[], texts: readonly TextFile[]): { path: string; detail: string }[] {
  const rust = files.filter((f) => f.path.endsWith(".rs"));
  if (!rust.length) return [];
  const manifests = texts.filter((t) => basename(t.path) === "Cargo.toml");
  if (!manifests.length) return [];
  const crateDirs = new Set(manifests.map((m) => dirOf(m.path)));
  const manifestRoots = new Set<string>();
  for (const m of manifests) for (const p of m.content.matchAll(/^\s*path\s*=\s*"([^"]+\.rs)"/gm)) manifestRoots.add(joined(dirOf(m.path), p[1]!));
  const crateOf = (path: string): string | null => {
    for (let d = dirOf(path); ; d = dirOf(d)) {
      if (crateDirs.has(d)) return d;
      if (!d) return null;
    }
  };
  // Each file's module name and the directory its declaration must sit at or above.
  const moduleOf = (path: string) => basename(path) === "mod.rs" ? { name: basename(dirOf(path)), home: dirOf(dirOf(path)) } : { name: basename(path, ".rs"), home: dirOf(path) };
  const byName = new Map<string, string[]>();
  for (const f of rust) {
    const { name } = moduleOf(f.path);
    byName.set(name, [...(byName.get(name) ?? []), f.path]);
  }
  const paths = new Set(rust.map((f) => f.path));
  const content = new Map(rust.map((f) => [f.path, f.content]));
  const reached = new Set(rust.filter((f) => ROOT_FILE.test(basename(f.path)) || ROOT_DIR.test(f.path) || manifestRoots.has(f.path) || crateOf(f.path) === null).map((f) => f.path));
  const queue = [...reached];
  const reach = (path: string) => {
    if (!reached.has(path) && paths.has(path)) { reached.add(path); queue.push(path); }
  };
  while (queue.length) {
    const path = queue.pop()!;
    const code = withoutComments(content.get(path)!);
    const dir = childDir(path);
    for (const d of code.matchAll(MOD_DECL)) {
      const at = PATH_ATTR.exec(d[1] ?? "");
      if (at) reach(joined(dirOf(path), at[1]!));
      for (const candidate of byName.get(d[2]!) ?? []) {
        const { home } = moduleOf(candidate);
        if (home === dir || dir === "" || home.startsWith(`${dir}/`)) reach(candidate);
      }
    }
    for (const inc of code.matchAll(INCLUDE)) reach(joined(dirOf(path), inc[1]!));
  }
  return rust.filter((f) => !reached.has(f.path)).map((f) => ({ path: f.path, detail: `uncompiled: no \`mod\` declaration from a root of crate ${crateOf(f.path) || "."} reaches it` }));
}
