// swallowed-error (Go): a dropped call whose every declaration in the repository answers no error drops nothing.
// `repo.Update(from)` copying fields, or a helper that logs its own failure and returns nothing, reads like a
// write whose error went unchecked; the declarations say there is no error to check.
import type { StaticFinding } from "../../kb/schemas/static-finding";
import { escapeRegExp } from "../syntax";
import { droppedCallee } from "./claim-evidence";

/** The result list of each declaration of `name` (a function or a method of any receiver) in Go source. */
function resultsOf(content: string, name: string): string[] {
  const out: string[] = [];
  const head = new RegExp(`^func\\s*(?:\\([^)]*\\)\\s*)?${escapeRegExp(name)}\\s*(?:\\[[^\\]]*\\])?\\(`, "gm");
  for (const m of content.matchAll(head)) {
    let i = m.index! + m[0].length;
    for (let depth = 1; i < content.length && depth > 0; i++) {
      if (content[i] === "(") depth++;
      else if (content[i] === ")") depth--;
    }
    const brace = content.indexOf("{", i);
    out.push(brace < 0 ? "" : content.slice(i, brace));
  }
  return out;
}

/**
 * The Go swallowed-error findings whose dropped callee the walked Go files declare, every declaration
 * without an `error` among its results. A name no walked file declares (the standard library, a dependency)
 * or one that any declaration answers an error for (`Delete` on a store and on a cache) stays reported.
 */
export function errorlessDrops(findings: readonly StaticFinding[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): Set<StaticFinding> {
  const out = new Set<StaticFinding>();
  const goFiles = files.filter((f) => f.path.endsWith(".go"));
  const memo = new Map<string, boolean>();
  for (const f of findings) {
    if (f.class !== "swallowed-error" || !f.file.endsWith(".go")) continue;
    const key = droppedCallee((lines(f.file)[f.line - 1] ?? "").trim().replace(/^(if\s+)?(\w+\s*(,\s*\w+)*\s*:?=\s*)?/, ""));
    if (!key) continue;
    let errorless = memo.get(key.method);
    if (errorless === undefined) {
      const results = goFiles.flatMap((g) => (g.content.includes(key.method) ? resultsOf(g.content, key.method) : []));
      errorless = results.length > 0 && results.every((r) => !/\berror\b/.test(r));
      memo.set(key.method, errorless);
    }
    if (errorless) out.add(f);
  }
  return out;
}
