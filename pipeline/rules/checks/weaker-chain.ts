// unwired-auth in Go route tables built from middleware chains that derive from one another (alice's `protected :=
// dynamic.Append(app.requireAuthentication)`, `admin := protected.Append(app.requireAdmin)`; chi's `admin :=
// r.With(requireAdmin)`): each route is registered through a chain (`dynamic.ThenFunc(h)`, `admin.Post(path, h)`),
// and a chain derived from another runs everything the other runs and more. A state-changing route of a resource
// registered through a chain its sibling writes' chains derive from skips what they were built to require.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

/** `protected := dynamic.Append(..)`, `admin = r.With(..)`, `api := base.Extend(..)`: the chain each name derives from. */
const DERIVES = /(?:^|[\s;{])(\w+)\s*:?=\s*(\w+)\s*\.\s*(Append|With|Extend)\s*\(/gm;
const WRITE = /\b(MethodPost|MethodPut|MethodPatch|MethodDelete)\b|^"(POST|PUT|PATCH|DELETE)"$|^(Post|Put|Patch|Delete|POST|PUT|PATCH|DELETE)$/;
const VERB = /\b(MethodGet|MethodHead|MethodOptions|MethodPost|MethodPut|MethodPatch|MethodDelete)\b|^"(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)"$|^(Get|Head|Options|Post|Put|Patch|Delete|GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)$/;

interface Registration { node: SgNode; path: string; write: boolean; chain: string; resource: string }

/** Is `from` an ancestor of `name` through the derivations (`admin` → `protected` → `dynamic`)? */
function derivesFrom(name: string, from: string, parent: ReadonlyMap<string, string>): boolean {
  const seen = new Set<string>();
  for (let n = parent.get(name); n && !seen.has(n); n = parent.get(n)) {
    if (n === from) return true;
    seen.add(n);
  }
  return false;
}

/**
 * A route registration of the body: a call handed a path literal (`"/meetings/delete/:id"`) and a handler wrapped by
 * a chain (`dynamic.ThenFunc(app.meetingDelete)`, `admin.Then(h)`) or made on a chain (`admin.Post("/x", h)`). Its
 * resource is the path's first segment; it writes when its method (an argument or the call's name) is
 * POST/PUT/PATCH/DELETE.
 */
function registrationOf(call: SgNode, chains: ReadonlySet<string>): Registration | null {
  const fn = call.field("function" as never) as SgNode | null;
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  if (fn?.kind() !== "selector_expression" || args.length < 2) return null;
  const pathArg = args.find((a) => /^"\/[^"]*"$|^`\/[^`]*`$/.test(a.text()));
  if (!pathArg) return null;
  const method = (fn.field("field" as never) as SgNode | null)?.text() ?? "";
  const receiver = (fn.field("operand" as never) as SgNode | null)?.text() ?? "";
  const verbArg = args.find((a) => VERB.test(a.text()));
  const wrapped = args.map((a) => /^(\w+)\s*\.\s*(ThenFunc|Then)\s*\(/.exec(a.text())?.[1]).find((c) => c && chains.has(c));
  const chain = wrapped ?? (chains.has(receiver) ? receiver : null);
  if (!chain || (!verbArg && !VERB.test(method))) return null;
  const path = pathArg.text().slice(1, -1);
  return { node: call, path, chain, write: WRITE.test(verbArg?.text() ?? method), resource: path.split("/").filter(Boolean)[0] ?? "" };
}

/**
 * Reported: a state-changing registration through a root chain (one the body makes, not derives) that the chains of
 * at least two other writes of the same resource (first path segment) derive from, when no other write of that
 * resource goes through it (the odd one is alone at its level). Not reported: reads, routes open by design (login, sign-up, webhooks), resources
 * whose writes share the weakest chain, and chains the body does not derive (an unrelated chain may be complete).
 */
export function weakerChainCheck(ctx: CheckContext): Hit[] {
  const body = ctx.node.field("body" as never) as SgNode | null;
  if (!body) return [];
  const text = body.text();
  const parent = new Map<string, string>();
  for (const m of text.matchAll(DERIVES)) if (!parent.has(m[1]!)) parent.set(m[1]!, m[2]!);
  if (!parent.size) return [];
  const chains = new Set([...parent.keys(), ...parent.values()]);
  const regs = body.findAll({ rule: { kind: "call_expression" } }).map((c) => registrationOf(c, chains)).filter((r): r is Registration => !!r);
  const out: Hit[] = [];
  for (const r of regs) {
    // Only the root chain (made, not derived: `dynamic := alice.New(..)`) is read as skipping a guard; a member's RSVP
    // on `protected` among admin writes is a level of its own.
    if (!r.write || !r.resource || OPEN_BY_DESIGN.test(r.path) || parent.has(r.chain)) continue;
    const writes = regs.filter((o) => o !== r && o.write && o.resource === r.resource);
    if (writes.some((o) => o.chain === r.chain)) continue;
    const stronger = writes.filter((o) => derivesFrom(o.chain, r.chain, parent));
    if (stronger.length < 2) continue;
    const chainsAbove = [...new Set(stronger.map((o) => o.chain))];
    out.push({ region: regionOf(r.node), message: `${ctx.rule.message}: ${r.path} is registered through ${r.chain}, while ${stronger.length} other writes of /${r.resource} go through ${chainsAbove.join(", ")}, built on ${r.chain} with more middleware` });
  }
  return out;
}
