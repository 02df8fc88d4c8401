// ignored-parameter: the repository's own linter told that a parameter is unused on purpose. A suppression of the
// linter's unused-variable or unused-argument check on the function (ESLint's `no-unused-vars`, Biome's
// `noUnused…`, pylint's `unused-argument`, ruff's `ARG00x`, Rust's `#[allow(unused_variables)]` or
// `#[expect(unused_variables)]` (a lint expectation, stricter still: it fails the build once the name is used), golangci's
// `//nolint:unparam`) says what a `_` prefix says, in the one place the language leaves for it when the name is
// fixed (a component's props, a uniform signature, an open-core placeholder whose other edition reads them).
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { rustAttributes } from "../syntax";

const ON_FUNCTION: Record<GrammarLanguage, RegExp> = {
  typescript: /eslint-disable(?:-next-line|-line)?\b[^\n]*\bno-unused-vars\b|biome-ignore[^\n]*\bnoUnused(?:Variables|FunctionParameters)\b/,
  python: /pylint:\s*disable\s*=[^\n]*\bunused-argument\b|noqa:[^\n]*\bARG00\d\b/,
  rust: /#\[(?:allow|expect)\([^)\]]*\bunused(?:_variables)?\b/,
  go: /\/\/\s*nolint(?:\s|$|:[^\n]*\b(?:unparam|revive|unused)\b)/m,
};

/**
 * A disable before the function that no enable lifts: ESLint's block form (`/* eslint-disable
 * @typescript-eslint/no-unused-vars *\/` at the top), or pylint's on a line of its own at module level (it holds
 * to the end of the module).
 */
const BLOCK_DISABLE: Partial<Record<GrammarLanguage, RegExp>> = {
  typescript: /^\s*\/\*\s*eslint-disable\s[^\n]*\bno-unused-vars\b/,
  python: /^#\s*pylint:\s*disable\s*=[^\n]*\bunused-argument\b/,
};
const BLOCK_ENABLE: Partial<Record<GrammarLanguage, RegExp>> = {
  typescript: /^\s*\/\*\s*eslint-enable\b(?:\s*\*\/|[^\n]*\bno-unused-vars\b)/,
  python: /^#\s*pylint:\s*enable\s*=[^\n]*\bunused-argument\b/,
};

/**
 * The line just above the function's head (a `-next-line` comment, a `//nolint` line) through its parameter list
 * suppresses the language's unused-parameter check, or a block disable earlier in the file is not lifted before the
 * function; in Rust, an `allow` attribute of the function, of the trait, impl or module holding it, or of the file.
 */
export function lintAllowsUnused(fn: SgNode, lang: GrammarLanguage, lines: readonly string[]): boolean {
  if (lang === "rust") {
    // A lint attribute holds for the item and what it contains: the function, its trait, impl or module, or the
    // whole file (`#![allow(unused_variables)]`).
    for (let n: SgNode | null = fn; n; n = n.parent()) {
      if ((n === fn || /^(trait_item|impl_item|mod_item)$/.test(String(n.kind()))) && rustAttributes(n).some((a) => ON_FUNCTION.rust.test(a))) return true;
    }
    return lines.some((l) => /^\s*#!\[(?:allow|expect)\([^)\]]*\bunused(?:_variables)?\b/.test(l));
  }
  const start = fn.range().start.line;
  const params = (fn.field("parameters" as never) as SgNode | null) ?? fn;
  const window = lines.slice(Math.max(0, start - 1), params.range().end.line + 1).join("\n");
  if (ON_FUNCTION[lang].test(window)) return true;
  const disable = BLOCK_DISABLE[lang];
  const enable = BLOCK_ENABLE[lang];
  if (!disable || !enable) return false;
  let disabled = false;
  for (let i = 0; i < start && i < lines.length; i++) {
    if (disable.test(lines[i]!)) disabled = true;
    else if (enable.test(lines[i]!)) disabled = false;
  }
  return disabled;
}
