// swallowed-error: where a swallow sits decides whether an error was lost. Cleanup inside a handler that then
// re-raises loses nothing (the error that matters is propagated), and `logging.Handler.emit` must not raise
// by the logging module's contract (its idiom for a failure is `handleError`, never an exception).
import type { SgNode } from "@ast-grep/napi";
import { SCRIPT_FUNCTION_KINDS } from "../syntax";

const field = (n: SgNode, name: string): SgNode | null => n.field(name as never) as SgNode | null;
const RAISES = /^(raise_statement|throw_statement)$/;
const statementsOf = (block: SgNode) => block.namedChildren().filter((c) => !/comment/.test(String(c.kind())));

/** The statement raises: a raise/throw, a block ending in one, or an if whose every branch (an else included) does. */
function raises(st: SgNode | null | undefined): boolean {
  if (!st) return false;
  const k = String(st.kind());
  if (RAISES.test(k)) return true;
  if (/block/.test(k)) return raises(statementsOf(st).at(-1));
  // An else/elif clause: its block (Python `body`/`consequence`) or the statement it holds (TypeScript).
  if (/^(else_clause|elif_clause)$/.test(k)) return raises(field(st, "consequence") ?? field(st, "body") ?? st.namedChildren().at(-1));
  if (k !== "if_statement") return false;
  const branches = st.children().filter((c) => /^(elif_clause|else_clause)$/.test(String(c.kind())));
  return raises(field(st, "consequence")) && branches.some((c) => c.kind() === "else_clause") && branches.every(raises);
}

/**
 * The swallowing statement `stmt` sits in an except/catch handler (through `if` blocks) whose body ends by
 * raising: `except OSError as e: try: os.unlink(tmp) except Exception: pass; raise Error(..) from e`.
 */
export function inRaisingHandler(stmt: SgNode): boolean {
  for (let n = stmt.parent(); n; n = n.parent()) {
    const k = String(n.kind());
    if (SCRIPT_FUNCTION_KINDS.test(k) || /^(try_statement|finally_clause|for_statement|while_statement)$/.test(k)) return false;
    if (k === "except_clause") return raises(n.children().find((c) => c.kind() === "block"));
    if (k === "catch_clause") return raises(field(n, "body"));
  }
  return false;
}

/** The swallow is in the `emit` method of a class deriving from a logging handler (`class Sink(logging.Handler)`). */
export function inLoggingEmit(node: SgNode): boolean {
  for (let n = node.parent(); n; n = n.parent()) {
    if (n.kind() !== "function_definition") continue;
    if (field(n, "name")?.text() !== "emit") return false;
    const cls = n.parent()?.parent();
    return !!cls && cls.kind() === "class_definition" && /\b(logging\.)?\w*Handler\b/.test(field(cls, "superclasses")?.text() ?? "");
  }
  return false;
}
