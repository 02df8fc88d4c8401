// swallowed-error, Go: a call made as a bare statement whose whole result is dropped, when the call is
// I/O by its shape (its first argument is a context, followed by the work's own arguments) and the same
// receiver's calls are checked for an error elsewhere in the file: the receiver is a fallible service, so
// this answer is an error nobody reads.
import type { SgNode } from "@ast-grep/napi";
import { ancestor, escapeRegExp } from "../syntax";
import type { CheckContext } from "./check";
import { type Hit, param } from "./hit";
import { echoesError } from "./discarded-write";
import { swallowedCheck } from "./swallowed";

/** Go function kinds: the innermost around a node is its function (a closure sees its own parameters first). */
const GO_FUNCTION = /^(function_declaration|method_declaration|func_literal)$/;

/**
 * `s.Temporal.CancelWorkflow(r.Context(), id)` as a statement, where the file also writes `if err :=
 * s.Temporal.SignalWorkflow(..); err != nil` or `x, err := s.Temporal.Query(..)`: Go returns errors as
 * values, so a method of a receiver whose other methods answer one and that is handed a context answers
 * one too. Receivers whose calls are never checked (loggers, metrics) stay quiet, whatever they are handed.
 */
export function droppedCallCheck(ctx: CheckContext): Hit[] {
  const call = ctx.node.child(0);
  const fn = call ? (call.field("function" as never) as SgNode | null) : null;
  const receiver = fn ? (fn.field("operand" as never) as SgNode | null)?.text() : undefined;
  const method = fn ? (fn.field("field" as never) as SgNode | null)?.text() : undefined;
  if (!receiver || !method) return [];
  // go-dropped-self-call asks only about calls on the enclosing method's own receiver: the rest is answered first.
  const selfCalls = param(ctx.params, "selfCalls", false);
  const fnNode = ancestor(ctx.node, GO_FUNCTION);
  const self = /^\(\s*(\w+)\s/.exec((fnNode ? (fnNode.field("receiver" as never) as SgNode | null)?.text() : "") ?? "")?.[1];
  if (selfCalls && self !== receiver) return [];
  const rx = escapeRegExp(receiver);
  const text = ctx.file.content;
  // A package (`httpx.ErrorCtx(ctx, w, err)`) is no service: its functions answer different things.
  if (/^\w+$/.test(receiver) && new RegExp(`(^|\\s)(${rx}\\s+)?"([^"\\n]*/)?${rx}(/v\\d+)?"`, "m").test(text)) return [];
  // Handing over the error being handled is its handling (`report(ctx, err)`), not a drop.
  if (echoesError(ctx.node.text())) return [];
  // A call handed the context and nothing else attaches it (`fsys.SetContext(ctx)`, `q.WithContext(ctx)`):
  // configuration of the receiver, not I/O whose answer could fail; work takes its arguments beside the context.
  const args = (call!.field("arguments" as never) as SgNode | null)?.namedChildren().filter((a) => !/comment/.test(String(a.kind()))) ?? [];
  if (args.length < 2) return [];
  // A request handle named ctx (`ctx *gin.Context`, `c echo.Context`) is no cancellation context.
  const first = /^\(\s*([A-Za-z_]\w*)\s*[,)]/.exec((call!.field("arguments" as never) as SgNode | null)?.text() ?? "")?.[1];
  const params = (fnNode ? (fnNode.field("parameters" as never) as SgNode | null)?.text() : "") ?? "";
  const declared = first ? new RegExp(`(?:^\\(|,)\\s*(?:\\w+\\s*,\\s*)*${first}\\b(?:\\s*,\\s*\\w+)*\\s+([*\\w.]+)`).exec(params)?.[1] : undefined;
  if (declared && declared !== "context.Context") return [];
  // The file's own method says what it answers: without an error result there is nothing to drop. The
  // enclosing method's own receiver (`a.abort401(ctx)` in `func (a *Auth) ..`) calls the package's methods,
  // defined in files this check does not read: not judged.
  const own = new RegExp(`^func\\s*\\([^)]*\\)\\s*${method}\\s*\\(([^)]*)\\)\\s*([^{\\n]*)\\{`, "m").exec(text);
  if (own && !/\berror\b/.test(own[2]!)) return [];
  // `selfCalls` (go-dropped-self-call, `answers_error: declared`): only those calls, judged at the scan's end against
  // the package's other files (`b.saveConfig(ctx, req.Storage, cfg)` with `func (b *backend) saveConfig(..) error` in
  // path_config.go: a claim; declared without an error: nothing; declared nowhere: a lead).
  if (selfCalls !== (!own && self === receiver)) return [];
  const checked = new RegExp(`\\berr\\w*\\s*:?=\\s*${rx}\\.\\w+\\(|,\\s*err\\w*\\s*:?=\\s*${rx}\\.\\w+\\(`).test(text);
  // The same method used for its answer elsewhere would say what it returns; dropped everywhere, it is
  // judged by its receiver. Used for a value somewhere, this statement is the odd one out: still reported.
  if (!checked) return [];
  return swallowedCheck(ctx).map((h) => ({ ...h, message: `error returned by ${receiver}.${method} is dropped: the call's failure is invisible and the caller is told it succeeded` }));
}
