// swallowed-error where the handler only logs: at a level production does not show (debug, trace), or in Go,
// anywhere, while the function that could return the error goes on to answer success. Around a write.
import type { SgNode } from "@ast-grep/napi";
import { ancestor, nextStatement } from "../syntax";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";
import { guardedCode, persistsOrAudits } from "./swallowed";

/** A call at debug or trace level in each language's spelling (`logger.debug(`, `console.trace(`, `tracing::debug!(`). */
const QUIET_CALL = /^(await\s+)?(([\w$]+\.)*[\w$]+\.(debug|trace)\s*\(|(([\w]+::)*)(debug|trace)!\s*[({])/;
/** The same, handed over as the handler itself (`.catch(console.debug)`). */
const QUIET_REF = /^([\w$]+\.)+(debug|trace)$/;
/** A Go logging call: the standard logger, slog, or a logger value (`s.log.Printf`, `logger.Error`). */
const GO_LOG_CALL = /^(([\w]+\.)*(log|logger|slog|klog|glog|logrus|zap|zerolog|lg)\w*\.(Print|Debug|Info|Warn|Error|Log|Trace)\w*|log\.(Print|Output)\w*)\s*\(/i;
/** Removals are writes too: a delete that failed leaves what was meant to be gone. */
const REMOVES = /\.(delete|remove(?!prefix|suffix)|destroy|drop|purge|revoke|evict|unlink)\w*\s*\(/i;

/** The statements of a handler body (braces, `pass` and comments dropped). */
function statements(body: string): string[] {
  return body.replace(/^\s*\{|\}\s*$/g, "").replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|(^|\s)#[^\n]*/g, "")
    .split(/;\s*$|;\s*\n|\n(?=\s*\S)/m).map((s) => s.trim().replace(/;$/, "")).filter((s) => s && s !== "pass");
}

/** Every statement of the handler logs, and nothing else happens there (no return, rethrow, retry or fallback). */
export function onlyLogs(body: string, lang: string): boolean {
  const stmts = statements(body);
  if (!stmts.length) return false;
  if (stmts.length === 1 && QUIET_REF.test(stmts[0]!)) return true;
  // A statement can span lines (`logger.debug(\n "x",\n exc_info=True)`): join until its parentheses balance.
  const joined: string[] = [];
  for (const s of stmts) {
    const last = joined[joined.length - 1];
    const open = last !== undefined && ((last.match(/\(/g)?.length ?? 0) > (last.match(/\)/g)?.length ?? 0) || /\.$/.test(last) || /^\./.test(s));
    if (last !== undefined && open) joined[joined.length - 1] = `${last} ${s}`;
    else joined.push(s);
  }
  return joined.every((s) => (lang === "go" ? GO_LOG_CALL : QUIET_CALL).test(s));
}

/** The handler body a rule matched: an except/catch block, a `.catch(fn)` argument, an `Err` arm, a Go/Rust if branch. */
function handlerBody(node: SgNode): string {
  const kind = String(node.kind());
  if (kind === "except_clause") return node.children().find((c) => c.kind() === "block")?.text() ?? "";
  if (kind === "catch_clause") return (node.field("body" as never) as SgNode | null)?.text() ?? "";
  if (kind === "match_arm") return (node.field("value" as never) as SgNode | null)?.text() ?? "";
  if (kind === "call_expression") {
    const arg = (node.field("arguments" as never) as SgNode | null)?.namedChildren()[0];
    if (!arg) return "";
    return /function|arrow/.test(String(arg.kind())) ? ((arg.field("body" as never) as SgNode | null)?.text() ?? "") : arg.text();
  }
  return (node.field("consequence" as never) as SgNode | null)?.text() ?? "";
}

const GO_FUNCTION = /^(function_declaration|method_declaration|func_literal)$/;

/** Go: the function around the node declares an error result, so the error had a way out. */
function answersError(node: SgNode): boolean {
  const fn = ancestor(node, GO_FUNCTION);
  return !!fn && /(^|[\s,(])error\)?$/.test((fn.field("result" as never) as SgNode | null)?.text() ?? "");
}

/**
 * Go: a later statement of the branch's block returns the error it logged (`if err != nil { log.Error(err) }`
 * then `return err`, right after or after work that does not touch it): logged and handed to the caller, the
 * failure is not swallowed.
 */
function returnedLater(node: SgNode, code: string): boolean {
  const name = /^(err\w*)/.exec(code.trim())?.[1];
  if (!name) return false;
  const mentions = new RegExp(`(?<![\\w.])${name}(?![\\w(])`);
  // The statements after the branch in its own block: the first that names the error decides. A return
  // that hands it on (`return err`, after unrelated work or a goroutine) means it was not swallowed; an
  // assignment over it first means the logged failure is gone.
  for (let next = nextStatement(node); next; next = nextStatement(next)) {
    if (!mentions.test(next.text().replace(/\bgo\s+func\b[\s\S]*$/, ""))) continue;
    return next.kind() === "return_statement";
  }
  return false;
}

/**
 * Go: the first return after the branch, in its block, answers a failure (`return ErrFiltered`,
 * `return nil, fmt.Errorf(..)`): the function is on its error path and tells its caller so; the failure it
 * logged is a secondary one (a cleanup, a notification), not a success answered over a lost write.
 */
function failsNext(node: SgNode): boolean {
  for (let next = nextStatement(node); next; next = nextStatement(next)) {
    if (next.kind() !== "return_statement") continue;
    // The last value is an error by Go's own spelling: a sentinel (`ErrFiltered`, `store.ErrNotFound`) or
    // one made on the spot (`fmt.Errorf(..)`, `errors.New(..)`). A variable may hold nil by then, and a
    // framework's composite answer (`HTTPError{302, ..}`) may be a redirect: neither says failure.
    const last = next.text().replace(/^return\b/, "").split(",").pop()!.trim();
    return /^(\w+\.)?Err[A-Z]\w*$|^(fmt\.Errorf|errors\.(New|Wrap\w*|Join)|status\.Errorf?)\(/.test(last);
  }
  return false;
}

/**
 * Go: the guarded call is handed the enclosing function's `http.ResponseWriter` (`tmpl.ExecuteTemplate(w, ..)`)
 * and nothing after the branch touches that writer again: the call wrote the response, what it wrote cannot
 * be taken back, so a failure part-way has nowhere to go but the log. A call that is handed the writer but is
 * followed by more of the response (`session.Save(r, w)` then `http.Redirect(w, ..)`, or a returned answer the
 * framework writes) is not the last word: the handler could still have answered the failure.
 */
function writesResponse(node: SgNode, code: string): boolean {
  const fn = ancestor(node, GO_FUNCTION);
  const params = fn ? ((fn.field("parameters" as never) as SgNode | null)?.text() ?? "") : "";
  const writers = [...params.matchAll(/(\w+)\s+http\.ResponseWriter\b/g)].map((m) => m[1]!);
  const after = fn ? fn.text().slice(node.range().end.index - fn.range().start.index) : "";
  // The rest may hand the framework another answer to write (`return HTTPError{Status: 302, ..}`): then the
  // response was not finished either. Only `return` or `return nil` leaves it as the call wrote it.
  const answersMore = /\breturn[ \t]+(?!nil\s*$)\S/m.test(after);
  return !answersMore && writers.some((w) => new RegExp(`[(,]\\s*${w}\\s*[,)]`).test(code) && !new RegExp(`(?<![\\w.])${w}(?!\\w)`).test(after));
}

/** A Go branch's last statement answering success: every result a zero value or a literal, the error nil. */
const SUCCESS_RETURN = /\n?[ \t]*return\s+(?:(?:nil|false|true|0|""|\w+\{\})\s*,\s*)*nil\s*\}\s*$/;

/**
 * Reported: a handler that only logs quietly around a write (persist, commit, audit, send, delete), in
 * shipped code. Go has no quiet level in its standard logger, so there the shape is the function's: the
 * branch only logs, and the function, which declares an error result, carries on to answer success.
 */
export function quietHandlerCheck({ node, rule, file }: CheckContext): Hit[] {
  if (file.placeAt(node.range().start.line) !== "shipped") return [];
  // Go: a branch that logs and then answers success (`h.Log.Debug(..); return false, nil` in a Dapr topic handler, an
  // acknowledgement): the same quiet handler, told to the caller in so many words.
  const body = handlerBody(node);
  const success = rule.language === "go" ? SUCCESS_RETURN.exec(body) : null;
  if (!onlyLogs(success ? body.slice(0, success.index) + "}" : body, rule.language)) return [];
  const guarded = rule.language === "go" && node.kind() === "if_statement" && node.field("initializer" as never)
    ? (node.field("initializer" as never) as SgNode) : guardedCode(node);
  const code = guarded.text();
  if (!persistsOrAudits(code) && !REMOVES.test(code)) return [];
  // `err := s.db.Delete(ctx, id)`: the callee answers only its error (a command, not a query), and the
  // function could have handed it on.
  if (rule.language === "go" && (!answersError(node) || !/^err\w*\s*:?=(?!=)/.test(code.trim()) || returnedLater(node, code) || writesResponse(node, code) || failsNext(node))) return [];
  return [{ region: regionOf(node) }];
}
