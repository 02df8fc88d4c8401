// swallowed-error: the repository's own linter told that this error is dropped on purpose. A suppression of the
// linter's unchecked-error check on the statement (golangci's `//nolint:errcheck` or a bare `//nolint`, flake8's
// `noqa: BLE001/S110/S112/E722`, pylint's `broad-except`/`bare-except`, ESLint's `no-empty`) is a decision the
// project wrote down where its linter reads it, the courtesy `//nolint:unparam` gets for ignored parameters
// (lint-allows-unused.ts). Like a comment, it cannot excuse a lost write: scan-file.ts asks it only where the
// dropped code neither persists nor audits.
import type { GrammarLanguage } from "../rule-spec";

const ON_STATEMENT: Partial<Record<GrammarLanguage, RegExp>> = {
  go: /\/\/\s*nolint(?:\s*$|\s+[^:\n]|:[^\n]*\berrcheck\b)/,
  python: /#\s*noqa:[^\n]*\b(BLE001|S110|S112|E722)\b|#\s*pylint:\s*disable\s*=[^\n]*\b(broad-except|broad-exception-caught|bare-except|W0703|W0702)\b/,
  typescript: /eslint-disable(?:-next-line|-line)?\b[^\n]*\bno-empty\b/,
};

/** Does the hit's line, or the line just above it, carry the language's suppression of its unchecked-error lint? */
export function lintAllowsSwallow(lang: GrammarLanguage, lines: readonly string[], line: number): boolean {
  const re = ON_STATEMENT[lang];
  return !!re && (re.test(lines[line] ?? "") || re.test(lines[line - 1] ?? ""));
}
