// swallowed-error (Go): a dropped call whose declarations in the repository answer no error drops nothing.
// `repo.Update(patch)` copying fields into a `*Repo`, or a helper that logs its own failure and returns
// nothing, reads like a write whose error went unchecked; the declaration says there is no error to check.
import { dirname } from "node:path";
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

/** The receiver's own name in a dropped call: `m.resetCodes.Delete(k)` → resetCodes; null for a bare call or a call's result. */
function receiverName(statement: string, method: string): string | null {
  return new RegExp(`(?:^|[^\\w.)])(?:\\w+\\.)*(\\w+)\\.${escapeRegExp(method)}\\s*\\(`).exec(statement)?.[1] ?? null;
}

/**
 * The types `name` is declared with in a package's files: a struct field or a var (`resetCodes sync.Map`, `var
 * used sync.Map`, `mem MemoryStatistics`), or a composite literal or `new(..)` assigned to it. Pointers and type
 * arguments are dropped (`*xsync.MapOf[string, int]` → xsync.MapOf).
 */
function declaredTypes(name: string, contents: readonly string[]): Set<string> {
  const n = escapeRegExp(name);
  const field = new RegExp(`^\\s*(?:var\\s+)?${n}(?:\\s*,\\s*\\w+)*\\s+\\*?([A-Za-z_][\\w.]*)(?:\\[[^\\]\\n]*\\])?\\s*(?:=|//|\`|$)`, "gm");
  const made = new RegExp(`\\b${n}\\s*:?=\\s*(?:&\\s*([A-Za-z_][\\w.]*)(?:\\[[^\\]\\n]*\\])?\\s*\\{|new\\(\\s*([A-Za-z_][\\w.]*))`, "g");
  const out = new Set<string>();
  for (const c of contents) {
    if (!c.includes(name)) continue;
    for (const m of c.matchAll(field)) if (!/^(chan|func|map|struct|interface|return|range|go|defer)$/.test(m[1]!)) out.add(m[1]!);
    for (const m of c.matchAll(made)) out.add((m[1] ?? m[2])!);
  }
  return out;
}

/**
 * A concurrent map (`sync.Map`, xsync's `Map`/`MapOf`, any type named `…Map`): its Delete, Store, Range and Clear
 * answer nothing, so calling them as a statement drops no error.
 */
const MAP_TYPE = /(?:^|\.)\w*Map(?:Of)?$/;
const MAP_MUTATORS = /^(Delete|Store|Range|Clear)$/;

/**
 * The call's receiver is declared, in the finding's package, with a type whose every declaration of the method in
 * the walked files answers no error (`mem MemoryStatistics` and `func (m *MemoryStatistics) Update()`), or with a
 * concurrent map. What the receiver holds decides, not how it is named.
 */
function errorlessByType(key: CalleeKey, statement: string, pkgFiles: readonly { path: string; content: string }[], declared: (method: string) => Declaration[]): boolean {
  const recv = receiverName(statement, key.method);
  if (!recv) return false;
  const types = declaredTypes(recv, pkgFiles.map((f) => f.content));
  if (!types.size) return false;
  const pkg = goPackageName(pkgFiles[0]?.content ?? "") ?? "";
  return [...types].every((t) => {
    if (MAP_TYPE.test(t) && MAP_MUTATORS.test(key.method)) return true;
    const [qual, bare] = t.includes(".") ? [t.slice(0, t.lastIndexOf(".")), t.slice(t.lastIndexOf(".") + 1)] : [pkg, t];
    const decls = declared(key.method).filter((d) => d.receiver === bare && d.pkg === qual);
    return decls.length > 0 && decls.every((d) => !/\berror\b/.test(d.results));
  });
}

/**
 * The Go swallowed-error findings whose dropped call the walked Go files declare, every declaration it can
 * mean without an `error` among its results: the declarations a receiver's declared type names, else those
 * Go's naming habit points to. A call no walked declaration matches (the standard library other than
 * `sync.Map`, a dependency, a receiver neither declared nor named for its type) stays reported.
 */
export function errorlessDrops(findings: readonly StaticFinding[], files: readonly { path: string; content: string }[], lines: (path: string) => readonly string[]): Set<StaticFinding> {
  const out = new Set<StaticFinding>();
  const goFiles = files.filter((f) => f.path.endsWith(".go"));
  const byName = new Map<string, Declaration[]>();
  const byDir = new Map<string, { path: string; content: string }[]>();
  const declared = (method: string): Declaration[] => {
    let all = byName.get(method);
    if (!all) byName.set(method, (all = goFiles.flatMap((g) => (g.content.includes(method) ? declarationsOf(g.content, method) : []))));
    return all;
  };
  for (const f of findings) {
    if (f.class !== "swallowed-error" || !f.file.endsWith(".go")) continue;
    const statement = (lines(f.file)[f.line - 1] ?? "").trim().replace(/^(if\s+)?(\w+\s*(,\s*\w+)*\s*:?=\s*)?/, "");
    const key = droppedCallee(statement);
    if (!key) continue;
    const decls = declared(key.method).filter((d) => meant(key, d));
    if (decls.length && decls.every((d) => !/\berror\b/.test(d.results))) { out.add(f); continue; }
    const dir = dirname(f.file);
    let pkgFiles = byDir.get(dir);
    if (!pkgFiles) byDir.set(dir, (pkgFiles = goFiles.filter((g) => dirname(g.path) === dir && !g.path.endsWith("_test.go"))));
    if (errorlessByType(key, statement, pkgFiles, declared)) out.add(f);
  }
  return out;
}
