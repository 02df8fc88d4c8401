// Where each operator could plant its defect: every match of its rule in every walked file, with the
// replacement already computed (pure: file texts in, sites out).
import type { FindingClass } from "../kb/schemas/static-finding";
import { matchesAny } from "../rules/glob";
import { languageOf, parseSource } from "../rules/languages";
import type { RuleLanguage } from "../rules/rule-spec";
import { applyFix, rewriterMatches, type Replacement } from "./apply-fix";
import type { MutationOperator } from "./compile-operator";
import { seededValues } from "./seeded";
import { ReferenceCounts, siteCheck } from "./site-checks";

export interface SourceText { path: string; content: string }

export interface Site {
  operator: string;
  class: FindingClass;
  language: RuleLanguage;
  file: string;
  /** 1-based lines of the original text the change replaces. */
  line: number;
  end_line: number;
  replacement: Replacement;
  /** What the defect is about (a guard's name), when the operator names one. */
  symbol: string | null;
  /** A line before the change where a reviewer reports this defect (an unread parameter's declaration), if any. */
  anchor: number | null;
  /** Lines the change adds (negative: removes); lines after end_line move by this much. */
  line_delta: number;
}

/** 1-based line of a text offset, by binary search over the newline offsets (sites are many per file). */
function lineIndex(text: string): (index: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines.push(i);
  return (index) => {
    let lo = 0, hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

const countLines = (text: string) => text.split("\n").length;

/** Operators that may touch this path (language, files/ignores globs, prefilter). */
function activeFor(ops: readonly MutationOperator[], file: SourceText, lang: RuleLanguage): MutationOperator[] {
  return ops.filter(({ spec, prefilter }) =>
    spec.language === lang && (!spec.files || matchesAny(file.path, spec.files)) && !matchesAny(file.path, spec.ignores) && (!prefilter || prefilter.test(file.content)));
}

/** Sites of one file, in operator then document order; a match whose fix changes nothing is no site. */
export function fileSites(file: SourceText, ops: readonly MutationOperator[], seed: string, values: (key: string) => Record<string, string> = (k) => seededValues(seed, k)): Site[] {
  const lang = languageOf(file.path);
  if (!lang) return [];
  const active = activeFor(ops, file, lang);
  if (!active.length) return [];
  const root = parseSource(file.path, file.content)?.root();
  if (!root) return [];
  const lineOf = lineIndex(file.content);
  const refs = new ReferenceCounts(lang);
  const out: Site[] = [];
  for (const op of active) {
    const { spec } = op;
    const matches = rewriterMatches(op, root);
    root.findAll(op.matcher).forEach((node, i) => {
      const checked = spec.check ? siteCheck(spec.check, node, refs) : { anchor: null };
      if (!checked) return;
      const { symbol, ...replacement } = applyFix(op, node, file.content, values(`${file.path}\0${spec.id}\0${i}`), matches);
      const before = file.content.slice(replacement.start, replacement.end);
      if (before === replacement.text) return;
      out.push({
        operator: spec.id, class: spec.class, language: lang, file: file.path,
        line: lineOf(replacement.start), end_line: lineOf(replacement.end),
        replacement, symbol, anchor: checked.anchor,
        line_delta: countLines(replacement.text) - countLines(before),
      });
    });
  }
  return out;
}

export function findSites(files: readonly SourceText[], ops: readonly MutationOperator[], seed: string): Site[] {
  return files.flatMap((f) => fileSites(f, ops, seed));
}

/** The file's text with one site's change made. */
export function applySite(content: string, site: Site): string {
  return content.slice(0, site.replacement.start) + site.replacement.text + content.slice(site.replacement.end);
}
