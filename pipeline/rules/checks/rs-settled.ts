// swallowed-error, Rust: a discarded value that is no silent swallow: the error was logged in the chain
// before the discard, the call is a builder step whose Result comes when the same builder is executed, or
// the library documents the discard (an optional .env file).
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp, nextStatement } from "../syntax";
import { outermostFunction } from "./teardown";

/** A log macro of the log/tracing crates or the standard error stream. */
const LOG_MACRO = /\b(error|warn|info|debug|trace|eprintln|event)!\s*[({]/;

/** The expression being discarded: `let _ = E;` or `E.ok();`, without the trailing `.ok()`. */
function discarded(node: SgNode): string {
  return node.text().trim().replace(/^let\s+_\s*(:\s*[^=]+)?=\s*/, "").replace(/;$/, "").trim().replace(/\s*\.ok\(\)$/, "").trim();
}

/**
 * `fut.await.inspect_err(|e| warn!("..: {e}")).ok()` / `.map_err(|e| error!(..))`: the chain's last
 * adapter before the discard hands the error to a log macro; the failure is reported, not silent.
 */
function loggedInChain(expr: string): boolean {
  const last = [...expr.matchAll(/\.(inspect_err|map_err|or_else)\(/g)].pop();
  if (!last) return false;
  const open = last.index! + last[0].length;
  let depth = 1;
  let i = open;
  for (; i < expr.length && depth > 0; i++) depth += expr[i] === "(" ? 1 : expr[i] === ")" ? -1 : 0;
  // The adapter must close the chain: a step after it (`.and_then(|_| save())`) fails unlogged.
  if (depth !== 0 || i !== expr.length) return false;
  const closure = expr.slice(open, i - 1);
  return /^\s*(move\s+)?\|[^|]*\|/.test(closure) && LOG_MACRO.test(closure);
}

/** `dotenv().ok()`, `dotenvy::dotenv().ok()`: the dotenv crates document an optional .env file this way. */
function optionalEnvFile(expr: string): boolean {
  return /^((dotenvy?|dotenv)::)?dotenv(_override)?\(\)$/.test(expr);
}

/**
 * A once-only initialisation whose only error is "already done": rustls's `provider.install_default()` (Err hands back
 * the provider when one is installed), and `cell.set(v)` (Err hands back the
 * value when the cell is set) on a receiver the file declares a once-cell: first writer wins, by the type's contract.
 */
function onceOnly(expr: string, fileText: string): boolean {
  if (/\.install_default\(\)$/.test(expr)) return true;
  const cell = /^(?:[\w]+\.)*(\w+)\.set\([^()]*(\([^()]*\)[^()]*)*\)$/.exec(expr)?.[1];
  if (!cell) return false;
  // `self` in the file's own `impl .. for OnceCell<T>`: the cell sets itself.
  if (cell === "self") return /\bimpl\b[^{;]*\bfor\s+[\w:]*\b(OnceCell|OnceLock)\s*</.test(fileText);
  // The receiver is declared a once-cell: a field or static typed so, or a binding made from one.
  return new RegExp(String.raw`\b${escapeRegExp(cell)}\s*(:\s*[^,;{}=\n]*\b|=\s*[\w:]*)(OnceCell|OnceLock|OnceBox|OnceNonZeroUsize)\b`).test(fileText);
}

/** Methods that run a built command or query: the Result a builder step defers to. */
const EXECUTES = /^(query\w*|exec\w*|invoke\w*|send\w*|fetch\w*|run\w*|commit|save\w*|insert\w*|delete\w*|update\w*)$/;

/**
 * `let _ = pipe.xadd(..);` where the function later executes the same local builder (`pipe.query_async(conn)`):
 * the step answers the builder for chaining, and the outcome is the execution's, checked where it happens.
 */
function builderStep(node: SgNode, expr: string, fileText: string): boolean {
  const m = /^(\w+)\.(\w+)\(/.exec(expr);
  if (!m || EXECUTES.test(m[2]!) || !/\.\s*(query|exec|invoke)/.test(fileText)) return false;
  const fn = outermostFunction(node);
  if (!fn) return false;
  const rx = escapeRegExp(m[1]!);
  if (!new RegExp(`\\blet\\s+mut\\s+${rx}\\b`).test(fn.text())) return false;
  const after = fn.text().slice(node.range().end.index - fn.range().start.index);
  return new RegExp(`(?<![\\w.])${rx}\\s*\\.\\s*(query\\w*|exec\\w*|invoke\\w*)\\s*(::\\s*<[^>\\n]*>)?\\(`).test(after);
}

/** The error an enclosing `if let Err(e) = ..` or `Err(e) =>` arm handles, or null. */
function handledErr(node: SgNode): string | null {
  for (let n = node.parent(); n; n = n.parent()) {
    const kind = String(n.kind());
    if (/^(function_item|closure_expression)$/.test(kind)) return null;
    const head = kind === "match_arm" ? (n.field("pattern" as never) as SgNode | null)?.text() ?? ""
      : kind === "if_expression" ? (n.field("condition" as never) as SgNode | null)?.text() ?? "" : "";
    const m = /^(?:let\s+)?Err\s*\(\s*(\w+)\s*\)/.exec(head.trim());
    if (m) return m[1]!;
  }
  return null;
}

/**
 * `if let Err(e) = apply() { let _ = record_failure(id, e.to_string()).await; return Err(e); }`: the dropped
 * call records the very error the next statement propagates. The caller is told of the failure; what
 * can be lost is the note of it, not the outcome.
 */
function recordsPropagatedError(node: SgNode, expr: string): boolean {
  const e = handledErr(node);
  if (!e || !new RegExp(`(?<![\\w.])${escapeRegExp(e)}\\b`).test(expr)) return false;
  const t = nextStatement(node)?.text().trim() ?? "";
  return new RegExp(`^(return\\s+)?Err\\(\\s*${escapeRegExp(e)}(\\.into\\(\\))?\\s*\\)\\s*;?$`).test(t);
}

/** Is this Rust discard no silent swallow by how the value is made and what the chain does with the error? */
export function rsSettled(node: SgNode, fileText: string): boolean {
  const expr = discarded(node);
  return loggedInChain(expr) || optionalEnvFile(expr) || onceOnly(expr, fileText) || builderStep(node, expr, fileText) || recordsPropagatedError(node, expr);
}
