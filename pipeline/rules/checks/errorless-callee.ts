// swallowed-error (Go): a dropped call whose declarations in the repository answer no error drops nothing.
// `repo.Update(patch)` copying fields into a `*Repo`, or a helper that logs its own failure and returns
// nothing, reads like a write whose error went unchecked; the declaration says there is no error to check.
import type { StaticFinding } from "../../kb/schemas/static-finding";
import { escapeRegExp, goPackageName } from "../syntax";
import { type CalleeKey, droppedCallee } from "./claim-evidence";

interface Declaration { receiver: string | null; pkg: string; results: string }

/** Each declaration of `name` in one Go file: its receiver's type (null for a function), package and results. */
function declarationsOf(content: string, name: string): Declaration[] {
  const pkg = goPackageName(content) ?? "";
  const head = new RegExp(`^func\\s*(?:\\(\\s*\\w*\\s*\\*?\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*\\)\\s*)?${escapeRegExp(name)}\\s*(?:\\[[^\\]]*\\])?\\(`, "gm");
  return [...content.matchAll(head)].map((m) => {
    let i = m.index! + m[0].length;
    for (let depth = 1; i < content.length && depth > 0; i++) {
      if (content[i] === "(") depth++;
      else if (content[i] === ")") depth--;
    }
    const brace = content.indexOf("{", i);
    return { receiver: m[1] ?? null, pkg, results: brace < 0 ? "" : content.slice(i, brace) };
  });
}

/**
 * The declarations a call can mean, by Go's naming habits: `repo.Update(..)` a method of a type named like
 * the variable (`Repo`), `model.Update(..)` a function of package `model`, a bare `update(..)` a function.
 * A receiver named otherwise (`s.Update(..)`, `db.Create(..)` on a library's type) matches nothing.
 */
function meant(key: CalleeKey, d: Declaration): boolean {
  if (!key.prev) return d.receiver === null;
  const v = key.prev.toLowerCase();
  return d.receiver !== null ? d.receiver.toLowerCase() === v : d.pkg.toLowerCase() === v;
}

/**
 * The Go swallowed-error findings whose dropped call the walked Go files declare, every declaration it can
 * mean without an `error` among its results. A call no walked declaration matches (the standard library, a
 * dependency, a receiver not named for its type) stays reported.
 */
export function errorlessDrops(findings: readonly StaticFinding[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): Set<StaticFinding> {
  const out = new Set<StaticFinding>();
  const goFiles = files.filter((f) => f.path.endsWith(".go"));
  const byName = new Map<string, Declaration[]>();
  for (const f of findings) {
    if (f.class !== "swallowed-error" || !f.file.endsWith(".go")) continue;
    const key = droppedCallee((lines(f.file)[f.line - 1] ?? "").trim().replace(/^(if\s+)?(\w+\s*(,\s*\w+)*\s*:?=\s*)?/, ""));
    if (!key) continue;
    let all = byName.get(key.method);
    if (!all) byName.set(key.method, (all = goFiles.flatMap((g) => (g.content.includes(key.method) ? declarationsOf(g.content, key.method) : []))));
    const decls = all.filter((d) => meant(key, d));
    if (decls.length && decls.every((d) => !/\berror\b/.test(d.results))) out.add(f);
  }
  return out;
}
