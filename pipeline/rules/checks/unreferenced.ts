// unwired-auth: resolve deferred definitions against every walked file (cross-file references).
import { matchesAny } from "../glob";
import { languageOf } from "../languages";
import type { RuleLanguage } from "../rule-spec";

export interface Candidate {
  name: string;
  file: string;
  /** 0-based line of the definition's name: an occurrence there is the definition itself. */
  line: number;
  referenceIgnores: string[];
  /** Only files of this language (or of no rule language: templates, route tables) can wire it. */
  language?: RuleLanguage;
}

function lineAt(content: string, index: number, starts: number[]): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid; else hi = mid - 1;
  }
  return lo;
}

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

/** Candidates whose name occurs nowhere but on their own definition line (ignoring e.g. test files). */
export function unreferenced(candidates: Candidate[], files: { path: string; content: string }[]): Candidate[] {
  if (!candidates.length) return [];
  const names = [...new Set(candidates.map((c) => c.name))];
  const re = new RegExp(`(?<![\\w$])(${names.map((n) => n.replace(/[$]/g, "\\$")).join("|")})(?![\\w$])`, "g");
  // name → set of "file:line" where it occurs
  const seen = new Map<string, Set<string>>();
  const langOf = new Map<string, RuleLanguage | null>();
  for (const f of files) {
    re.lastIndex = 0;
    if (!re.test(f.content)) continue;
    const lang = languageOf(f.path);
    langOf.set(f.path, lang);
    const content = maskExportLists(f.content, lang);
    re.lastIndex = 0;
    let starts: number[] | null = null;
    for (const m of content.matchAll(re)) {
      starts ??= [0, ...[...content.matchAll(/\n/g)].map((x) => x.index! + 1)];
      const line = lineAt(content, m.index!, starts);
      if (inComment(content.slice(starts[line]!, m.index!))) continue;
      const key = `${f.path}:${line}`;
      let s = seen.get(m[1]!);
      if (!s) seen.set(m[1]!, (s = new Set()));
      s.add(key);
    }
  }
  return candidates.filter((c) => {
    const at = seen.get(c.name) ?? new Set<string>();
    for (const key of at) {
      const file = key.slice(0, key.lastIndexOf(":"));
      if (key === `${c.file}:${c.line}`) continue;
      if (file !== c.file && matchesAny(file, c.referenceIgnores)) continue;
      const lang = langOf.get(file) ?? null;
      if (c.language && lang && lang !== c.language) continue;
      return false;
    }
    return true;
  });
}
