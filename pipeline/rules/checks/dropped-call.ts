// swallowed-error, Go: a call made as a bare statement whose whole result is dropped, when the call is
// I/O by its shape (its first argument is a context) and the same receiver's calls are checked for an
// error elsewhere in the file: the receiver is a fallible service, so this answer is an error nobody reads.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import type { Hit } from "./hit";
import { echoesError } from "./discarded-write";
import { swallowedCheck } from "./swallowed";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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
  const rx = escape(receiver);
  const text = ctx.file.content;
  // A package (`httpx.ErrorCtx(ctx, w, err)`) is no service: its functions answer different things.
  if (/^\w+$/.test(receiver) && new RegExp(`(^|\\s)(${rx}\\s+)?"([^"\\n]*/)?${rx}(/v\\d+)?"`, "m").test(text)) return [];
  // Handing over the error being handled is its handling (`report(ctx, err)`), not a drop.
  if (echoesError(ctx.node.text())) return [];
  const checked = new RegExp(`\\berr\\w*\\s*:?=\\s*${rx}\\.\\w+\\(|,\\s*err\\w*\\s*:?=\\s*${rx}\\.\\w+\\(`).test(text);
  // The same method used for its answer elsewhere would say what it returns; dropped everywhere, it is
  // judged by its receiver. Used for a value somewhere, this statement is the odd one out: still reported.
  if (!checked) return [];
  return swallowedCheck(ctx).map((h) => ({ ...h, message: `error returned by ${receiver}.${method} is dropped: the call's failure is invisible and the caller is told it succeeded` }));
}
