// stub: a function whose whole body announces work in a log line and answers a zero or empty result
// (`logger.info("archive run started"); return {"archived": 0}`, `log.info("backfilling %s..%s", a, b); return 0`).
// Nothing between the announcement and the answer does the work: the caller (a scheduler, a CLI, a pipeline)
// is told it ran and did nothing, every time. The shape decides, not the function's name or comment.
import type { SgNode } from "@ast-grep/napi";
import { type Hit, regionOf } from "./hit";
import { topLevel as parts } from "./stub-return";

const FUNCTION = /^(function_definition|function_declaration|method_definition|function_expression|arrow_function)$/;

/** A log call: a level method on a receiver named for logging (`logger.info`, `context.log.warning`, `console.log`). */
const LOG_CALL = /^(?:await\s+)?(?:[\w$]+\.)*(?:[\w$]*log(?:ger)?|logging|console)\s*\.\s*(debug|info|warn|warning|error|log|trace|notice)\s*\(/i;
/** Zero or empty: `0`, `0.0`, `[]`, `{}`, `""`, `()`. Booleans and nothing (`None`, `null`) are ordinary answers. */
const ZERO = /^(-?0(\.0+)?|\[\s*\]|\{\s*\}|\(\s*\)|""|''|list\(\)|dict\(\))$/;

/**
 * A zero answer: zero or empty, a record every value of which is zero or empty (`{"archived": 0}`,
 * `{ deleted: 0, failed: [] }`), or a constructor handed only such a record (`DataFrame({"id": [], "score": []})`).
 */
export function zeroAnswer(value: string): boolean {
  const v = value.trim();
  if (ZERO.test(v)) return true;
  const call = /^[A-Za-z_$][\w$.]*\(([\s\S]*)\)$/.exec(v);
  const record = call ? call[1]!.trim() : v;
  const body = /^\{([\s\S]*)\}$/.exec(record)?.[1];
  if (body === undefined || (call && parts(call[1]!).length !== 1)) return false;
  const values = parts(body).map((e) => e.replace(/^(["'`]?[\w$-]+["'`]?)\s*:\s*/, "").trim());
  return values.length > 0 && values.every((x) => ZERO.test(x));
}

/** Parameters that carry input or context (the receiver aside). */
const parameterCount = (fn: SgNode) =>
  ((fn.field("parameters" as never) as SgNode | null)?.namedChildren() ?? []).filter((p) => !/comment/.test(String(p.kind())) && !/^(self|cls|this)\b/.test(p.text())).length;

/**
 * The matched node is a `return <value>`. Reported when it is the last statement of a function that takes
 * something, every statement before it is a docstring, a log call or an assignment read only by log calls, at
 * least one is a log call, and the value is a zero answer. Answers the function and its name for the caller,
 * which reports a registered function at once and defers any other to its references.
 */
export function loggedOnlyReturn(node: SgNode): { fn: SgNode; name: SgNode; hit: Hit } | null {
  const value = node.text().replace(/^return\s+/, "").replace(/;$/, "").trim();
  if (!zeroAnswer(value)) return null;
  const body = node.parent();
  const fn = body?.parent();
  if (!body || !fn || !FUNCTION.test(String(fn.kind())) || parameterCount(fn) === 0) return null;
  const statements = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
  if (statements[statements.length - 1]?.id() !== node.id()) return null;
  const before = statements.slice(0, -1).map((s) => s.text().trim());
  const logs = before.filter((t) => LOG_CALL.test(t));
  if (!logs.length) return null;
  const logged = logs.join("\n");
  for (const t of before) {
    if (LOG_CALL.test(t) || /^[rbuf]*("""|'''|"|')/i.test(t)) continue;
    // An assignment is work unless only log lines read what it binds (`start = parse(a)` then `log.info(.., start)`).
    const bound = /^(?:const|let|var)?\s*([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=(?!=)/.exec(t)?.[1];
    if (!bound || !new RegExp(`(?<![\\w$.])${bound}(?![\\w$])`).test(logged)) return null;
  }
  const name = fn.field("name" as never) as SgNode | null;
  if (!name) return null;
  return { fn, name, hit: { region: regionOf(node), message: "function only logs that it runs and answers a zero result: the work it announces is never done" } };
}
