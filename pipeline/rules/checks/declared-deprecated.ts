// ignored-parameter: a function its author declared deprecated or removed keeps its signature for the callers it
// used to serve, so its parameters go unread on purpose (django CMS's `publish_page(page, user, language)`, which
// since version 4 only warns that publishing moved to another package). Declared the way each language declares it:
// Python's `@deprecated` or a `warn(..)` in the body naming a deprecation (a `…DeprecationWarning`/`Removed…Warning`
// category, or a message saying deprecated, removed, no longer), a JSDoc `@deprecated`, Go's `// Deprecated:` doc
// paragraph, Rust's `#[deprecated]`.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";

const PY_WARNS = /\bwarn(?:ings\.warn)?\s*\((?:[^()]|\([^()]*\))*?(?:\b\w*(?:Deprecation|Removed\w*)Warning\b|\b(?:deprecated|removed|no longer (?:supported|used|available))\b)/i;
const ABOVE: Record<GrammarLanguage, RegExp> = {
  python: /^\s*@(?:[\w.]+\.)?deprecated\b/m,
  typescript: /@deprecated\b/,
  go: /^\s*\/\/\s*Deprecated:/m,
  rust: /#\[deprecated\b/,
};

/** The comment, decorator and attribute lines directly above line `start` (0-based). */
function linesAbove(lines: readonly string[], start: number): string {
  const out: string[] = [];
  for (let i = start - 1; i >= 0 && i >= start - 30; i--) {
    const l = lines[i]!.trim();
    if (!/^(\/\/|\/\*|\*|#|@)/.test(l)) break;
    out.unshift(l);
  }
  return out.join("\n");
}

export function declaredDeprecated(fn: SgNode, body: SgNode, lang: GrammarLanguage, lines: readonly string[]): boolean {
  if (ABOVE[lang].test(linesAbove(lines, fn.range().start.line))) return true;
  // A decorated Python function's node starts at its `def`; the decorators sit on the lines above it.
  return lang === "python" && PY_WARNS.test(body.text().slice(0, 1500));
}
