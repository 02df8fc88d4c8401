// Dependencies copied into the repository under a directory of their own (Tautulli's `lib/` holding cherrypy,
// urllib3, dns and forty more, put on `sys.path` at start-up): the project's code makes the directory an import
// root, and the directory's packages are the ones the repository's manifests declare as dependencies, so the
// code is the dependencies' own, reviewed upstream. Both are needed: a project names its own modules after the
// libraries they wrap (qdrant's `src/actix/`, `src/tonic/`; portainer's `api/docker/`), and tests put the
// project's own source on the path. Python only: the other ecosystems vendor under `vendor/`, which the walk
// already skips by name.
import { basename, dirname, join, normalize } from "node:path";

export interface TextFile { path: string; content: string }

/** A directory with at least this many packages named as dependencies ... */
const MIN_MATCHES = 3;
/** ... making up at least this share of its packages, is a directory of copied dependencies. */
const MIN_SHARE = 0.25;

const MANIFEST_FILE = /^(package\.json|Cargo\.toml|pyproject\.toml|setup\.py|setup\.cfg|go\.mod|composer\.json|pom\.xml|build\.gradle(\.kts)?)$/;
const REQUIREMENTS = /^requirements[\w.-]*\.(txt|in)$/i;

/** A dependency's name as an import sees it: lower case, `-` and `.` as `_`. */
const norm = (name: string) => name.trim().toLowerCase().replace(/[-.]/g, "_");

/**
 * The names a package may be imported under: the distribution's own (`cherrypy_cors`), without a `py`/`python_`
 * prefix (`PyJWT` → `jwt`, `python-twitter` → `twitter`), without a `_client`/`_sdk` suffix (`websocket-client`),
 * and its first part (`paho-mqtt` → `paho`). npm's scoped names stay whole: `@acme/ui`'s last part could be any
 * directory of a monorepo.
 */
export function importNames(dependency: string): string[] {
  if (dependency.startsWith("@")) return [dependency.toLowerCase()];
  const n = norm(dependency);
  const forms = new Set([n, n.replace(/^python_/, ""), n.replace(/^py(?=[a-z]{3})/, ""), n.replace(/_(client|sdk)$/, ""), n.split("_")[0]!]);
  return [...forms].filter((f) => f.length >= 3);
}

/** Dependency names declared by one manifest's text (requirements lists, pyproject, package.json, Cargo.toml, go.mod). */
export function declaredDependencies(path: string, content: string): string[] {
  const file = basename(path);
  if (REQUIREMENTS.test(file)) {
    return content.split("\n").map((l) => /^\s*([A-Za-z0-9][\w.-]*)/.exec(l.replace(/#.*/, ""))?.[1]).filter((x): x is string => !!x && !/^(git|http|https|file)$/.test(x));
  }
  if (file === "package.json") {
    try {
      const pkg = JSON.parse(content) as Record<string, unknown>;
      return ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((k) => Object.keys((pkg[k] as Record<string, unknown> | undefined) ?? {}));
    } catch {
      return [];
    }
  }
  if (file === "pyproject.toml" || file === "Cargo.toml") {
    const out: string[] = [];
    let table = "";
    let inArray = false;
    for (const line of content.split("\n")) {
      const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
      if (header) { table = header[1]!; inArray = false; continue; }
      // pyproject: `dependencies = [ "requests>=2", ...]` (PEP 621, optional-dependencies' lists included).
      if (/^\s*[\w-]*dependencies\s*=\s*\[/.test(line) || (/optional-dependencies/.test(table) && /=\s*\[/.test(line))) inArray = true;
      if (inArray) {
        for (const m of line.matchAll(/["']([A-Za-z0-9][\w.-]*)/g)) out.push(m[1]!);
        if (/\]/.test(line.replace(/\[[^\]]*\]/g, "").replace(/^[^=]*=\s*\[/, ""))) inArray = false;
        continue;
      }
      // Tables of dependencies keyed by name: Cargo's `[dependencies]`, Poetry's `[tool.poetry.dependencies]`.
      if (/(^|\.)(dev-|build-)?dependencies$/.test(table)) {
        const key = /^\s*([A-Za-z0-9][\w.-]*)\s*=/.exec(line)?.[1];
        if (key && key !== "python") out.push(key);
      }
    }
    return out;
  }
  if (file === "go.mod") {
    // `require github.com/miekg/dns v1.1.0` and the lines of a `require ( .. )` block: the last path element,
    // skipping a major-version suffix (`github.com/x/y/v2` → y).
    return [...content.matchAll(/^\s*(?:require\s+)?([\w.-]+\.[a-z]{2,}\/[\w./-]+)\s+v\d/gm)].map((m) => {
      const parts = m[1]!.split("/");
      const last = parts[parts.length - 1]!;
      return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2]! : last;
    });
  }
  return [];
}

/**
 * The directories a Python file adds to the import path: `sys.path.insert(0, os.path.join(os.path.dirname(
 * os.path.abspath(__file__)), 'lib'))`, `sys.path.append("vendor")`, `site.addsitedir(..)`. The last string of the
 * call names the directory, beside the file when the call starts from `__file__`, else from the repository root.
 */
export function importRoots(files: readonly TextFile[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    if (!/\.py$/.test(f.path) || !/sys\.path|addsitedir/.test(f.content)) continue;
    for (const m of f.content.matchAll(/(?:sys\.path\s*\.\s*(?:insert|append)|site\s*\.\s*addsitedir)\s*\(([^\n]*)/g)) {
      const strings = [...m[1]!.matchAll(/["']([\w./-]+)["']/g)].map((x) => x[1]!);
      const last = strings[strings.length - 1];
      if (!last || last.startsWith("/")) continue;
      const dir = normalize(/__file__/.test(m[1]!) ? join(dirname(f.path), last) : last).replace(/\/$/, "");
      if (dir !== "." && !dir.startsWith("..")) out.add(dir);
    }
  }
  return out;
}

/**
 * The directories of copied dependencies among the walked paths: an import root (importRoots; never the
 * repository root) whose child packages (sub-directories holding source) include at least MIN_MATCHES named as
 * dependencies by a manifest of the repository, at least MIN_SHARE of them. A child with a manifest of its own
 * is a package of the repository (a monorepo's workspace) and is neither counted nor matched. Returns each
 * directory with the dependencies it holds.
 */
export function vendoredDependencyDirs(texts: readonly TextFile[], paths: readonly string[], isSource: (path: string) => boolean): { dir: string; held: string[] }[] {
  const roots = importRoots(texts);
  if (!roots.size) return [];
  const declared = new Set(texts.flatMap((t) => declaredDependencies(t.path, t.content)).flatMap(importNames));
  if (declared.size < MIN_MATCHES) return [];
  const manifests = new Set(paths.filter((p) => MANIFEST_FILE.test(basename(p))).map((p) => dirname(p)));
  // directory -> its children that hold source: a sub-directory's name, or a module file's stem
  const children = new Map<string, Set<string>>();
  for (const p of paths) {
    if (!isSource(p)) continue;
    const parts = p.split("/");
    // Sub-directories only: a module file named for a dependency is most often the project's wrapper of it
    // (`lib/stripe.ts`, `lib/redis.py`); a copied dependency is a package directory.
    for (let depth = 1; depth < parts.length - 1; depth++) {
      const dir = parts.slice(0, depth).join("/");
      const child = parts[depth]!;
      if (manifests.has(`${dir}/${child}`)) continue;
      const set = children.get(dir) ?? new Set<string>();
      set.add(child);
      children.set(dir, set);
    }
  }
  const out: { dir: string; held: string[] }[] = [];
  for (const [dir, kids] of children) {
    // An outer directory of one already found is not asked again; nor is a directory with a manifest of its own.
    if (!roots.has(dir) || manifests.has(dir) || out.some((o) => dir.startsWith(`${o.dir}/`))) continue;
    const held = [...kids].filter((k) => declared.has(norm(k)) || declared.has(k.toLowerCase()));
    if (held.length >= MIN_MATCHES && held.length / kids.size >= MIN_SHARE) out.push({ dir, held: held.sort() });
  }
  // The outermost directory wins: a match inside one already found is part of it.
  return out.filter((o) => !out.some((x) => x !== o && o.dir.startsWith(`${x.dir}/`)));
}
