// Where names occur across the walked files (comments and export lists aside): the cross-file index.
import { languageOf } from "../languages";
import type { RuleLanguage } from "../rule-spec";

/** A name mentioned in a comment (Go doc comments always open with it) is not a reference. */
export function inComment(before: string): boolean {
  return /^\s*(\/\/|\/\*|\*|#(?![[!]))|\s\/\/\s|^\s*(\"\"\"|\'\'\')/.test(before);
}

/**
 * Export lists publish a name, they do not use it: `module.exports = { isAdmin }`, `exports.x = x`,
 * `export { x }`, `__all__ = [...]`, `pub use auth::x;`. An importer elsewhere is still a reference.
 * Aliased exports (`export { a as b }`) stay: the alias is what callers use.
 */
const EXPORT_LISTS: Partial<Record<RuleLanguage, RegExp[]>> = {
  typescript: [
    /\bmodule\.exports\s*=\s*\{[^{}]*\}/g,
    /^[ \t]*(?:module\.)?exports\.([\w$]+)\s*=\s*\1\s*;?[ \t]*$/gm,
    /\bexport\s*\{(?:(?!\bas\b)[^}])*\}(?:\s*from\s*["'][^"']*["'])?/g,
  ],
  python: [/^__all__\s*\+?=\s*[[(][^\])]*[\])]/gm],
  rust: [/^[ \t]*pub(?:\([^)]*\))?\s+use\s[^;]*;/gm],
};

/** The text with export lists blanked (newlines kept, so line numbers still hold). */
export function maskExportLists(content: string, lang: RuleLanguage | null): string {
  const res = lang ? EXPORT_LISTS[lang] : undefined;
  if (!res) return content;
  let out = content;
  for (const re of res) out = out.replace(re, (m) => m.replace(/[^\n]/g, " "));
  return out;
}

export interface Occurrence {
  file: string;
  lang: RuleLanguage | null;
  /** 0-based line. */
  line: number;
  /** The text of that line before and after the name. */
  before: string;
  after: string;
  /** The line above (a base list broken over lines: `class UserFollowing(\n    ModelFollowing[User, User]):`). */
  above: string;
  /** Inside an import statement (one spanning lines included): naming a value, not passing it. */
  inImport: boolean;
}

/** Import statements, multi-line lists included: `import {\n a,\n} from "x"`, `from m import (\n a)`, `use a::{\n b};`. */
const IMPORTS: Partial<Record<RuleLanguage, RegExp>> = {
  typescript: /^[ \t]*import\s+(?:type\s+)?[\w$*{](?:(?!^[ \t]*(?:import|export)\b)[^;()])*?\bfrom\s*["'][^"'\n]*["']/gm,
  python: /^[ \t]*from\s+[\w.]+\s+import\s*(?:\([^)]*\)|[^\n]*)|^[ \t]*import\s[^\n]*/gm,
  rust: /^[ \t]*(?:pub(?:\([^)]*\))?\s+)?use\s[^;]*;/gm,
};

function importSpans(content: string, lang: RuleLanguage | null): [number, number][] {
  const re = lang ? IMPORTS[lang] : undefined;
  if (!re) return [];
  return [...content.matchAll(re)].map((m) => [m.index!, m.index! + m[0].length]);
}

function lineStarts(content: string): number[] {
  return [0, ...[...content.matchAll(/\n/g)].map((x) => x.index! + 1)];
}

function lineAt(index: number, starts: number[]): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Every occurrence of each name as a whole word, outside comments and export lists. */
export function occurrences(names: readonly string[], files: readonly { path: string; content: string }[]): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  if (!names.length) return out;
  const re = new RegExp(`(?<![\\w$])(${[...new Set(names)].map((n) => n.replace(/[$]/g, "\\$")).join("|")})(?![\\w$])`, "g");
  for (const f of files) {
    re.lastIndex = 0;
    if (!re.test(f.content)) continue;
    const lang = languageOf(f.path);
    const content = maskExportLists(f.content, lang);
    const starts = lineStarts(content);
    const imports = importSpans(content, lang);
    re.lastIndex = 0;
    for (const m of content.matchAll(re)) {
      const line = lineAt(m.index!, starts);
      const before = content.slice(starts[line]!, m.index!);
      if (inComment(before)) continue;
      const end = m.index! + m[1]!.length;
      const after = content.slice(end, (starts[line + 1] ?? content.length + 1) - 1);
      let list = out.get(m[1]!);
      if (!list) out.set(m[1]!, (list = []));
      const above = line ? content.slice(starts[line - 1]!, starts[line]! - 1) : "";
      list.push({ file: f.path, lang, line, before, after, above, inImport: imports.some(([a, b]) => m.index! >= a && m.index! < b) });
    }
  }
  return out;
}
