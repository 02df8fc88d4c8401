// swallowed-error, Go: a dropped error that another part of the same function settles, or that by the
// standard library's contract cannot carry a loss: judged by data flow (what the call is handed, what the
// function does with the same value later) and never by a repository's names.
import type { SgNode } from "@ast-grep/napi";
import { ancestor, escapeRegExp, nextStatement } from "../syntax";
import { outermostFunction } from "./teardown";

const GO_FUNCTION = /^(function_declaration|method_declaration|func_literal)$/;

/** The call a dropped statement makes: `_ = f(..)`, `_, _ = f(..)`, `defer f(..)`, or `f(..)` as a statement. */
function droppedCall(node: SgNode): SgNode | null {
  const right = (node.field("right" as never) as SgNode | null) ?? node;
  const call = right.kind() === "call_expression" ? right : right.find({ rule: { kind: "call_expression" } });
  return call;
}

/** The called function's text: `io.Copy`, `tx.Rollback`, `respondError`. */
const callees = new WeakMap<SgNode, string>();
function calleeOf(call: SgNode): string {
  let text = callees.get(call);
  if (text === undefined) callees.set(call, text = (call.field("function" as never) as SgNode | null)?.text() ?? "");
  return text;
}

/** A statement's trimmed text, "" for none. */
function statementText(node: SgNode | null): string {
  return node?.text().trim() ?? "";
}

/** Runs when the function returns: `defer f()` or inside `defer func() { .. }()`. */
function deferred(node: SgNode): boolean {
  return node.kind() === "defer_statement" || !!ancestor(node, /^defer_statement$/);
}

function argsOf(call: SgNode): SgNode[] {
  return (call.field("arguments" as never) as SgNode | null)?.namedChildren().filter((a) => !/comment/.test(String(a.kind()))) ?? [];
}

/** Names declared with `type` among the parameters of every function around `node` (closures see their parents'). */
function paramsOfType(node: SgNode, type: RegExp): Set<string> {
  const out = new Set<string>();
  for (let fn = ancestor(node, GO_FUNCTION); fn; fn = ancestor(fn, GO_FUNCTION)) {
    const params = fn.field("parameters" as never) as SgNode | null;
    for (const p of params?.namedChildren() ?? []) {
      if (p.kind() !== "parameter_declaration" || !type.test((p.field("type" as never) as SgNode | null)?.text() ?? "")) continue;
      for (const n of p.findAll({ rule: { kind: "identifier" } })) if (n.parent()?.id() === p.id()) out.add(n.text());
    }
  }
  return out;
}

/**
 * `_ = respondError(w, 500, "..")`, `_, _ = io.Copy(w, f)`: the call's first argument is the handler's own
 * response writer (a parameter declared `http.ResponseWriter`): the helper writes the response, and a
 * failed response write means the client left, as for a direct `w.Write`.
 */
function writesResponse(call: SgNode, node: SgNode, fileText: string): boolean {
  if (!fileText.includes("http.ResponseWriter")) return false;
  const first = argsOf(call)[0];
  return first?.kind() === "identifier" && paramsOfType(node, /^http\.ResponseWriter$/).has(first.text());
}

/** `_, _ = io.Copy(io.Discard, body)`: draining a reader into nothing; a failure only leaves bytes unread. */
function drains(call: SgNode): boolean {
  const fn = calleeOf(call);
  return /^io\.Copy(N|Buffer)?$/.test(fn) && /^(io|ioutil)\.Discard$/.test(argsOf(call)[0]?.text() ?? "");
}

/**
 * `defer tx.Rollback()` / `defer func() { _ = tx.Rollback() }()` in a function that also calls `tx.Commit()`:
 * the idiom's safety net (after a commit, Rollback answers ErrTxDone); the outcome is the Commit's, judged
 * where it is made. A Rollback that is the transaction's only end is still reported.
 */
function rollbackAfterCommit(call: SgNode, node: SgNode): boolean {
  const m = /^([\w.]+)\.Rollback$/.exec(calleeOf(call));
  if (!m || !deferred(node)) return false;
  const fn = outermostFunction(node);
  if (new RegExp(`(?<![\\w.])${escapeRegExp(m[1]!)}\\.Commit\\(`).test(fn?.text() ?? "")) return true;
  return !!fn && /^\w+$/.test(m[1]!) && onlyRead(fn, m[1]!);
}

/** A call named for a read: `FindSharesForEnvironment`, `GetEnvironment`, `QueryRowx`, `isAccountLimited`, `buildPayload`. */
const READ_NAMED = /^(?:[fF]ind|[gG]et|[lL]ist|[qQ]uery|[sS]elect|[cC]ount|[iI]s|[hH]as|[eE]xists|[lL]oad|[rR]ead|[lL]ookup|[fF]etch|[sS]earch|[cC]heck|[bB]uild)(?![a-z])/;

/**
 * A transaction the function only reads through (zrok's handlers: `trx, _ := str.Begin()`, `defer func() { _ =
 * trx.Rollback() }()`, then `str.FindAccountWithEmail(email, trx)`): every call handed it, as receiver or argument,
 * is named for a read, so the deferred Rollback is how it ends, and ending it loses nothing. A transaction handed to
 * anything else (`str.CreateShare(sh, trx)`, `trx.Exec(..)`, a helper named for no read, a struct field) may have
 * written, and a Rollback that is its only end is still reported.
 */
function onlyRead(fn: SgNode, tx: string): boolean {
  const uses = fn.findAll({ rule: { kind: "identifier", regex: `^${escapeRegExp(tx)}$` } });
  for (const id of uses) {
    const parent = id.parent();
    if (!parent) return false;
    const kind = String(parent.kind());
    // Where it is declared (`trx, err := str.Begin()`) or checked (`if trx == nil`).
    if (kind === "expression_list" && /^(short_var_declaration|assignment_statement)$/.test(String(parent.parent()?.kind())) && (parent.parent()!.field("left" as never) as SgNode | null)?.id() === parent.id()) continue;
    if (kind === "binary_expression") continue;
    let method = "";
    if (kind === "selector_expression" && (parent.field("operand" as never) as SgNode | null)?.id() === id.id()) {
      method = (parent.field("field" as never) as SgNode | null)?.text() ?? "";
      if (method === "Rollback" || method === "Commit") continue;
      if (parent.parent()?.kind() !== "call_expression") return false;
    } else if (kind === "argument_list" && parent.parent()?.kind() === "call_expression") {
      method = calleeOf(parent.parent()!).replace(/^.*\./, "");
    } else return false;
    if (!READ_NAMED.test(method) || /Or(?:Create|Insert|Update|Save|Add|Put|Set|Upsert|Register)/.test(method)) return false;
    // ... and a query whose statement writes (`QueryRowContext(ctx, "INSERT .. RETURNING id")`).
    if (/["`]\s*(?:WITH\b[\s\S]*?)?(INSERT|UPDATE|DELETE|UPSERT|MERGE|REPLACE)\b/i.test(parent.parent()!.text())) return false;
  }
  return true;
}

/** Does every `return` of this func literal's body (not of closures nested in it) answer nil? */
function returnsOnlyNil(lit: SgNode): boolean {
  const returns = lit.findAll({ rule: { kind: "return_statement" } }).filter((r) => ancestor(r, /^func_literal$/)?.id() === lit.id());
  return returns.length > 0 && returns.every((r) => /^return\s+nil$/.test(r.text().trim()));
}

/**
 * `_ = g.Wait()` where every `g.Go(func() error { .. })` in the function answers only nil: Wait returns the
 * first non-nil error of the group, and there is none to return.
 */
function waitOfNilGroup(call: SgNode, node: SgNode): boolean {
  const m = /^([\w.]+)\.Wait$/.exec(calleeOf(call));
  const scope = m ? outermostFunction(node) : null;
  if (!m || !scope || argsOf(call).length) return false;
  const gos = scope.findAll({ rule: { kind: "call_expression" } })
    .filter((c) => (c.field("function" as never) as SgNode | null)?.text() === `${m[1]}.Go`);
  if (!gos.length) return false;
  return gos.every((g) => {
    const lit = argsOf(g)[0];
    return lit?.kind() === "func_literal" && returnsOnlyNil(lit);
  });
}

/**
 * Standard library functions whose only error is the writer's (`fmt.Fprintf`, `io.WriteString`, `xml.EscapeText`),
 * and `binary.Write`, whose other failure is a value of no fixed size: a programming error the first run shows.
 */
const WRITER_ONLY_ERROR = /^(fmt\.Fprint(f|ln)?|io\.WriteString|xml\.EscapeText|binary\.Write)$/;
/** A value made in memory: `var b bytes.Buffer`, `b := &strings.Builder{}`, `bytes.NewBuffer(..)`, or a parameter of that type. */
const MEMORY = /^(var\s+)?&?\s*(\*?(bytes\.Buffer|strings\.Builder)\b|new\((bytes\.Buffer|strings\.Builder)\)|bytes\.NewBuffer(String)?\()/;

/**
 * `_ = xml.EscapeText(&buf, s)`: a standard function whose only failure is the writer's, handed a
 * bytes.Buffer or strings.Builder this function holds: memory answers nil. A method of another value
 * handed the buffer (`resp.Write(&buf)` reads the network) is not this case.
 */
function writesMemory(call: SgNode, node: SgNode): boolean {
  const callee = calleeOf(call);
  if (!WRITER_ONLY_ERROR.test(callee)) return false;
  // binary.Write of a value of no fixed size (`len(data)` is an int, a string) fails whatever the writer: its error matters.
  if (callee === "binary.Write" && /^(len|cap|int|uint|string)\(|^["`]/.test(argsOf(call)[2]?.text() ?? "")) return false;
  const id = /^&?(\w+)$/.exec(argsOf(call)[0]?.text() ?? "")?.[1];
  const scope = outermostFunction(node)?.text() ?? "";
  if (!id) return false;
  const rx = escapeRegExp(id);
  const made = [
    ...scope.matchAll(new RegExp(`\\bvar\\s+${rx}\\s+([^\\n=]+)`, "g")),
    ...scope.matchAll(new RegExp(`(?<![\\w.])${rx}\\s*:?=\\s*([^\\n]+)`, "g")),
    ...scope.matchAll(new RegExp(`[(,]\\s*${rx}\\s+(\\*?[\\w.]+)\\s*[,)]`, "g")),
  ].map((m) => m[1]!.trim());
  return made.length > 0 && made.every((t) => MEMORY.test(t));
}

/**
 * `_, _ = bw.WriteString(..)` on a bufio.Writer whose Flush answer the function uses (`return bw.Flush()`,
 * `if err := bw.Flush(); ..`): bufio's errors are sticky, so the first failed write is answered by that
 * Flush. Its `_ = bw.Flush()` right before `return err` on an error path flushes what is already a failure.
 */
function stickyUntilFlush(call: SgNode, node: SgNode, fileText: string): boolean {
  const m = /^(\w+)\.(Write|WriteString|WriteByte|WriteRune|Flush)$/.exec(calleeOf(call));
  if (!m || !fileText.includes("bufio.NewWriter")) return false;
  const scope = outermostFunction(node)?.text() ?? "";
  const rx = escapeRegExp(m[1]!);
  if (!new RegExp(`(?<![\\w.])${rx}\\s*:?=\\s*bufio\\.NewWriter(Size)?\\(`).test(scope)) return false;
  if (m[2] === "Flush") return /^return\s+err\w*$/.test(statementText(nextStatement(node)));
  return new RegExp(`(return\\s+|err\\w*\\s*:?=\\s*)${rx}\\.Flush\\(\\)`).test(scope);
}

/**
 * `_ = w.Write(row)` on a writer made over the process's own terminal (`csv.NewWriter(os.Stdout)`), or a
 * call handed os.Stdout/os.Stderr: output shown to a person is no durable write, as Rust's stdout rule.
 */
function toTerminal(call: SgNode, node: SgNode, fileText: string): boolean {
  const TERMINAL = /^os\.(Stdout|Stderr)$/;
  if (!fileText.includes("os.Std")) return false;
  if (TERMINAL.test(argsOf(call)[0]?.text() ?? "")) return true;
  const recv = /^(\w+)\.\w+$/.exec(calleeOf(call))?.[1];
  if (!recv) return false;
  const made = [...(outermostFunction(node)?.text() ?? "").matchAll(new RegExp(`(?<![\\w.])${escapeRegExp(recv)}\\s*:?=\\s*([^\\n]+)`, "g"))].map((x) => x[1]!.trim());
  return made.length > 0 && made.every((t) => TERMINAL.test(t) || /^\w+\.NewWriter\w*\(\s*os\.(Stdout|Stderr)\s*\)$/.test(t));
}

/**
 * `_ = out.CloseWithError(err)` on an io.Pipe end (made by `io.Pipe()` or declared `*io.PipeWriter`/`*io.PipeReader`
 * in the file): the standard library documents that it always returns nil; the error goes to the other end.
 */
function closesPipe(call: SgNode, fileText: string): boolean {
  const id = /(?:^|\.)(\w+)\.CloseWithError$/.exec(calleeOf(call))?.[1];
  if (!id) return false;
  const rx = escapeRegExp(id);
  return new RegExp(`(?<![\\w])${rx}\\s+\\*io\\.Pipe(Writer|Reader)\\b`).test(fileText)
    || new RegExp(`(?<![\\w])(\\w+\\.)?${rx}\\s*(,[^=\\n]*)?:?=\\s*io\\.Pipe\\(\\)|,\\s*(\\w+\\.)?${rx}\\s*:?=\\s*io\\.Pipe\\(\\)`).test(fileText);
}

/** `_ = cmd.Help()` on cobra's `*cobra.Command` parameter: usage printed to the terminal, as a write to os.Stdout. */
function printsUsage(call: SgNode, node: SgNode): boolean {
  const recv = /^(\w+)\.(Help|Usage)$/.exec(calleeOf(call))?.[1];
  return !!recv && paramsOfType(node, /^\*cobra\.Command$/).has(recv);
}

/**
 * `conn.Close(); return &websocket.CloseError{..}`: a Close right before the function returns an error value it
 * builds as a struct literal of an error type: cleanup on a failing path, the caller gets the failure.
 */
function closeBeforeErrorLiteral(call: SgNode, node: SgNode): boolean {
  if (!/\.Close$/.test(calleeOf(call))) return false;
  return /^return\s+(\w+\s*,\s*)*&?(\w+\.)?\w*Error\s*\{/.test(statementText(nextStatement(node)));
}

/** A function mounted as a one-shot CLI command: it takes cobra's `*cobra.Command` or urfave's `*cli.Context`, or one that does calls it. */
const COMMAND_PARAM = /\*\s*(cobra\.Command|cli\.Context)\b/;
function oneShotCommand(fn: SgNode, fileText: string): boolean {
  if (COMMAND_PARAM.test((fn.field("parameters" as never) as SgNode | null)?.text() ?? "")) return true;
  const name = (fn.field("name" as never) as SgNode | null)?.text();
  if (!name || fn.kind() !== "function_declaration") return false;
  return new RegExp(`func\\s*\\([^)]*${COMMAND_PARAM.source}[^)]*\\)[^{]*\\{[^}]*(?<![\\w.])${escapeRegExp(name)}\\(`).test(fileText);
}

/**
 * `defer func() { _ = mgr.Stop() }()` in a one-shot CLI command that answers no error: releasing a service
 * as the process ends, with no caller to tell. A writer made here (`os.Create`, a `NewWriter`) is not
 * released but finished: its Close stays judged as a write.
 */
function releasedAtCommandEnd(call: SgNode, node: SgNode, fileText: string): boolean {
  const m = /^([\w.]+)\.(Stop|Shutdown|Close|Release)$/.exec(calleeOf(call));
  if (!m || argsOf(call).length || !deferred(node)) return false;
  const fn = outermostFunction(node);
  if (!fn || fn.field("result" as never) || !oneShotCommand(fn, fileText)) return false;
  const made = new RegExp(`(?<![\\w.])${escapeRegExp(m[1]!)}\\s*(,[^=\\n]*)?:?=\\s*([^\\n]+)`).exec(fn.text())?.[2] ?? "";
  return !/\bos\.(Create|OpenFile)\b|\.NewWriter\w*\(/.test(made);
}

/**
 * `go func() { _, _ = io.Copy(upstream, client) }()`: a pump between two streams in a function that answers nothing
 * (a goroutine, a `pipeAndClose(dst, src net.Conn)`). The copy ends when either side closes, and its error is
 * how it ends; there is no caller to hand it to. A copy into a file or writer the function made stays judged
 * as a write: there the error is the lost output.
 */
function pumpsStream(call: SgNode, node: SgNode): boolean {
  if (!/^io\.Copy(N|Buffer)?$/.test(calleeOf(call))) return false;
  const fn = ancestor(node, GO_FUNCTION);
  if (!fn || fn.field("result" as never)) return false;
  const dst = argsOf(call)[0]?.text() ?? "";
  const scope = outermostFunction(node)?.text() ?? "";
  const made = new RegExp(`(?<![\\w.])${escapeRegExp(dst)}\\s*(,[^=\\n]*)?:?=\\s*([^\\n]+)`).exec(scope)?.[2] ?? "";
  return !!dst && !/\bos\.(Create|OpenFile|WriteFile)\b|\.NewWriter\w*\(|\bCreate\w*\(/.test(made);
}

/** A transaction handle of an embedded store, as a closure is handed it (`tx *buntdb.Tx`, `txn *badger.Txn`). */
const STAGING_TX = /^\*\w+\.(Tx|Txn)$/;
/**
 * buntdb's transaction, whose Delete answers only ErrNotFound (the key was absent) or a misuse (a read-only or closed
 * transaction, which the first run shows). badger's `Txn.Delete` can answer ErrTxnTooBig, the delete then not staged,
 * and go-redis's `Tx` runs its commands at once: neither is this case.
 */
const STAGED_DELETE_TX = /^\*buntdb\.Tx$/;
/** Method names that read a transaction's keys and write none (a bucket or cursor handed out may be written through). */
const TX_READS = /^(Get|Has|Exists|Len|Ascend\w*|Descend\w*|Indexes|ForEach|Iterate|NewIterator|Find\w*|Scan|Range|Keys|Count|Stats|Writable)$/;

/**
 * `tx.Delete(key)` inside `store.Update(func(tx *buntdb.Tx) error { .. })`: the closure stages its deletes in the
 * transaction the caller commits, and a staged delete's own error says the key was already absent; the write
 * reaches the disk, or fails, at the commit the closure's caller makes, and that call is judged where it is made.
 */
function stagedDelete(call: SgNode, node: SgNode): boolean {
  const recv = /^(\w+)\.(Delete|Del)$/.exec(calleeOf(call))?.[1];
  return !!recv && paramsOfType(node, STAGED_DELETE_TX).has(recv);
}

/**
 * `store.Update(func(tx *buntdb.Tx) error { realname, _ = tx.Get(key); return nil })`: a read-write transaction
 * whose closure only reads. Nothing is written, so a failed commit loses nothing.
 */
function commitsNoWrite(call: SgNode): boolean {
  const lit = argsOf(call).find((a) => a.kind() === "func_literal");
  if (!lit) return false;
  const param = (lit.field("parameters" as never) as SgNode | null)?.namedChildren().find((p) => p.kind() === "parameter_declaration" && STAGING_TX.test((p.field("type" as never) as SgNode | null)?.text() ?? ""));
  const tx = param?.findAll({ rule: { kind: "identifier" } }).find((n) => n.parent()?.id() === param.id())?.text();
  if (!tx) return false;
  const body = (lit.field("body" as never) as SgNode | null)?.text() ?? "";
  const uses = [...body.matchAll(new RegExp(String.raw`(?<![\w.])${escapeRegExp(tx)}\.(\w+)\(`, "g"))].map((m) => m[1]!);
  // Handed on whole (`saveTo(tx, ..)`) or a bucket written through (`tx.Bucket(b).Put(..)`): it may write.
  if (new RegExp(String.raw`[(,]\s*${escapeRegExp(tx)}\s*[,)]|(?<![\w.])${escapeRegExp(tx)}\.\w+\([^()]*\)\.(?!Get\b)\w+\(`).test(body)) return false;
  return uses.length > 0 && uses.every((m) => TX_READS.test(m));
}

/** Is this dropped Go call settled elsewhere in its function, or unable to lose anything by the library's contract? */
export function goSettled(node: SgNode, fileText: string): boolean {
  const call = droppedCall(node);
  if (!call) return false;
  return writesResponse(call, node, fileText) || drains(call) || rollbackAfterCommit(call, node) || waitOfNilGroup(call, node)
    || writesMemory(call, node) || stickyUntilFlush(call, node, fileText) || toTerminal(call, node, fileText) || releasedAtCommandEnd(call, node, fileText)
    || closesPipe(call, fileText) || printsUsage(call, node) || closeBeforeErrorLiteral(call, node) || pumpsStream(call, node)
    || stagedDelete(call, node) || commitsNoWrite(call);
}
