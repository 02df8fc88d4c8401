// .gitignore semantics for non-git directories: patterns compiled to globs, last match wins.
import { posix } from "node:path";

interface IgnoreRule {
  globs: InstanceType<typeof Bun.Glob>[];
  negate: boolean;
  dirOnly: boolean;
}

/** Parse one .gitignore found in directory `base` (repo-relative, "" for the root). */
export function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.startsWith("#")) continue;
    raw = raw.replace(/(?<!\\)\s+$/, "");
    let negate = false;
    if (raw.startsWith("!")) { negate = true; raw = raw.slice(1); }
    if (raw.startsWith("\\")) raw = raw.slice(1);
    let dirOnly = false;
    if (raw.endsWith("/")) { dirOnly = true; raw = raw.slice(0, -1); }
    if (!raw) continue;
    const anchored = raw.includes("/");
    const pat = raw.replace(/^\//, "");
    const prefix = base ? base + "/" : "";
    const core = anchored ? prefix + pat : prefix + "**/" + pat;
    const globs = [new Bun.Glob(core), new Bun.Glob(core + "/**")];
    if (!anchored && !base) globs.push(new Bun.Glob(pat), new Bun.Glob(pat + "/**"));
    rules.push({ globs, negate, dirOnly });
  }
  return rules;
}

/** Decide whether `path` (repo-relative, posix) is ignored; `isDir` for directories. */
export function isIgnored(rules: readonly IgnoreRule[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const r of rules) {
    // A dir-only pattern matches the directory itself, or anything under it (the "/**" glob).
    const hit = r.globs.some((g, i) => g.match(path) && (!r.dirOnly || isDir || i % 2 === 1));
    if (hit) ignored = !r.negate;
  }
  return ignored;
}

export function joinRel(base: string, name: string): string {
  return base ? posix.join(base, name) : name;
}
