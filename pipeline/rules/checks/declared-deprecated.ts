// ignored-parameter: a shim its author keeps for old callers, warning on entry that it is deprecated or removed
// (django CMS's `publish_page(page, user, language)`, which since version 4 only warns that publishing moved to another
// package), keeps its signature, so its parameters go unread on purpose. Known by what runs: Python's `warn(..)` as the
// body's first statement naming a deprecation (a `…DeprecationWarning`/`Removed…Warning` category, or a message saying
// deprecated, removed, no longer), or the `@deprecated` decorator that emits it. A doc comment alone (JSDoc
// `@deprecated`, Go's `// Deprecated:`) leaves the function working as before: what it ignores still matters to its
// callers (the review's counter-example: a deprecated client still documenting the timeout it drops).
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";

const PY_WARNS = /\bwarn(?:ings\.warn)?\s*\((?:[^()]|\([^()]*\))*?(?:\b\w*(?:Deprecation|Removed\w*)Warning\b|\b(?:deprecated|removed|no longer (?:supported|used|available))\b)/i;
const DECORATOR = /^\s*@(?:[\w.]+\.)?deprecated\b/m;

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
  if (lang !== "python") return false;
  // A decorated Python function's node starts at its `def`; the decorators sit on the lines above it.
  if (DECORATOR.test(linesAbove(lines, fn.range().start.line))) return true;
  const first = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())) && !/^[rbuf]*["']/i.test(c.text())).find((c) => !/^(from|import)\b/.test(c.text()));
  return !!first && PY_WARNS.test(first.text());
}
