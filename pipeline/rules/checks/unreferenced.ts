// unwired-auth: resolve deferred definitions against every walked file (cross-file references).
import { matchesAny } from "../glob";
import { isTestPath } from "../place";
import type { RuleLanguage } from "../rule-spec";
import { occurrences } from "./references";

export { inComment, maskExportLists } from "./references";

export interface Candidate {
  name: string;
  file: string;
  /** 0-based line of the definition's name: an occurrence there is the definition itself. */
  line: number;
  referenceIgnores: string[];
  /** Only files of this language (or of no rule language: templates, route tables) can wire it. */
  language?: RuleLanguage;
  /** A method's class: extended anywhere, its methods are hooks whose signature subclasses share. */
  owner?: string;
}

/** Candidates whose name occurs nowhere but on their own definition line; test code (pipeline/rules/place.ts) and `referenceIgnores` do not count. */
export function unreferenced(candidates: Candidate[], files: { path: string; content: string }[]): Candidate[] {
  if (!candidates.length) return [];
  const seen = occurrences(candidates.map((c) => c.name), files);
  return candidates.filter((c) => !(seen.get(c.name) ?? []).some((o) =>
    !(o.file === c.file && o.line === c.line) &&
    !(o.file !== c.file && (isTestPath(o.file) || matchesAny(o.file, c.referenceIgnores))) &&
    !(c.language && o.lang && o.lang !== c.language)));
}
