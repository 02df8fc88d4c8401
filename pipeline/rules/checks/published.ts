// Modules a package publishes to its users (package.json `exports`, `types`): their guards are API, mounted
// by whoever installs the package (hono's `basicAuth`), not by the package itself.
import { dirname, posix } from "node:path";

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
