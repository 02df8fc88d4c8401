// unwired-auth in Rust route builders that nest routers under a prefix (tide's `app.at("/api/v1/admin").nest(admin)`,
// Pavex's `bp.nest_at("/admin", admin_bp())`, axum's `.nest("/admin", admin_routes())`): the nested router runs its own
// middleware (`admin.with(RequireRole(..))`, `bp.pre_process(..)`, `.layer(..)`) for every path under its prefix. A
// route the outer router registers itself under that prefix (`app.at("/api/v1/admin/reindex").post(h)`, `bp.route(POST,
// "/admin/refunds", ..)`) answers there without going through it.
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp } from "../syntax";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

/** Middleware a router is given: tide's `with`, Pavex's `pre_process`/`wrap`/`post_process`, axum/tower `layer`/`route_layer`. */
const MIDDLEWARE = /\.\s*(with|pre_process|wrap|post_process|layer|route_layer)\s*\(/;

interface Nest { prefix: string; router: string; at: string }

/** The nests of a body: the prefix, the nested router (a variable or a function called), and the outer receiver. */
function nestsOf(text: string): Nest[] {
  const out: Nest[] = [];
  for (const m of text.matchAll(/(\w+)\s*\.\s*at\s*\(\s*"([^"]+)"\s*\)\s*\.\s*nest\s*\(\s*(\w+)/g)) out.push({ at: m[1]!, prefix: m[2]!, router: m[3]! });
  for (const m of text.matchAll(/(\w+)\s*\.\s*nest(?:_at)?\s*\(\s*"([^"]+)"\s*,\s*(?:&?\s*mut\s+)?([\w:]+)/g)) out.push({ at: m[1]!, prefix: m[2]!, router: m[3]!.replace(/^.*::/, "") });
  return out.map((n) => ({ ...n, prefix: n.prefix.replace(/\/+$/, "") })).filter((n) => n.prefix);
}

/** Does the nested router run middleware: given it in this body (`admin.with(..)`), or in the function that builds it? */
function runsMiddleware(router: string, body: string, root: SgNode): boolean {
  if (new RegExp(`(?<![\\w.])${escapeRegExp(router)}\\s*\\.\\s*(with|pre_process|wrap|post_process|layer|route_layer)\\s*\\(`).test(body)) return true;
  const builder = root.findAll({ rule: { kind: "function_item" } }).find((f) => (f.field("name" as never) as SgNode | null)?.text() === router);
  return !!builder && MIDDLEWARE.test((builder.field("body" as never) as SgNode | null)?.text() ?? "");
}

/**
 * Reported: a route the body registers on the outer router (`X.at("/p/..")`, `X.route(M, "/p/..", ..)`) whose path
 * lies under a prefix where the body nests a router that runs middleware. Not reported: routes open by design, a
 * nested router given no middleware (nothing to bypass), a route registered on the nested router itself.
 */
export function besideNestCheck(ctx: CheckContext): Hit[] {
  const body = ctx.node.field("body" as never) as SgNode | null;
  if (!body) return [];
  const text = body.text();
  const nests = nestsOf(text).filter((n) => runsMiddleware(n.router, text, ctx.node.getRoot().root()));
  if (!nests.length) return [];
  const out: Hit[] = [];
  for (const call of body.findAll({ rule: { kind: "call_expression" } })) {
    const fn = call.field("function" as never) as SgNode | null;
    if (fn?.kind() !== "field_expression") continue;
    const method = (fn.field("field" as never) as SgNode | null)?.text() ?? "";
    const receiver = (fn.field("value" as never) as SgNode | null)?.text() ?? "";
    if (!/^(at|route)$/.test(method)) continue;
    const path = /"(\/[^"]*)"/.exec((call.field("arguments" as never) as SgNode | null)?.text() ?? "")?.[1];
    if (!path || OPEN_BY_DESIGN.test(path)) continue;
    // `app.at("/api/v1/admin").nest(admin)` is the nest itself, not a route.
    if (/^\s*\.\s*nest\s*\(/.test(text.slice(call.range().end.index - body.range().start.index))) continue;
    const nest = nests.find((n) => n.at === receiver && path.startsWith(`${n.prefix}/`));
    if (!nest) continue;
    out.push({ region: regionOf(call), message: `${ctx.rule.message}: ${path} is registered on ${receiver} itself, under the prefix ${nest.prefix} where ${nest.router} is nested with middleware of its own that this route does not go through` });
  }
  return out;
}
