// unwired-auth among handler objects: commands, jobs or endpoints declared as object literals handed to one
// callee (`command({ name, args, handler })`, `defineTask({ run })`). A sibling whose handler opens by handing a
// credential it was given to a check (`assertOperator(token)`, `await verifyKey(args.key)`) shows the convention;
// a destructive sibling whose handler never makes that check runs for anyone. The check's own refusal (a 401, an
// error class of its own) does not matter: the call's shape and the siblings' agreement do.
import { browserCode } from "./browser-code";
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp } from "../syntax";
import type { CheckContext } from "./check";
import { makesAccessDecision } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";

interface Member { call: SgNode; callee: string; object: SgNode; handler: SgNode }

const FUNCTION_VALUE = /^(arrow_function|function_expression|function)$/;

/** A call whose sole argument is an object literal holding a function (a property's value or a method). */
function memberOf(call: SgNode): Member | null {
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  if (args.length !== 1 || args[0]!.kind() !== "object") return null;
  const object = args[0]!;
  for (const p of object.namedChildren()) {
    if (p.kind() === "method_definition") return { call, callee: calleeText(call), object, handler: p };
    const value = p.kind() === "pair" ? (p.field("value" as never) as SgNode | null) : null;
    if (value && FUNCTION_VALUE.test(String(value.kind()))) return { call, callee: calleeText(call), object, handler: value };
  }
  return null;
}

const calleeText = (call: SgNode) => (call.field("function" as never) as SgNode | null)?.text() ?? "";

/** A credential handed over: an argument naming a token, key, secret, password or credential. */
const CREDENTIAL_ARG = /(?<![a-z])(token|api_?key|key|secret|password|passwd|credential|otp)s?(?![a-z])|[a-z](Token|Key|Secret|Password|Credential)s?\b/i;

/**
 * The check a handler opens with: one of its first three statements is a bare call (awaited or not, its result
 * unused) handed a credential. Answers the callee's name, or null.
 */
function leadingCheck(handler: SgNode): string | null {
  const body = handler.field("body" as never) as SgNode | null;
  if (!body || body.kind() !== "statement_block") return null;
  for (const st of body.namedChildren().filter((s) => !/comment/.test(String(s.kind()))).slice(0, 3)) {
    if (st.kind() !== "expression_statement") continue;
    let call = st.child(0);
    if (call?.kind() === "await_expression") call = call.namedChildren()[0] ?? null;
    if (call?.kind() !== "call_expression") continue;
    const args = (call.field("arguments" as never) as SgNode | null)?.text() ?? "";
    if (CREDENTIAL_ARG.test(args.replace(/["'`][^"'`]*["'`]/g, ""))) return calleeText(call).replace(/^[\s\S]*\./, "");
  }
  return null;
}

/**
 * Reported: a member of a group of three or more object literals handed to one callee whose handler never
 * calls the check a sibling's handler opens with, where the member's own text says it destroys something
 * (its name, description, callees or statements: delete, purge, drop..) and it is the only destructive member
 * without the check. Not reported: a member whose handler decides access itself, groups where no sibling opens
 * with such a check, and groups where several destructive members go without it (no convention to deviate from).
 */
export function siblingObjectsCheck(ctx: CheckContext): Hit[] {
  // The rule matches each call handed an object; the file's groups are read once and each hit handed to its call.
  let hits = fileHits.get(ctx.file);
  if (!hits) fileHits.set(ctx.file, (hits = fileSiblingHits(ctx)));
  return hits.filter((h) => h.at === ctx.node.id()).map((h) => h.hit);
}

const fileHits = new WeakMap<object, { at: number; hit: Hit }[]>();

function fileSiblingHits(ctx: CheckContext): { at: number; hit: Hit }[] {
  // Browser code (option objects handed to `$.ajax`) decides nothing about access: the server it calls does.
  if (browserCode(ctx.file.path, ctx.file.content)) return [];
  const destructive = new RegExp(param(ctx.params, "destructive", "(?!)"), "i");
  const members = ctx.node.getRoot().root().findAll({ rule: { kind: "call_expression", has: { field: "arguments", has: { kind: "object" } } } })
    .map(memberOf).filter((m): m is Member => !!m);
  const out: { at: number; hit: Hit }[] = [];
  for (const callee of new Set(members.map((m) => m.callee))) {
    const group = members.filter((m) => m.callee === callee);
    if (group.length < 3) continue;
    const checks = group.map((m) => leadingCheck(m.handler));
    const guard = checks.find((c): c is string => !!c);
    if (!guard) continue;
    const calls = (m: Member) => new RegExp(`(?<![\\w$])${escapeRegExp(guard)}\\s*\\(`).test(m.handler.text());
    const bare = group.filter((m) => !calls(m) && !makesAccessDecision(m.handler.text()) && destructive.test(m.object.text()));
    if (bare.length !== 1) continue;
    const m = bare[0]!;
    const by = group[checks.indexOf(guard)]!;
    out.push({ at: m.call.id(), hit: { region: regionOf(m.call), message: `this ${callee} destroys data without the ${guard} check its sibling makes first (line ${by.call.range().start.line + 1})` } });
  }
  return out;
}
