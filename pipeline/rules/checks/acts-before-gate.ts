// unwired-auth inside one handler: the function gates its work on who is asking (`if !self.authorized(session) {
// return reply(401, ..) }`), and a branch above the gate acts and returns. That branch runs for anyone: the gate
// the author wrote for the function's work is not in its path (pingora's admin drain handled before the token check).
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { calleeName } from "./bound-guard";
import type { CheckContext } from "./check";
import { namesSubject, REFUSAL, withoutComments } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

const IF: Record<string, RegExp> = { rust: /^if_expression$/, go: /^if_statement$/, typescript: /^if_statement$/, python: /^if_statement$/ };
const CALL: Record<string, string> = { rust: "call_expression", go: "call_expression", typescript: "call_expression", python: "call" };
const EXIT = /(^|[\s;{])(return|raise|throw)\b/;
const FUNCTION = /^(function_item|function_declaration|method_declaration|func_literal|closure_expression|function_definition|method_definition|arrow_function|function_expression|function)$/;
const same = (a: SgNode, b: SgNode) => a.range().start.index === b.range().start.index && a.range().end.index === b.range().end.index;

/** The statements of a function's body, comments aside, each unwrapped from a one-child expression statement (Rust's `if`). */
function statements(fn: SgNode): SgNode[] {
  const body = fn.field("body" as never) as SgNode | null;
  if (!body) return [];
  // tree-sitter-go wraps a block's statements in one statement_list.
  const inner = body.namedChildren().length === 1 && body.namedChildren()[0]!.kind() === "statement_list" ? body.namedChildren()[0]! : body;
  return inner.namedChildren().filter((c) => !/comment/.test(String(c.kind()))).map((s) => (s.kind() === "expression_statement" && s.namedChildren().length === 1 ? s.namedChildren()[0]! : s));
}

/** An `if` whose condition asks who is calling and whose branch refuses and leaves: the function's access gate. */
function isGate(st: SgNode, lang: RuleLanguage): boolean {
  if (!IF[lang]!.test(String(st.kind()))) return false;
  const cond = (st.field("condition" as never) as SgNode | null)?.text() ?? "";
  const then = (st.field("consequence" as never) as SgNode | null)?.text() ?? "";
  return namesSubject(cond) && REFUSAL.test(then) && EXIT.test(then);
}

/**
 * Reported: an `if` branch before the function's access gate that leaves the function (returns, raises) after a call
 * that acts (the rule's `acts` verbs: drain, delete, reset, ...), unless its condition is open by design (a health
 * probe, a login, a webhook: a path string it tests says so), its condition asks who is calling itself, or its branch
 * refuses (401/403) itself.
 */
export function actsBeforeGateCheck({ node, params, rule }: CheckContext): Hit[] {
  const lang = rule.language;
  // Only an `if` that is a statement of a function's own body can be its gate: one nested deeper, or an outer `if`
  // merely containing a refusal, is passed over before the function is read.
  let holder = node.parent();
  if (holder?.kind() === "expression_statement") holder = holder.parent();
  if (holder?.kind() === "statement_list") holder = holder.parent();
  const fn = holder?.parent();
  if (!fn || !FUNCTION.test(String(fn.kind())) || !same(fn.field("body" as never) as SgNode ?? fn, holder!)) return [];
  // The rule matches each refusing `if`; the function is read once, from its first gate.
  const list = statements(fn);
  const gate = list.findIndex((s) => isGate(s, lang));
  if (gate <= 0 || !same(list[gate]!, node)) return [];
  const acts = new RegExp(param(params, "acts", "(?!)"), "i");
  const hits: Hit[] = [];
  for (const st of list.slice(0, gate)) {
    if (!IF[lang]!.test(String(st.kind()))) continue;
    const cond = (st.field("condition" as never) as SgNode | null)?.text() ?? "";
    const then = st.field("consequence" as never) as SgNode | null;
    if (!then || !EXIT.test(withoutComments(then.text()))) continue;
    // Open by design when one of the path strings it tests says so (`path == "/health"`), each read on its own.
    const strings = [...cond.matchAll(/["'`]([^"'`]*)["'`]/g)].map((m) => m[1]!);
    if (strings.some((t) => OPEN_BY_DESIGN.test(t)) || namesSubject(cond) || REFUSAL.test(then.text())) continue;
    const callees = then.findAll({ rule: { kind: CALL[lang]! } }).map(calleeName).filter(Boolean);
    const act = callees.find((c) => acts.test(c.replace(/([a-z0-9])([A-Z])/g, "$1_$2")));
    if (act) hits.push({ region: regionOf(st), message: `this branch calls ${act} and returns before the function's access check (line ${list[gate]!.range().start.line + 1}): it runs for anyone` });
  }
  return hits;
}
