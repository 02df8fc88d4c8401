// unwired-auth on Rust router builders (axum, poem, actix-web, salvo): a state-changing route added where
// the guard its siblings sit behind does not reach it.
import type { SgNode } from "@ast-grep/napi";
import { callEnd } from "../syntax";
import type { CheckContext } from "./check";
import { fileGuards, guardMountedNowhere, makesAccessDecision, namesSubject } from "./guard-shape";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

/** A method router that changes state: `post(h)`, `get(a).delete(b)`, `web::put().to(h)`, `routing::patch(h)`. */
const STATE_CHANGING = /(^|[.:\s])(post|put|patch|delete)\s*\(/;
/** Methods that wrap what the builder holds in middleware (axum `layer`/`route_layer`, poem `with`, actix `wrap`, salvo `hoop`). */
const WRAPS = /^(layer|route_layer|with|wrap|wrap_fn|hoop|around)$/;
/** axum applies `layer`/`route_layer` only to the routes added before it; the others wrap the whole builder. */
const ORDERED = /^(layer|route_layer)$/;

interface Link { method: string; args: SgNode | null; node: SgNode }

/** The calls of a method chain in source order, from the chain's outermost call. */
function chainOf(top: SgNode): Link[] {
  const out: Link[] = [];
  for (let c: SgNode | null = top; c?.kind() === "call_expression";) {
    const fn = c.field("function" as never) as SgNode | null;
    if (fn?.kind() !== "field_expression") break;
    out.unshift({ method: (fn.field("field" as never) as SgNode | null)?.text() ?? "", args: c.field("arguments" as never) as SgNode | null, node: c });
    c = fn.field("value" as never) as SgNode | null;
  }
  return out;
}

/** The outermost call of the chain `node` is a link of. */
function topOf(node: SgNode): SgNode {
  let n = node;
  while (n.parent()?.kind() === "field_expression" && n.parent()!.parent()?.kind() === "call_expression") n = n.parent()!.parent()!;
  return n;
}

/**
 * Is this builder text guarded: does it wrap something in a guard (`.layer(from_fn(require_admin))`,
 * `.with(RequireOperator)`, `.wrap(HttpAuthentication::bearer(validator))`)? A same-file `let` or
 * function it names is followed once (`.merge(admin_routes())`, `.nest("/admin", admin)`).
 */
function wrapsInGuard(text: string, isGuard: (name: string) => boolean, root: string, depth = 0, verb = /(?!)/): boolean {
  for (const m of text.matchAll(/\.\s*(layer|route_layer|with|wrap|wrap_fn|hoop|around)\s*\(([^;]*)/g)) {
    if ((m[2]!.match(/[A-Za-z_]\w*/g) ?? []).some(isGuard)) return true;
    // A function mounted as middleware (`from_fn(require_member)`) and named for a requirement is a guard.
    if ([...m[2]!.matchAll(/from_fn\w*\s*\((?:(?:[^()]|\([^()]*\))*,\s*)?([\w:]+)\s*\)/g)].some(([, f]) => verb.test(f!.replace(/^.*::/, "")))) return true;
  }
  if (depth > 0) return false;
  for (const [, name] of text.matchAll(/(?<![\w:.])([a-z_]\w*)\s*(?:\(\s*\)|(?=\s*[,)]))/g)) {
    const def = new RegExp(`\\blet\\s+(?:mut\\s+)?${name}\\b[^=;]*=([^;]*);|\\bfn\\s+${name}\\s*\\([^)]*\\)[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(root);
    if (def && wrapsInGuard(def[1] ?? def[2] ?? "", isGuard, root, 1, verb)) return true;
  }
  return false;
}

/** The handler a method router names (`post(delete_item)` -> `delete_item`), if defined in the file. */
function handlerDecides(args: SgNode, root: SgNode): boolean {
  const name = /(?:post|put|patch|delete)\s*\(\s*\)?\s*(?:\.to\s*\(\s*)?([\w:]+)/.exec(args.text())?.[1]?.replace(/^.*::/, "");
  const def = name ? root.find({ rule: { kind: "function_item", has: { field: "name", regex: `^${name}$` } } } as never) : null;
  return !!def && makesAccessDecision(def.text());
}

/** From the `.route` of this link to its end: a chain's call starts where the chain starts. */
function routeRegion(node: SgNode, fn: SgNode) {
  const field = (fn.field("field" as never) as SgNode | null) ?? node;
  return { start: regionOf(field).start, end: regionOf(node).end };
}

/**
 * Reported: a POST/PUT/PATCH/DELETE route (`.route(p, post(h))`, poem `.at`) that (a) is added to an axum
 * router after the `layer`/`route_layer` that guards the routes added before it, or (b) sits on a builder
 * beside a nested or merged group wrapped in a guard, itself outside any guard. A guard is a same-file
 * guard by shape or a name of the guard vocabulary. Not reported: a guard wrapping the whole builder
 * (axum: a later layer; the others: anywhere in the chain), routes open by design, a handler that decides
 * access itself, and a file whose own guard is mounted nowhere (reported at the guard).
 */
export function unguardedBuilderCheck(ctx: CheckContext): Hit[] {
  const { node } = ctx;
  const fn = node.field("function" as never) as SgNode | null;
  if (fn && VERB_LINK.test((fn.field("field" as never) as SgNode | null)?.text() ?? "")) return verbLinkCheck(ctx);
  const args = node.field("arguments" as never) as SgNode | null;
  const list = args?.namedChildren().filter((a) => !/comment/.test(String(a.kind()))) ?? [];
  if (fn?.kind() !== "field_expression" || list.length !== 2 || list[0]!.kind() !== "string_literal") return [];
  const path = list[0]!.text().replace(/^"|"$/g, "");
  if (!STATE_CHANGING.test(list[1]!.text()) || OPEN_BY_DESIGN.test(path)) return [];
  const root = node.getRoot().root();
  const { names, guards, isGuard } = fileGuards(ctx);
  // Guarded on its own: `post(h).route_layer(from_fn(require_admin))`, `post(admin_only(h))`.
  if ((list[1]!.text().match(/[A-Za-z_]\w*/g) ?? []).some(isGuard)) return [];
  const chain = chainOf(topOf(node));
  const at = chain.findIndex((l) => l.node.id() === node.id());
  if (at < 0) return [];
  const verb = names[1] ?? /(?!)/;
  const guarding = (l: Link) => WRAPS.test(l.method) && wrapsInGuard(`.${l.method}${l.args?.text() ?? ""}`, isGuard, root.text(), 0, verb);
  // Wrapped as a whole: a guard later in an axum chain, or anywhere in the others'.
  if (chain.some((l, i) => guarding(l) && (!ORDERED.test(l.method) || i > at))) return [];
  const text = root.text().replace(/\/\/[^\n]*/g, "");
  if (guardMountedNowhere(guards, text)) return [];
  if (handlerDecides(list[1]!, root)) return [];
  const before = chain.slice(0, at).findIndex((l) => guarding(l) && ORDERED.test(l.method));
  // Routes added before the layer, in this chain or in the `let` binding the chain starts from.
  const head = chain[0] ? (chain[0].node.field("function" as never) as SgNode | null) : null;
  const base = head ? ((head.field("value" as never) as SgNode | null)?.text() ?? "") : "";
  const baseRoutes = /^[a-z_]\w*$/.test(base) && new RegExp(`\\blet\\s+(?:mut\\s+)?${base}\\b[^=;]*=[^;]*\\.route\\s*\\(`).test(root.text());
  if (before >= 0 && (baseRoutes || chain.slice(0, before).some((l) => /^(route|at)$/.test(l.method)))) {
    return [{ region: routeRegion(node, fn), message: `route ${path} is added after .${chain[before]!.method}(..) (line ${chain[before]!.node.range().end.line + 1}): axum applies a layer only to the routes added before it, so this one is unguarded` }];
  }
  const group = chain.find((l, i) => i !== at && /^(nest|merge|service|nest_service|configure|push|at)$/.test(l.method) && wrapsInGuard(l.args?.text() ?? "", isGuard, root.text(), 0, verb));
  if (!group) return [];
  return [{ region: routeRegion(node, fn), message: `route ${path} is added beside the guarded group of line ${group.node.range().start.line + 1}, outside its guard` }];
}

/** Routers whose methods are the verbs (`.get(path, h)`, `.delete(path, h)`: viz, tide-style builders). */
const VERB_LINK = /^(get|post|put|patch|delete)$/;

/**
 * A verb link of a builder chain (`.delete("/admin/notes/:id", admin::purge)`) whose handler goes through no
 * guard, where most verb links of the same chain wrap theirs in one (`h.around(require_admin)`, `guard(h)`):
 * the bare state-changing route is open beside guarded siblings. Not reported: read-only links, routes open
 * by design, a chain guarded as a whole, a handler that decides access itself.
 */
function verbLinkCheck(ctx: CheckContext): Hit[] {
  const { node } = ctx;
  const fn = node.field("function" as never) as SgNode;
  const method = (fn.field("field" as never) as SgNode).text();
  const args = (node.field("arguments" as never) as SgNode | null)?.namedChildren().filter((a) => !/comment/.test(String(a.kind()))) ?? [];
  if (method === "get" || args.length !== 2 || args[0]!.kind() !== "string_literal") return [];
  const path = args[0]!.text().replace(/^"|"$/g, "");
  if (OPEN_BY_DESIGN.test(path)) return [];
  const { isGuard } = fileGuards(ctx);
  const root = node.getRoot().root();
  // What wraps the handler: a method's argument (`h.around(require_user)`) or a callee (`require_user(h)`), a
  // guard by the file or the vocabulary or by naming who is asking; a module path (`admin::purge`) wraps nothing.
  const wrappers = (h: SgNode) => [...h.text().matchAll(/\.\s*\w+\s*\(\s*([\w:]+)|([\w:]+)\s*\(/g)].map((m) => (m[1] ?? m[2]!).replace(/^.*::/, ""));
  // ... or a wrapper brought in from a module named for who is asking (`use auth::guarded;`): its home says what it checks.
  const handlerGuarded = (h: SgNode) => wrappers(h).some((w) => isGuard(w) || namesSubject(w) || namesSubject(importedFrom(root.text(), w)));
  if (handlerGuarded(args[1]!)) return [];
  const chain = siblingStatements(topOf(node)) ?? chainOf(topOf(node));
  if (chain.some((l) => WRAPS.test(l.method) && wrapsInGuard(`.${l.method}${l.args?.text() ?? ""}`, isGuard, root.text()))) return [];
  const routes = chain.filter((l) => VERB_LINK.test(l.method) && l.args?.namedChildren()[0]?.kind() === "string_literal" && !OPEN_BY_DESIGN.test(l.args.namedChildren()[0]!.text()));
  const guarded = routes.filter((l) => { const h = l.args!.namedChildren()[1]; return !!h && handlerGuarded(h); });
  if (guarded.length < 2 || guarded.length * 2 <= routes.length) return [];
  const name = /([\w]+)\s*$/.exec(args[1]!.text())?.[1];
  const def = name ? root.find({ rule: { kind: "function_item", has: { field: "name", regex: `^${name}$` } } } as never) : null;
  if (def && makesAccessDecision(def.text())) return [];
  return [{ region: routeRegion(node, fn), message: `${method.toUpperCase()} ${path} is added without the guard ${guarded.length} of the ${routes.length} routes of this builder wrap their handlers in (line ${guarded[0]!.node.range().start.line + 1})` }];
}

/** The module path a `use` of the file brings `name` in from (`use crate::auth::guarded;` -> `crate::auth`), or "". */
function importedFrom(text: string, name: string): string {
  if (!/^\w+$/.test(name)) return "";
  const m = new RegExp(`\\buse\\s+([\\w:]+)::(?:${name}\\b|\\{[^}]*\\b${name}\\b)`).exec(text);
  return m?.[1] ?? "";
}

/**
 * A router filled statement by statement (`router.get(..); router.delete(..);`) is one builder read the same
 * way as a chain: the calls of the same block on the same receiver variable, in source order. Null when the
 * call is not a bare statement on a variable (a chain, or a call inside an expression).
 */
function siblingStatements(top: SgNode): Link[] | null {
  const fn = top.field("function" as never) as SgNode | null;
  const receiver = fn?.kind() === "field_expression" ? (fn.field("value" as never) as SgNode | null) : null;
  const statement = top.parent();
  if (receiver?.kind() !== "identifier" || statement?.kind() !== "expression_statement") return null;
  const links: Link[] = [];
  for (const s of statement.parent()?.children() ?? []) {
    const call = s.kind() === "expression_statement" ? s.child(0) : null;
    const callee = call?.kind() === "call_expression" ? (call.field("function" as never) as SgNode | null) : null;
    if (callee?.kind() !== "field_expression" || (callee.field("value" as never) as SgNode | null)?.text() !== receiver.text()) continue;
    links.push({ method: (callee.field("field" as never) as SgNode | null)?.text() ?? "", args: call!.field("arguments" as never) as SgNode | null, node: call! });
  }
  return links;
}

/** Services open by design beside guarded ones: health checks and server reflection. */
const OPEN_SERVICE = /health|reflection/i;

/**
 * tonic: a service added to a server beside a sibling wrapped in a guard interceptor
 * (`add_service(AdminServer::with_interceptor(admin, check_auth))`, `InterceptedService::new(svc, auth)`),
 * itself added bare, with no guard layer over the whole server. Health and reflection services are open by
 * design.
 */
export function unguardedServiceCheck(ctx: CheckContext): Hit[] {
  const { node } = ctx;
  const args = node.field("arguments" as never) as SgNode | null;
  const own = args?.text() ?? "";
  if (!args || OPEN_SERVICE.test(own)) return [];
  const root = node.getRoot().root();
  const { names, guards, isGuard } = fileGuards(ctx);
  // A function handed over as an interceptor is middleware by how tonic mounts it: named for a requirement, it is a guard.
  const verb = names[1] ?? /(?!)/;
  const subject = names[0] ?? /(?!)/;
  const text = root.text();
  const at = node.range().start.index;
  // The binding in effect where the name is used: the last `let` of it before this point (`let svc = ..;`
  // then `let svc = XServer::with_interceptor(svc, auth);` shadows the first).
  const byLet = (id: string, before = at) => {
    let found = "";
    for (const m of text.matchAll(new RegExp(`\\blet\\s+(?:mut\\s+)?${id}\\b[^=;]*=([^;]*);`, "g"))) if (m.index! < before) found = m[1]!;
    return found;
  };
  // The interceptor is the last argument (`with_interceptor(svc, auth)`); a value in that slot is middleware
  // by where it is mounted, so a name (or the constructor of the local it names: `let auth =
  // AuthInterceptor::new(..)`) saying who is asked for, or what is required, makes it a guard.
  const guardingInterceptor = (arg: string): boolean => {
    // `auth` or `auth.clone()`: the local the argument starts from.
    const local = /^([a-z_]\w*)\s*(?:$|\.)/.exec(arg.trim())?.[1];
    const ws = [arg, local ? byLet(local) : ""].join(" ").match(/[A-Za-z_]\w*/g) ?? [];
    return ws.some((w) => isGuard(w) || verb.test(w) || subject.test(w));
  };
  const intercepted = (text: string, before = at): boolean => {
    const own = /^\(\s*([a-z_]\w*)\s*\)$/.exec(text)?.[1];
    const all = `${text} ${own ? byLet(own, before) : ""}`;
    // Each wrapping call's arguments to their matching `)`, however deeply they nest.
    return [...all.matchAll(/(?:with_interceptor|InterceptedService::new|interceptor)\s*\(/g)].some((m) => {
      const open = m.index! + m[0].length - 1;
      const end = callEnd(all, open);
      return guardingInterceptor(lastArgument(all.slice(open + 1, end < 0 ? undefined : end - 1)));
    });
  };
  if (intercepted(own) || (own.match(/[A-Za-z_]\w*/g) ?? []).some(isGuard)) return [];
  const chain = chainOf(topOf(node));
  if (chain.some((l) => WRAPS.test(l.method) && (l.args?.text().match(/[A-Za-z_]\w*/g) ?? []).some(isGuard))) return [];
  const sibling = chain.find((l) => l.method === "add_service" && l.node.id() !== node.id() && intercepted(l.args?.text() ?? "", l.node.range().start.index));
  const fn = node.field("function" as never) as SgNode;
  if (sibling) return [{ region: routeRegion(node, fn), message: `service added without the guard interceptor its sibling service carries (line ${sibling.node.range().start.line + 1})` }];
  // The same service added guarded to another server of the file (a second, internal listener given the admin
  // service bare): whoever reaches that listener skips the interceptor the author put in front of it.
  const service = /\b([A-Z]\w*Server)\s*::\s*(?:new|from_arc|from_shared)\s*\(/.exec(own)?.[1];
  // A server that asks every client for a certificate (`ServerTlsConfig::new()..client_ca_root(ca)`) authenticates
  // whoever reaches it: mutual TLS in place of the interceptor.
  const mutualTls = (l: { method: string; args: SgNode | null }) => {
    const args = l.args?.text() ?? "";
    const local = l.method === "tls_config" ? /^\(\s*([a-z_]\w*)\s*(?:\.clone\(\))?\s*\)/.exec(args)?.[1] : undefined;
    return /client_ca_root|client_auth_optional/.test(`${args} ${local ? byLet(local) : ""}`);
  };
  if (!service || chain.some(mutualTls)) return [];
  const elsewhere = root.findAll({ rule: { kind: "call_expression", has: { field: "function", kind: "field_expression", has: { field: "field", regex: "^add_service$" } } } })
    .find((c) => c.id() !== node.id() && new RegExp(`\\b${service}\\s*::`).test(c.text()) && intercepted((c.field("arguments" as never) as SgNode | null)?.text() ?? "", c.range().start.index));
  return elsewhere ? [{ region: routeRegion(node, fn), message: `${service} is added here without the guard interceptor it goes through on the other server of this file (line ${elsewhere.range().start.line + 1})` }] : [];
}

/** The last top-level argument of an argument list's text (`admin, check_auth` -> `check_auth`; a trailing comma is rustfmt's). */
function lastArgument(text: string): string {
  const args = text.replace(/,\s*$/, "");
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c)) depth--;
    else if (c === "," && depth === 0) start = i + 1;
  }
  return args.slice(start).trim();
}
