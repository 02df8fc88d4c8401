// Modules a package publishes to its users (package.json `exports`, `types`): their guards are API, mounted
// by whoever installs the package (hono's `basicAuth`), not by the package itself.
import { dirname, posix } from "node:path";
import { escapeRegExp } from "../syntax";

/** Build-output directories a manifest points into; the source tree mirrors them under `src/`. */
const BUILD_DIR = /^(dist|build|lib|out|esm|cjs|es|umd|types|src)\//;

/** `./dist/cjs/middleware/basic-auth/index.js` → `middleware/basic-auth`. */
function moduleKey(path: string): string {
  let p = path.replace(/^\.\//, "");
  while (BUILD_DIR.test(p)) p = p.replace(BUILD_DIR, "");
  return p.replace(/(\.d)?\.[cm]?[jt]sx?$/, "").replace(/(^|\/)index$/, "");
}

function targets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(targets);
  return [];
}

/** A module a manifest publishes: the manifest's directory and the module key (a trailing `*` keeps a prefix). */
export interface PublishedModule { dir: string; key: string }

/**
 * The published modules of every package.json among the files. Only explicit publication counts: the
 * `exports` map and `types`/`typings`; `main` alone is how an application starts as often as a library's entry.
 */
export function publishedModules(files: readonly { path: string; content: string }[]): PublishedModule[] {
  const out: PublishedModule[] = [];
  for (const f of files) {
    if (posix.basename(f.path) !== "package.json") continue;
    let manifest: Record<string, unknown>;
    try { manifest = JSON.parse(f.content) as Record<string, unknown>; } catch { continue; }
    const dir = dirname(f.path) === "." ? "" : `${dirname(f.path)}/`;
    for (const t of [...targets(manifest.exports), ...targets(manifest.types), ...targets(manifest.typings)]) {
      out.push({ dir, key: moduleKey(t) });
    }
  }
  return out;
}

/** Is this source file one of the modules its package publishes? */
export function isPublished(file: string, published: readonly PublishedModule[]): boolean {
  return published.some(({ dir, key }) => {
    if (!file.startsWith(dir)) return false;
    const mine = moduleKey(file.slice(dir.length));
    return key.endsWith("*") ? mine.startsWith(key.slice(0, -1)) : mine === key;
  });
}

/** The file a relative module specifier of `from` names (`./verify.js` → `src/verify.ts`), among `paths`. */
function resolveRelative(from: string, spec: string, paths: ReadonlySet<string>): string | null {
  const base = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.(?:[cm]?js|jsx)$/, "");
  for (const ext of [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx", "/index.ts", "/index.tsx", "/index.js"]) if (paths.has(base + ext)) return base + ext;
  return paths.has(base) ? base : null;
}

/**
 * Every source file a published module re-exports, however deep, with what it re-exports: `"*"` for `export * from
 * './verify.js'` (every name the file exports), else the names (`export { verify, sign as signBytes } from
 * './verify'`: `verify`, `sign`). What an entry re-exports is the package's API as much as the entry.
 */
export function publishedFiles(files: readonly { path: string; content: string }[], published: readonly PublishedModule[]): Map<string, "*" | Set<string>> {
  const out = new Map<string, "*" | Set<string>>();
  if (!published.length) return out;
  const byPath = new Map(files.filter((f) => /\.[cm]?[jt]sx?$/.test(f.path)).map((f) => [f.path, f.content]));
  const paths = new Set(byPath.keys());
  const queue = [...paths].filter((p) => isPublished(p, published));
  const seen = new Set(queue);
  while (queue.length) {
    const p = queue.pop()!;
    for (const m of (byPath.get(p) ?? "").matchAll(/^\s*export\s+(?:type\s+)?(\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+)["']/gm)) {
      const target = resolveRelative(p, m[2]!, paths);
      if (!target) continue;
      const names = m[1]!.startsWith("*") ? "*" : new Set([...m[1]!.slice(1, -1).split(",")].map((x) => x.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!.trim()).filter(Boolean));
      const had = out.get(target);
      out.set(target, had === "*" || names === "*" ? "*" : new Set([...(had ?? []), ...names]));
      if (!seen.has(target)) { seen.add(target); queue.push(target); }
    }
  }
  return out;
}

/** Is `name` exported by the file's own text (`export function name`, `export const name`, `export { name }`)? */
export function exportsName(content: string, name: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(`^\\s*export\\s+(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?(?:function\\*?|const|let|var|class|abstract\\s+class)\\s+${n}\\b|^\\s*export\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`, "m").test(content);
}
