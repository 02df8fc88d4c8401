// unwired-auth in a table of HTTP-verb handlers (Deno Fresh's `export const handler: Handlers = { GET, POST,
// DELETE }`, any object literal keyed by verbs): most of its methods refuse a caller who is not allowed (a
// condition on who is asking and a 401/403 answer of their own), and a method that changes state refuses no one.
// The table is one resource; its methods' own convention is the evidence, whatever the framework.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { makesAccessDecision } from "./guard-shape";
import { type Hit, regionOf } from "./hit";

const VERB = /^["'`]?(GET|HEAD|POST|PUT|PATCH|DELETE)["'`]?$/;
const WRITES = /^(POST|PUT|PATCH|DELETE)$/;

interface VerbMethod { verb: string; at: SgNode; body: string }

/** The verb-keyed methods of an object literal: `GET(req, ctx) {..}`, `async DELETE() {..}`, `POST: async (req) => {..}`. */
function verbMethods(object: SgNode): VerbMethod[] {
  const out: VerbMethod[] = [];
  for (const m of object.namedChildren()) {
    const key = (m.field("name" as never) ?? m.field("key" as never)) as SgNode | null;
    const verb = key && VERB.exec(key.text())?.[1];
    if (!verb) continue;
    const fn = m.kind() === "method_definition" ? m : m.kind() === "pair" ? (m.field("value" as never) as SgNode | null) : null;
    if (!fn || !/^(method_definition|arrow_function|function_expression|function)$/.test(String(fn.kind()))) continue;
    out.push({ verb, at: key!, body: (fn.field("body" as never) as SgNode | null)?.text() ?? "" });
  }
  return out;
}

export function verbTableCheck({ node }: CheckContext): Hit[] {
  const methods = verbMethods(node);
  if (methods.length < 3) return [];
  const deciding = methods.filter((m) => makesAccessDecision(m.body));
  if (deciding.length < 2 || deciding.length * 2 <= methods.length) return [];
  return methods.filter((m) => WRITES.test(m.verb) && !deciding.includes(m)).map((m) => ({
    region: regionOf(m.at),
    message: `${m.verb} refuses no caller, while ${deciding.length} of its ${methods.length} sibling verb handlers (${deciding.map((d) => d.verb).join(", ")}) refuse one who is not allowed`,
  }));
}
