// Go: what a called method or function answers, read from the repository without a type checker. A dropped
// call's finding says "the error is lost"; that needs an error to exist. The walked files answer it through
// the declarations the call can mean (a method of the receiver's declared type, an interface's method spec, a
// package function), and the receiver's declaration says whether the value comes from the standard library,
// whose fallible calls the rules already read by shape.
import { dirname } from "node:path";
import { callEnd, closeParen, escapeRegExp, goPackageName } from "../syntax";
import type { CalleeKey } from "./claim-evidence";

export interface Declaration { receiver: string | null; pkg: string; results: string; body?: string }

/** A type's argument list, one level of nesting allowed: `[types.NodeID, []tailcfg.FilterRule]`, `[K, map[string]V]`. */
export const TYPE_ARGS = String.raw`\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]`;

/**
 * Each declaration of `name` in one Go file: a function or method (its receiver's type, null for a function) and
 * a method spec of an interface type (`type deviceStore interface { Delete(key any) }`: the receiver is the
 * interface), each with its package and result list.
 */
export function declarationsOf(content: string, name: string): Declaration[] {
  const pkg = goPackageName(content) ?? "";
  const n = escapeRegExp(name);
  const head = new RegExp(`^func\\s*(?:\\(\\s*\\w*\\s*\\*?\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*\\)\\s*)?${n}\\s*(?:\\[[^\\]]*\\])?\\(`, "gm");
  const out: Declaration[] = [...content.matchAll(head)].map((m) => {
    const i = closeParen(content, m.index! + m[0].length - 1);
    const brace = content.indexOf("{", i);
    const end = brace < 0 ? -1 : content.indexOf("\n}", brace);
    return { receiver: m[1] ?? null, pkg, results: brace < 0 ? "" : content.slice(i, brace), body: brace < 0 ? "" : content.slice(brace, end < 0 ? content.length : end + 2) };
  });
  const iface = new RegExp(`^type\\s+(\\w+)(?:${TYPE_ARGS})?\\s+interface\\s*\\{`, "gm");
  for (const m of content.matchAll(iface)) {
    const end = content.indexOf("\n}", m.index!);
    const body = content.slice(m.index! + m[0].length, end < 0 ? content.length : end);
    for (const spec of body.matchAll(new RegExp(`^\\s*${n}\\s*\\(`, "gm"))) {
      const i = closeParen(body, spec.index! + spec[0].length - 1);
      const eol = body.indexOf("\n", i);
      out.push({ receiver: m[1]!, pkg, results: body.slice(i, eol < 0 ? body.length : eol).replace(/\/\/.*$/, "") });
    }
  }
  return out;
}

/**
 * The declarations a call can mean by Go's naming habits: `repo.Update(..)` a method of a type named like the
 * variable (`Repo`), `model.Update(..)` a function of package `model`, a bare `update(..)` a function.
 */
export function meantByName(key: CalleeKey, d: Declaration): boolean {
  if (!key.prev) return d.receiver === null;
  const v = key.prev.toLowerCase();
  return d.receiver !== null ? d.receiver.toLowerCase() === v : d.pkg.toLowerCase() === v;
}

/** The receiver's own name in a dropped call: `m.resetCodes.Delete(k)` → resetCodes; null for a bare call or a call's result. */
export function receiverName(statement: string, method: string): string | null {
  return new RegExp(`(?:^|[^\\w.)])(?:\\w+\\.)*(\\w+)\\.${escapeRegExp(method)}\\s*\\(`).exec(statement)?.[1] ?? null;
}

const PREDECLARED = /^(bool|string|byte|rune|u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128)|any)$/;
const NOT_A_TYPE = /^(chan|func|map|struct|interface|return|range|go|defer)$/;

/**
 * The types `name` is declared with in a package's files: a struct field or a var (`resetCodes sync.Map`, `var
 * used sync.Map`, `mem MemoryStatistics`), or a composite literal or `new(..)` assigned to it. Pointers and type
 * arguments are dropped (`*xsync.MapOf[string, int]` → xsync.MapOf).
 */
export function declaredTypes(name: string, contents: readonly string[]): Set<string> {
  const n = escapeRegExp(name);
  const field = new RegExp(`^\\s*(?:var\\s+)?${n}(?:\\s*,\\s*\\w+)*\\s+\\*?([A-Za-z_][\\w.]*)(?:${TYPE_ARGS})?\\s*(?:=|//|\`|$)`, "gm");
  const made = new RegExp(`\\b${n}\\s*:?=\\s*(?:&\\s*([A-Za-z_][\\w.]*)(?:${TYPE_ARGS})?\\s*\\{|new\\(\\s*([A-Za-z_][\\w.]*))`, "g");
  const out = new Set<string>();
  for (const c of contents) {
    if (!c.includes(name)) continue;
    for (const m of c.matchAll(field)) if (!NOT_A_TYPE.test(m[1]!)) out.add(m[1]!);
    for (const m of c.matchAll(made)) out.add((m[1] ?? m[2])!);
  }
  return out;
}

/**
 * The types a struct field named `name` is declared with anywhere in the repository's non-test Go files, each
 * qualified by its declaring file's package when written bare (`Queue StructQueue[T]` in package queue →
 * queue.StructQueue; `Queue queue.StructQueue[T]` stays as written). For a receiver reached through a chain of fields
 * (`p.state.Workers.Delivery.Queue.Delete(..)`), whose field the calling package does not declare.
 */
export function repoFieldTypes(name: string, goFiles: readonly { path: string; content: string }[]): Set<string> {
  const n = escapeRegExp(name);
  const field = new RegExp(`^\\s+${n}(?:\\s*,\\s*\\w+)*\\s+\\*?([A-Za-z_][\\w.]*)(?:${TYPE_ARGS})?\\s*(?://|\`|$)`, "gm");
  const out = new Set<string>();
  for (const g of goFiles) {
    if (g.path.endsWith("_test.go") || !g.content.includes(name)) continue;
    const pkg = goPackageName(g.content) ?? "";
    for (const m of g.content.matchAll(field)) {
      const t = m[1]!;
      if (NOT_A_TYPE.test(t) || PREDECLARED.test(t)) continue;
      out.add(t.includes(".") ? t : `${pkg}.${t}`);
    }
  }
  return out;
}

/**
 * The type the enclosing function's signature gives `name`: its receiver or a parameter (`func (c *AlertsCache)
 * bindEvents()`, `func purge(st *Store, ..)`). The nearest `func` at the start of a line above `line` (0-based)
 * is the enclosing top-level function; a closure inside it sees the same names unless it shadows them.
 */
export function signatureTypes(lines: readonly string[], line: number, name: string): Set<string> {
  const out = new Set<string>();
  let k = line;
  while (k >= 0 && !/^func\b/.test(lines[k] ?? "")) k--;
  if (k < 0) return out;
  let sig = "";
  for (let j = k; j < lines.length && j <= k + 8; j++) {
    sig += lines[j] + "\n";
    if (/\{\s*(\/\/.*)?$/.test(lines[j]!)) break;
  }
  const re = new RegExp(`[(,]\\s*${escapeRegExp(name)}\\s+(?:\\.\\.\\.)?\\*?([A-Za-z_][\\w.]*)`, "g");
  for (const m of sig.matchAll(re)) if (!NOT_A_TYPE.test(m[1]!)) out.add(m[1]!);
  return out;
}

/** A declaration's single result type, pointer and type arguments dropped, qualified by its package when `pkg` is another's. */
function resultType(d: Declaration, pkg: string): string | null {
  const r = d.results.trim().replace(/^\(\s*([^,()]*?)\s*\)$/, "$1").replace(/^\*\s*/, "").replace(new RegExp(`${TYPE_ARGS}$`), "");
  if (!/^[A-Za-z_][\w.]*$/.test(r) || NOT_A_TYPE.test(r) || r === "error") return null;
  return r.includes(".") || d.pkg === pkg ? r : `${d.pkg}.${r}`;
}

/**
 * The types a local takes from where the function above `line` (0-based) binds it: a field read (`if n := mset.node;
 * n != nil` → the type `node` is declared with in the package) or a call (`tree := stree.NewSubjectTree[uint64]()`,
 * `n := mset.raftNode()` → the single result its declarations answer). The nearest binding wins; empty when none.
 */
export function boundTypes(lines: readonly string[], line: number, name: string, pkg: string, pkgFiles: readonly { content: string }[], declared: (method: string) => Declaration[], imports: ReadonlyMap<string, string>): Set<string> {
  const bind = new RegExp(`(?:^|[\\s(;])(?:var\\s+)?${escapeRegExp(name)}\\s*(?:,\\s*\\w+\\s*)?:?=(?!=)\\s*([^;{]+)`);
  for (let k = line - 1; k >= 0; k--) {
    const text = lines[k] ?? "";
    const m = bind.exec(text);
    if (m) {
      const rhs = m[1]!.trim().replace(/\s*\/\/.*$/, "");
      const field = /^[\w.]*\.(\w+)$/.exec(rhs);
      if (field) return declaredTypes(field[1]!, pkgFiles.map((f) => f.content));
      const call = new RegExp(`^(?:(\\w+)\\.)?(?:[\\w.]*\\.)?(\\w+)(?:${TYPE_ARGS})?\\(`).exec(rhs);
      if (!call) return new Set();
      const qual = call[1] && imports.has(call[1]) ? call[1] : null;
      const decls = declared(call[2]!).filter((d) => (qual ? d.pkg === qual && d.receiver === null : call[1] ? d.receiver !== null : d.pkg === pkg && d.receiver === null));
      const types = decls.map((d) => resultType(d, pkg));
      return types.length && types.every((t) => t) ? new Set(types as string[]) : new Set();
    }
    if (/^func\b/.test(text)) break;
  }
  return new Set();
}

/** The file's imports: package name (its alias, else the path's last element without a `/vN`) → import path. */
export function goImports(content: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (alias: string | undefined, path: string) => {
    const parts = path.split("/").filter((p) => !/^v\d+$/.test(p));
    const name = alias && alias !== "_" && alias !== "." ? alias : (parts.at(-1) ?? path).replace(/^go-/, "").replace(/[.-].*$/, "");
    out.set(name, path);
  };
  for (const m of content.matchAll(/^import\s+(\w+\s+)?"([^"]+)"/gm)) add(m[1]?.trim(), m[2]!);
  for (const block of content.matchAll(/^import\s*\(([\s\S]*?)^\)/gm)) {
    for (const m of block[1]!.matchAll(/^\s*(\w+\s+|[_.]\s+)?"([^"]+)"/gm)) add(m[1]?.trim(), m[2]!);
  }
  return out;
}

/** The standard library's import paths have no dot in their first element (`os`, `database/sql`, `encoding/json`). */
export const isStandardLibrary = (path: string): boolean => !path.split("/")[0]!.includes(".");

/** A package's non-test Go files, by directory. */
export function packageFiles(goFiles: readonly { path: string; content: string }[], dir: string): { path: string; content: string }[] {
  return goFiles.filter((g) => dirname(g.path) === dir && !g.path.endsWith("_test.go"));
}

/**
 * A concurrent map (`sync.Map`, xsync's `Map`/`MapOf`, any type named `…Map`): its Delete, Store, Range and Clear
 * answer nothing, so calling them as a statement drops no error.
 */
const MAP_TYPE = /(?:^|\.)\w*Map(?:Of)?$/;
const MAP_MUTATORS = /^(Delete|Store|Range|Clear)$/;
/**
 * ... and a free pool (`sync.Pool`, a type named `…Pool`): its Put hands an item back and answers nothing. A pool of
 * database connections (`DBPool`, `ConnPool`) is not read that way.
 */
const POOL_TYPE = /(?:^|\.)\w*Pool$/;
const CONNECTION_POOL = /\bdb|Db|DB|Conn/;

/** What a declared type's method answers: "none", "error", or unknown when no walked declaration matches. */
function typeAnswers(t: string, method: string, pkg: string, declared: (method: string) => Declaration[]): "none" | "error" | "unknown" {
  if (MAP_TYPE.test(t) && MAP_MUTATORS.test(method)) return "none";
  if (POOL_TYPE.test(t) && method === "Put" && !CONNECTION_POOL.test(t)) return "none";
  const [qual, bare] = t.includes(".") ? [t.slice(0, t.lastIndexOf(".")), t.slice(t.lastIndexOf(".") + 1)] : [pkg, t];
  const decls = declared(method).filter((d) => d.receiver === bare && d.pkg === qual);
  if (!decls.length) return "unknown";
  return decls.some((d) => /\berror\b/.test(d.results)) ? "error" : "none";
}

/**
 * Bound beside an error in the function above `line` (`tx, err := db.Begin()`, `f, err = os.Create(p)`, or with the
 * error thrown away: `f, _ := os.Create(p)`): a resource opened fallibly, by Go's (T, error) convention.
 */
function openedFallibly(lines: readonly string[], line: number, name: string): boolean {
  const re = new RegExp(`(?:^|[\\s(])${escapeRegExp(name)}\\s*,\\s*(?:\\w*err\\w*|_)\\s*:?=`, "i");
  for (let k = line; k >= 0; k--) {
    if (re.test(lines[k] ?? "")) return true;
    if (/^func\b/.test(lines[k] ?? "")) return false;
  }
  return false;
}

/**
 * What the dropped call answers, as the repository declares it:
 * - "none": every declaration it can mean answers no error (by the receiver's declared types, else by Go's naming habit);
 * - "error": one of them answers an error;
 * - "shape": no walked declaration, but the value is the standard library's (an imported standard package's
 *   function, a receiver declared with a standard type) or was opened beside an error in the function
 *   (`tx, err := db.Begin()`): the rules' own shapes read what such a call answers;
 * - "unknown": none of these (a dependency's type, a receiver declared nowhere the walk can see).
 */
export function calleeAnswers(
  key: CalleeKey,
  statement: string,
  at: { line: number; lines: readonly string[]; content: string },
  pkgFiles: readonly { path: string; content: string }[],
  declared: (method: string) => Declaration[],
  fieldTypes?: { of: (name: string) => Set<string>; declares: (type: string) => boolean },
): "none" | "error" | "shape" | "unknown" {
  const pkg = goPackageName(at.content) ?? "";
  const recv = receiverName(statement, key.method);
  const imports = goImports(at.content);
  // Go's predeclared types have no methods: a field of the same name declared `string` elsewhere is not this
  // receiver, so each reading's answer is filtered before the next reading is asked.
  const methodful = (found: Set<string>) => new Set([...found].filter((t) => !PREDECLARED.test(t)));
  let types = recv ? methodful(signatureTypes(at.lines, at.line - 1, recv)) : new Set<string>();
  if (recv && !types.size) types = methodful(boundTypes(at.lines, at.line - 1, recv, pkg, pkgFiles, declared, imports));
  if (recv && !types.size) types = methodful(declaredTypes(recv, pkgFiles.map((f) => f.content)));
  // A field reached through a chain of fields is declared in another package: every declaration of that field name
  // in the repository must agree (below, each type's answer must be "none") before the call is said to drop nothing.
  // A type the repository declares without the method cannot be this receiver (`Queue SimpleQueue` beside `Queue
  // StructQueue` when only StructQueue has Delete); a dependency's type stays, unknown.
  if (recv && !types.size && fieldTypes && new RegExp(`\\.${escapeRegExp(recv)}\\.${escapeRegExp(key.method)}\\s*\\(`).test(statement)) {
    types = new Set([...fieldTypes.of(recv)].filter((t) => typeAnswers(t, key.method, pkg, declared) !== "unknown" || !fieldTypes.declares(t)));
  }
  if (types.size) {
    const answers = [...types].map((t) => typeAnswers(t, key.method, pkg, declared));
    if (answers.every((a) => a === "none")) return "none";
    if (answers.some((a) => a === "error")) return "error";
  }
  const byName = declared(key.method).filter((d) => meantByName(key, d));
  if (byName.length) return byName.every((d) => !/\berror\b/.test(d.results)) ? "none" : "error";
  const standard = (qualifier: string) => imports.has(qualifier) && isStandardLibrary(imports.get(qualifier)!);
  // `os.WriteFile(..)`: a function of an imported package, standard or not.
  if (key.prev && recv === key.prev && !types.size && imports.has(key.prev)) return standard(key.prev) ? "shape" : "unknown";
  // A receiver declared with a standard type (`db *sql.DB`, `f *os.File`), or opened beside an error.
  if ([...types].some((t) => t.includes(".") && standard(t.slice(0, t.indexOf("."))))) return "shape";
  if (recv && openedFallibly(at.lines, at.line - 1, recv)) return "shape";
  return "unknown";
}

/**
 * A function that reports its own failure before answering it (cozy's `settings.UpdateRevisionDate`: `if err != nil {
 * inst.Logger()..Infof("Cannot update revision date: %s", err) }; return err`): its one error branch logs the error,
 * and it then answers it. A caller dropping that answer drops a failure already on record, not a silent one.
 */
export function logsBeforeAnswering(body: string): boolean {
  const branches = [...body.matchAll(/\bif\s+(?:[^{}\n]*;\s*)?(\w*[eE]rr\w*)\s*!=\s*nil\s*\{/g)];
  if (branches.length !== 1) return false;
  const m = branches[0]!;
  const open = m.index! + m[0].length - 1;
  const end = callEnd(body, open, ["{", "}"]);
  if (end < 0) return false;
  const close = end - 1;
  const inside = body.slice(open, close);
  const logs = /\b(?:[lL]og(?:ger)?|slog|zap|logrus)\b|Logger\(\)/.test(inside) && /\.\s*(?:Print|Info|Warn|Error|Debug|Notice|Crit)\w*\s*\(/.test(inside) && new RegExp(`\\b${m[1]}\\b`).test(inside.replace(/^[^\n]*\n/, ""));
  return logs && !/\breturn\b/.test(inside) && new RegExp(`\\breturn\\s+(?:[^\\n]*,\\s*)?${m[1]}\\s*\\n?\\s*\\}\\s*$`).test(body.slice(close + 1));
}
