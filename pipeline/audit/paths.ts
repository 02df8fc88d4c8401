// Paths in prose, and how a written path (or path suffix) resolves against a list of real files.

export interface PathToken {
  text: string;
  start: number;
  end: number;
  /** Written in backticks: the writer marked it as code, so a bare name counts too. */
  ticked: boolean;
}

/** Extensions a bare name (no slash) must end with to be read as a file: source, docs, config. */
export const FILE_EXTENSIONS = new Set([
  "ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts", "py", "rs", "go", "java", "kt", "rb", "php", "cs", "c", "h", "cc", "cpp",
  "hpp", "swift", "scala", "sh", "sql", "vue", "svelte", "md", "json", "yaml", "yml", "toml", "txt", "lock", "cfg", "ini", "html",
  "css", "scss", "proto", "graphql", "xml", "gradle", "mod", "sum", "env", "tf", "dockerfile",
]);

const EXT = /\.([A-Za-z][A-Za-z0-9]{0,9})$/;
const SEGMENT = String.raw`[\w@+-][\w.@+-]*`;
// A run of path characters; judged by looksLikePath below.
const CANDIDATE = new RegExp(String.raw`(?<![\w@/.:$-])(?:\.{1,2}/)?${SEGMENT}(?:/${SEGMENT})*/?`, "g");
const TICKED = /`([^`\s]+)`/g;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

/**
 * A bare token is a path when its last segment has a known extension, or it has a slash and is clearly not
 * prose ("and/or", "I/O", "read/write"): a trailing slash, three or more segments, or a segment with
 * `.`, `_`, `-` or a digit.
 */
export function looksLikePath(t: string, ticked = false): boolean {
  if (/^\d+(\.\d+)*$/.test(t) || /^v\d/.test(t)) return false;
  const segs = t.replace(/^\.{1,2}\//, "").split("/").filter(Boolean);
  const ext = EXT.exec(segs.at(-1) ?? "")?.[1]?.toLowerCase();
  if (ext && FILE_EXTENSIONS.has(ext) && /[A-Za-z_]/.test(segs.at(-1)!.slice(0, -ext.length - 1) || "x")) return true;
  if (!t.includes("/")) return ticked && Boolean(ext);
  if (ticked) return true;
  return t.endsWith("/") || /^\.{1,2}\//.test(t) || segs.length >= 3 || segs.some((s) => /[._\d-]/.test(s));
}

/** Path tokens of a text, in order; URLs are skipped and trailing punctuation is not part of a path. */
export function pathTokens(text: string): PathToken[] {
  const masked = text.replace(URL, (u) => " ".repeat(u.length));
  const out: PathToken[] = [];
  const taken: [number, number][] = [];
  for (const m of masked.matchAll(TICKED)) {
    const t = m[1]!.replace(/[.,:;)]+$/, "");
    taken.push([m.index!, m.index! + m[0].length]);
    if (looksLikePath(t, true)) out.push({ text: t, start: m.index! + 1, end: m.index! + 1 + t.length, ticked: true });
  }
  for (const m of masked.matchAll(CANDIDATE)) {
    if (taken.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    const t = m[0].replace(/[.,:;)]+$/, "");
    if (looksLikePath(t)) out.push({ text: t, start: m.index!, end: m.index! + t.length, ticked: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

export type Resolved = { kind: "one"; path: string } | { kind: "none" } | { kind: "many"; paths: string[] };

/**
 * A written path against real paths: exact, else a suffix at a path-segment boundary ("auth.rs" matches
 * "gateway/src/auth.rs", not "oauth.rs"). A directory (with or without its trailing slash) resolves when files
 * lie under it; the path returned has no trailing slash.
 */
export function resolvePath(written: string, paths: Iterable<string>): Resolved {
  return new PathIndex([...paths]).resolve(written);
}

/**
 * A fixed list of paths, indexed (exact paths, files by base name, directories by base name on first use)
 * so that a KB iteration's 50,000 files answer a claim's path without a scan per claim.
 */
export class PathIndex {
  private readonly exact: Set<string>;
  private readonly byBase = new Map<string, string[]>();
  private dirs: Map<string, string[]> | null = null;

  constructor(private readonly paths: readonly string[]) {
    this.exact = new Set(paths);
    for (const p of paths) push(this.byBase, p.slice(p.lastIndexOf("/") + 1), p);
  }

  has(path: string): boolean {
    return this.exact.has(path);
  }

  resolve(written: string): Resolved {
    const w = written.replace(/^\.\//, "").replace(/\/+$/, "");
    if (!written.endsWith("/")) {
      if (this.exact.has(w)) return { kind: "one", path: w };
      const hits = (this.byBase.get(w.slice(w.lastIndexOf("/") + 1)) ?? []).filter((p) => p.endsWith("/" + w));
      if (hits.length) return pick(hits);
    }
    if (!this.dirs) {
      this.dirs = new Map();
      const seen = new Set<string>();
      for (const p of this.paths) {
        for (let i = p.indexOf("/"); i > 0; i = p.indexOf("/", i + 1)) {
          const d = p.slice(0, i);
          if (seen.has(d)) continue;
          seen.add(d);
          push(this.dirs, d.slice(d.lastIndexOf("/") + 1), d);
        }
      }
    }
    return pick((this.dirs.get(w.slice(w.lastIndexOf("/") + 1)) ?? []).filter((d) => d === w || d.endsWith("/" + w)));
  }
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function pick(hits: string[]): Resolved {
  if (hits.length === 1) return { kind: "one", path: hits[0]! };
  return hits.length ? { kind: "many", paths: hits.sort() } : { kind: "none" };
}

/** "a, b, c and 4 more", for evidence lines. */
export function listSome(xs: readonly string[], n = 3): string {
  return xs.length > n ? `${xs.slice(0, n).join(", ")} and ${xs.length - n} more` : xs.join(", ");
}
