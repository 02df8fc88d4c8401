// Import edges from source, parsed with the static floor's grammars (rules/languages.ts): TypeScript and
// JavaScript (import/export from, require, import()), Python (import, from ... import), Go (import specs, via
// go.mod's module path) and Rust (`mod name;`). Each import is resolved to a path the KB reviewed, or dropped:
// packages from outside the repository are not edges. Pure: text in, paths out.
import { posix } from "node:path";
import { parseSource } from "../rules/languages";

export interface ResolveContext {
  /** Paths the KB reviewed (files), for resolving a specifier to a file. */
  has: (path: string) => boolean;
  /** Directories holding reviewed files (Go imports name packages, which are directories). */
  hasDir: (path: string) => boolean;
  /** go.mod's `module` line, when the repository has one. */
  goModule: string | null;
}

const unquote = (s: string) => s.replace(/^[`'"]|[`'"]$/g, "");
const TS_EXT = ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", "/index.ts", "/index.tsx", "/index.js", "/index.jsx"];

function firstOf(candidates: string[], ctx: ResolveContext): string | null {
  for (const c of candidates) if (c && !c.startsWith("..") && ctx.has(c)) return c;
  return null;
}

function tsTargets(file: string, specs: string[], ctx: ResolveContext): string[] {
  const dir = posix.dirname(file);
  return specs.filter((s) => s.startsWith(".")).map((s) => {
    const base = posix.normalize(posix.join(dir, s));
    // `./x.js` in TypeScript sources names ./x.ts.
    const noJs = base.replace(/\.(m|c)?js$/, "");
    return firstOf([...TS_EXT.map((e) => base + e), ...TS_EXT.map((e) => noJs + e)], ctx);
  }).filter((x): x is string => x !== null);
}

function pyTargets(file: string, modules: string[], ctx: ResolveContext): string[] {
  const out: string[] = [];
  for (const m of modules) {
    const dots = /^\.*/.exec(m)![0].length;
    const rest = m.slice(dots).replace(/\./g, "/");
    const roots = dots ? [posix.normalize(posix.join(posix.dirname(file), ...Array(dots - 1).fill("..")))] : ["", "src", "lib"];
    for (const root of roots) {
      const base = rest ? posix.join(root, rest) : root;
      const hit = firstOf([`${base}.py`, posix.join(base, "__init__.py")], ctx);
      if (hit) {
        out.push(hit);
        break;
      }
    }
  }
  return out;
}

function goTargets(paths: string[], ctx: ResolveContext): string[] {
  if (!ctx.goModule) return [];
  const prefix = ctx.goModule + "/";
  return paths.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)).filter((d) => ctx.hasDir(d));
}

function rustTargets(file: string, mods: string[], ctx: ResolveContext): string[] {
  const dir = posix.dirname(file);
  const own = /(^|\/)(lib|main|mod)\.rs$/.test(file) ? dir : posix.join(dir, posix.basename(file, ".rs"));
  return mods.map((m) => firstOf([posix.join(own, `${m}.rs`), posix.join(own, m, "mod.rs")], ctx)).filter((x): x is string => x !== null);
}

/** The reviewed paths (files, or directories for Go packages) that `file` imports. */
export function importsOf(file: string, content: string, ctx: ResolveContext): string[] {
  let root;
  try {
    root = parseSource(file, content)?.root();
  } catch {
    return [];
  }
  if (!root) return [];
  const kinds = (k: string) => root.findAll({ rule: { kind: k } });
  let out: string[] = [];
  if (/\.(m|c)?[jt]sx?$/.test(file)) {
    const specs = [
      ...[...kinds("import_statement"), ...kinds("export_statement")].map((n) => n.field("source")?.text()),
      ...root.findAll({ rule: { pattern: "require($A)" } }).map((n) => n.getMatch("A")?.text()),
      ...root.findAll({ rule: { pattern: "import($A)" } }).map((n) => n.getMatch("A")?.text()),
    ].filter((s): s is string => !!s && /^[`'"]/.test(s)).map(unquote);
    out = tsTargets(file, specs, ctx);
  } else if (file.endsWith(".py")) {
    const mods = [
      ...kinds("import_from_statement").map((n) => n.field("module_name")?.text()),
      ...kinds("import_statement").flatMap((n) => n.fieldChildren("name").map((c) => c.text().split(/\s+as\s+/)[0])),
    ].filter((s): s is string => !!s);
    out = pyTargets(file, mods, ctx);
  } else if (file.endsWith(".go")) {
    out = goTargets(kinds("import_spec").map((n) => unquote(n.field("path")?.text() ?? "")), ctx);
  } else if (file.endsWith(".rs")) {
    out = rustTargets(file, kinds("mod_item").filter((n) => !n.field("body")).map((n) => n.field("name")?.text() ?? ""), ctx);
  }
  return [...new Set(out)].filter((t) => t !== file);
}
