// swallowed-error: an idempotent preparation (`mkdir -p`, removing a stale file) right before the operation
// that writes into the same path. If the preparation really failed, that operation fails and surfaces it.
import type { SgNode } from "@ast-grep/napi";
import { guardedStatement, SCRIPT_FUNCTION_KINDS } from "../syntax";

/** Creating a directory in the API's idempotent form (`{ recursive: true }`, `{ intermediates: true }`, `exist_ok=True`). */
const MKDIR_P = /^(await\s+)?[\w$.]*(mkdir|makeDirectory|makedirs|ensureDir)\w*\s*\([\s\S]*(recursive|intermediates|exist_ok|parents)\s*[:=]\s*(true|True)\b/i;
/** Removing a path (`fs.unlink(tmp)`, `rm(dir, { force: true })`, `FileSystem.deleteAsync(p)`, `os.remove(p)`). */
const REMOVE_PATH = /^(await\s+)?[\w$.]*\b(unlink|rm|rmdir|remove|deleteAsync|rmSync|unlinkSync)\s*\(/;
/** An operation that puts something at a path: a write, copy, move, download, extraction or a file opened for writing. */
const WRITES_AT = /\b\w*(write|copy|move|rename|download|create|extract|save|mkdir|makeDirectory|open)\w*\s*\(/i;
const ANY_CALL = /[\w$]\s*\(/;

/** The single statement of the guarded code, its `.catch(..)`/`await` stripped to the call text. */
function onlyCall(guarded: SgNode): string | null {
  const stmts = /block/.test(String(guarded.kind()))
    ? guarded.namedChildren().filter((c) => !/comment/.test(String(c.kind()))) : [guarded];
  if (stmts.length !== 1) return null;
  return stmts[0]!.text().trim().replace(/\.catch\s*\([\s\S]*\)\s*;?$/, "").replace(/;$/, "");
}

/** Names the function itself binds (parameters and locals): the path is the function's, not a module's. */
function localNames(guarded: SgNode): Set<string> {
  for (let n = guarded.parent(); n; n = n.parent()) {
    if (!SCRIPT_FUNCTION_KINDS.test(String(n.kind()))) continue;
    const t = n.text();
    const params = (n.field("parameters" as never) as SgNode | null)?.text() ?? "";
    const declared = [...t.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)|(?:^|\n)\s*([A-Za-z_]\w*)\s*=(?!=)/g)].map((m) => m[1] ?? m[2]!);
    return new Set([...(params.match(/[A-Za-z_$][\w$]*/g) ?? []), ...declared]);
  }
  return new Set();
}

/** The identifiers of the call's first argument that the function binds: what names the path. */
function pathNames(call: string, locals: Set<string>): string[] {
  const open = call.indexOf("(");
  const args = call.slice(open + 1);
  const first = args.split(/,(?![^(]*\))/)[0] ?? "";
  return (first.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? []).filter((id) => locals.has(id));
}

/** A try whose handler is empty: a write there would be swallowed too, so it surfaces nothing. */
function swallowsToo(n: SgNode): boolean {
  if (n.kind() !== "try_statement") return false;
  const handler = n.field("handler" as never) as SgNode | null;
  const body = handler ? (handler.field("body" as never) as SgNode | null) : null;
  return !body || /^\{(\s|\/\/[^\n]*|\/\*([^*]|\*[^/])*\*\/)*\}$/.test(body.text());
}

/** A later statement of the block calls `op` on the same path, outside any handler of its own. */
function usedAfter(stmt: SgNode, names: string[], op: RegExp): boolean {
  for (let n = stmt.next(); n; n = n.next()) {
    const t = n.text();
    if (swallowsToo(n) || n.kind() === "expression_statement" && /\.catch\s*\(\s*(\(\s*\w*\s*\)|\w+)\s*=>\s*(\{\s*\}|null|undefined)\s*\)/.test(t)) continue;
    for (const m of t.matchAll(new RegExp(op.source, "gi"))) {
      const args = t.slice(m.index! + m[0].length);
      if (names.some((id) => new RegExp(`^[^;]{0,300}?(?<![\\w$.])${id.replace(/\$/g, "\\$")}(?![\\w$])`).test(args))) return true;
    }
  }
  return false;
}

/**
 * The guarded code only creates directories (`await fs.mkdir(".blinko")`, `Promise.all([fs.mkdir(a), fs.mkdir(b)])`):
 * the ensure-exists idiom from before `{ recursive: true }`, where the failure swallowed is mostly "already exists"
 * and any other one surfaces where the directory is then used.
 */
function onlyMakesDirectories(call: string): boolean {
  const callees = [...call.matchAll(/([\w$.]+)\s*\(/g)].map((m) => m[1]!.replace(/^[\s\S]*\./, ""));
  return callees.some((c) => /^(mkdir|mkdirSync|makedirs|makeDirectory|ensureDir|ensureDirSync)$/.test(c)) && callees.every((c) => /^(mkdir|mkdirSync|makedirs|makeDirectory|ensureDir|ensureDirSync|all|join|resolve)$/.test(c));
}

/**
 * The guarded code is one idempotent preparation of a path (an `mkdir` in its recursive form, a removal of
 * a stale file) and a later statement of the same block writes at that path (for a directory: operates on
 * it) with its failure surfaced.
 */
export function preparesPath(guarded: SgNode): boolean {
  const call = onlyCall(guarded);
  // ... in a try whose catch is empty (a `.catch(() => {})` on the mkdir is judged by what follows, below).
  if (call && guarded.kind() === "statement_block" && onlyMakesDirectories(call)) return true;
  if (!call || !(MKDIR_P.test(call) || REMOVE_PATH.test(call))) return false;
  const names = pathNames(call, localNames(guarded));
  if (!names.length) return false;
  const stmt = guardedStatement(guarded);
  // A directory made ahead matters only to what is then done in it, and that operation reports the failure.
  return usedAfter(stmt, names, MKDIR_P.test(call) ? ANY_CALL : WRITES_AT);
}
