// ignored-parameter at the edge of an API: a field of a validated input schema (`z.object({...})`,
// `t.Object({...})`) that the handler it is mounted on never reads. The client may send it, validation
// accepts it, and nothing honours it (`notifyCustomer: z.boolean().default(true)` with no email sent).
import type { SgNode } from "@ast-grep/napi";
import { type Hit, regionOf } from "./hit";
import { fieldsReadThrough } from "./option-fields";

const FUNCTION = /^(arrow_function|function_expression|function)$/;

/** The literal keys of the schema's object argument (`{ a: z.string(), "b": ..., c }`) with their nodes. */
function schemaKeys(schema: SgNode): Map<string, SgNode> {
  const out = new Map<string, SgNode>();
  const obj = (schema.field("arguments" as never) as SgNode | null)?.namedChildren()[0];
  if (obj?.kind() !== "object") return out;
  for (const m of obj.namedChildren()) {
    const key = m.kind() === "pair" ? m.field("key" as never) as SgNode | null : m.kind() === "shorthand_property_identifier" ? m : null;
    if (key && /^(property_identifier|string|shorthand_property_identifier)$/.test(String(key.kind()))) out.set(key.text().replace(/^["']|["']$/g, ""), key);
  }
  return out;
}

/** The last function argument of a call (the handler, after any path or middleware). */
function handlerOf(call: SgNode): SgNode | null {
  const fns = (call.field("arguments" as never) as SgNode | null)?.namedChildren().filter((a) => FUNCTION.test(String(a.kind()))) ?? [];
  return fns[fns.length - 1] ?? null;
}

/**
 * Where the schema is mounted and under which name the handler receives what it validated:
 * a procedure chain (`.input(S)` ... `.mutation(fn)`, tRPC and oRPC-style builders: the handler's
 * `input`), or a route call whose options map a request part to it (`.post(path, fn, { body: S })`,
 * Elysia: the handler's `body`).
 */
function mount(schema: SgNode): { handler: SgNode; part: string } | null {
  const args = schema.parent();
  const call = args?.parent();
  if (args?.kind() === "arguments" && call?.kind() === "call_expression") {
    const callee = call.field("function" as never) as SgNode | null;
    if (callee?.kind() !== "member_expression" || (callee.field("property" as never) as SgNode | null)?.text() !== "input") return null;
    // Up the chain to its last call with a function argument: the resolver.
    let node: SgNode = call, handler: SgNode | null = null;
    for (;;) {
      const member = node.parent();
      const next = member?.parent();
      if (member?.kind() !== "member_expression" || next?.kind() !== "call_expression") break;
      node = next;
      handler = handlerOf(node) ?? handler;
    }
    return handler ? { handler, part: "input" } : null;
  }
  const pair = schema.parent();
  const routeArgs = pair?.kind() === "pair" ? pair.parent()?.parent() : null;
  if (routeArgs?.kind() !== "arguments") return null;
  const handler = handlerOf(routeArgs.parent()!);
  const part = (pair!.field("key" as never) as SgNode | null)?.text() ?? "";
  return handler && /^[A-Za-z_$][\w$]*$/.test(part) ? { handler, part } : null;
}

/** The expression the handler reads the validated value through: `input` from `({ input })`, `i` from `({ input: i })`, `opts.input` from `(opts)`; null when it does not take it. */
function receivedAs(handler: SgNode, part: string): string | null {
  const first = (handler.field("parameters" as never) as SgNode | null)?.namedChildren()[0];
  const pattern = first ? ((first.field("pattern" as never) as SgNode | null) ?? first) : null;
  if (!pattern) return null;
  if (pattern.kind() === "identifier") return `${pattern.text()}.${part}`;
  if (pattern.kind() !== "object_pattern" || pattern.namedChildren().some((k) => k.kind() === "rest_pattern")) return null;
  for (const k of pattern.namedChildren()) {
    if (k.kind() === "shorthand_property_identifier_pattern" && k.text() === part) return part;
    if (k.kind() === "pair_pattern" && (k.field("key" as never) as SgNode | null)?.text() === part) {
      const value = k.field("value" as never) as SgNode | null;
      return value?.kind() === "identifier" ? value.text() : null;
    }
  }
  // The handler does not take the validated part at all: a middleware of the chain may be what reads it.
  return null;
}

/**
 * Hits for the keys of an object schema (`node`: a call such as `z.object({...})`) that the handler it is
 * mounted on never reads. Silent when the handler hands the value on whole (`db.insert(input)`, `{ ...input }`):
 * whoever receives it may read the rest.
 */
export function unreadSchemaFields(node: SgNode): Hit[] {
  const keys = schemaKeys(node);
  if (keys.size < 2) return [];
  const m = mount(node);
  if (!m) return [];
  const name = receivedAs(m.handler, m.part);
  if (name === null) return [];
  const body = m.handler.field("body" as never) as SgNode | null;
  const read = body ? fieldsReadThrough(body.text(), name) : null;
  if (!read) return [];
  return [...keys].filter(([k]) => !read.has(k)).map(([k, key]) => ({
    region: regionOf(key),
    message: `input field '${k}' is validated but the handler never reads it: what the client sends is ignored`,
  }));
}

/**
 * A function definition that declares its client arguments beside its handler (Convex's `action({ args: { invoiceId:
 * v.id("invoices"), amountCents: v.number() }, handler: async (ctx, { invoiceId }) => .. })`): an argument the handler
 * never destructures or reads is validated and ignored. `node` is the definition object. Silent when the handler
 * takes the arguments whole and hands them on, or gathers the rest (`...rest`).
 */
export function unreadDeclaredArgs(node: SgNode): Hit[] {
  const pairs = node.children().filter((c) => c.kind() === "pair");
  const keyOf = (p: SgNode) => (p.field("key" as never) as SgNode | null)?.text() ?? "";
  const args = pairs.find((p) => keyOf(p) === "args")?.field("value" as never) as SgNode | null | undefined;
  const handler = pairs.find((p) => keyOf(p) === "handler")?.field("value" as never) as SgNode | null | undefined;
  if (args?.kind() !== "object" || !handler || !FUNCTION.test(String(handler.kind()))) return [];
  const keys = new Map<string, SgNode>();
  for (const m of args.namedChildren()) {
    const key = m.kind() === "pair" ? (m.field("key" as never) as SgNode | null) : null;
    if (key && /^(property_identifier|string)$/.test(String(key.kind()))) keys.set(key.text().replace(/^["']|["']$/g, ""), key);
  }
  if (keys.size < 2) return [];
  // A handler that ends by throwing serves nothing yet (a stub's finding, not this one).
  const last = (handler.field("body" as never) as SgNode | null)?.namedChildren().filter((c) => !/comment/.test(String(c.kind()))).at(-1);
  if (last?.kind() === "throw_statement") return [];
  // Convex hands `(ctx, args)`; a command-line definition (cmd-ts's `command({ args, handler: async ({ port }) => .. })`)
  // hands the arguments alone.
  const params = (handler.field("parameters" as never) as SgNode | null)?.namedChildren().filter((p) => !/comment/.test(String(p.kind()))) ?? [];
  const taken = params.length >= 2 ? params[1] : params[0];
  const pattern = taken ? ((taken.field("pattern" as never) as SgNode | null) ?? taken) : null;
  const body = handler.field("body" as never) as SgNode | null;
  let read: Set<string> | null = null;
  if (!pattern) read = new Set();
  else if (pattern.kind() === "object_pattern") {
    if (pattern.namedChildren().some((k) => k.kind() === "rest_pattern")) return [];
    read = new Set(pattern.namedChildren().map((k) => (k.kind() === "pair_pattern" ? (k.field("key" as never) as SgNode | null)?.text() ?? "" : k.kind() === "object_assignment_pattern" ? (k.field("left" as never) as SgNode | null)?.text() ?? "" : k.text())));
  } else if (pattern.kind() === "identifier" && body) read = fieldsReadThrough(body.text(), pattern.text());
  if (!read) return [];
  return [...keys].filter(([k]) => !read!.has(k)).map(([k, key]) => ({
    region: regionOf(key),
    message: `argument '${k}' is declared and validated but the handler never reads it: what the client sends is ignored`,
  }));
}
