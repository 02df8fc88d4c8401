// unwired-auth on a router: a guard wraps some routes registered on it, and a sibling route that changes
// state is registered bare beside them.
import type { SgNode } from "@ast-grep/napi";
import { blockStatements, escapeRegExp } from "../syntax";
import type { CheckContext } from "./check";
import { calleeName } from "./bound-guard";
import { fileGuards, guardIsTheException, guardMountedNowhere, makesAccessDecision, namesSubject, sharesCarriersAudience, SUBJECT } from "./guard-shape";
import { type Hit, regionOf } from "./hit";
import { refusesEveryone } from "./not-guard";

const STATE_CHANGING = /^(POST|PUT|PATCH|DELETE)$/i;
/** Registration by a method named for the verb (`r.Post`, `e.DELETE`, `app.patch`) or by one that takes the route (`HandleFunc`). */
const REGISTERS = /^(HandleFunc|Handle|Handler|HandlerFunc|Method|MethodFunc|Add|Post|Put|Patch|Delete|Del|Get|Head|Options|POST|PUT|PATCH|DELETE|DEL|GET|HEAD|OPTIONS|post|put|patch|delete|del|get|head|options|all|route|handle|on)$/;
/** A verb method's spelling in each framework: restify and koa-router abbreviate DELETE to `del`. */
const verbOf = (method: string) => (/^del$/i.test(method) ? "DELETE" : method.toUpperCase());
/** A method named by its first argument (httprouter/gin `r.Handle("DELETE", "/x", h)`, chi `r.Method(..)`, echo `e.Add(..)`, find-my-way `router.on("POST", ..)`). */
const HTTP_METHOD = /^(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)$/;
/** Registering methods that only ever take the method first. */
const METHOD_FIRST = /^(on|Handler|HandlerFunc|Method|MethodFunc|Add)$/;
/**
 * Routes that are open by design: the entry points of authentication itself (logging in, signing up,
 * exchanging a token, an OAuth callback), webhooks (they verify a signature in the handler) and health probes.
 */
export const OPEN_BY_DESIGN = /(^|[/_-])(log-?in|log-?out|sign-?in|sign-?up|sign-?out|register|signup|token|oauth\w*|callback|auth\w*|session\w*|password\w*|webhooks?|hooks?|health\w*|ready\w*|live\w*)([/_.-]|$)/i;

interface Registration { call: SgNode; receiver: string; verb: string | null; path: string; handlers: SgNode[] }

/** A call that registers a route: `recv.Method("path", handler...)`, with the verb from the method or a `"POST /x"` pattern. */
function registration(call: SgNode): Registration | null {
  const fn = call.field("function" as never) as SgNode | null;
  if (!fn || !/^(selector_expression|member_expression)$/.test(String(fn.kind()))) return null;
  const method = ((fn.field("field" as never) ?? fn.field("property" as never)) as SgNode | null)?.text() ?? "";
  if (!REGISTERS.test(method)) return null;
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  const str = (n: SgNode | undefined) => (n && /string/.test(String(n.kind())) ? n.text().replace(/^["'`]|["'`]$/g, "") : null);
  const receiver = ((fn.field("operand" as never) ?? fn.field("object" as never)) as SgNode | null)?.text() ?? "";
  // A pattern built by a call (goji's `pat.Post("/x")`, `pat.New("/x/*")`): its literal is the path, its
  // method the verb when it names one.
  const pattern = args[0]?.kind() === "call_expression" ? patternOf(args[0]) : null;
  if (pattern && args.length >= 2 && /^(HandleFunc|Handle|handle)$/.test(method)) return { call, receiver, verb: pattern.verb, path: pattern.path, handlers: args.slice(1) };
  const named = str(args[0]);
  const path = str(args[1]);
  if (named !== null && path !== null && HTTP_METHOD.test(named) && args.length >= 3) return { call, receiver, verb: named, path, handlers: handlerLast(call, args.slice(2)) };
  if (named === null || args.length < 2 || METHOD_FIRST.test(method)) return null;
  const inPattern = /^([A-Z]+)\s+(\S+)$/.exec(named);
  const verb = inPattern ? inPattern[1]! : /^(HandleFunc|Handle|all|route|handle)$/.test(method) ? null : verbOf(method);
  return { call, receiver, verb, path: inPattern ? inPattern[2]! : named, handlers: handlerLast(call, args.slice(1)) };
}

/**
 * The handlers in the order most routers take them, middleware first and the handler last. echo takes the handler
 * first (`router.POST("/twofactor", TwoFactor, middlewares.NeedInstance)`), so in a file that imports echo the
 * first is moved last: a handler that authenticates its caller (a token exchange) is the route, not a guard over it.
 */
function handlerLast(call: SgNode, handlers: SgNode[]): SgNode[] {
  if (handlers.length < 2) return handlers;
  const root = call.getRoot();
  let echo = echoFiles.get(root);
  if (echo === undefined) echoFiles.set(root, (echo = ECHO_IMPORT.test(root.root().text())));
  return echo ? [...handlers.slice(1), handlers[0]!] : handlers;
}
/** Whether each parsed file imports echo, asked once per file. */
const echoFiles = new WeakMap<object, boolean>();
const ECHO_IMPORT = /^\s*(import\s+)?(\w+\s+)?"github\.com\/labstack\/echo(\/v\d+)?"/m;

/** `pat.Post("/admin/x")` -> POST /admin/x; `pat.New("/admin/*")` -> no verb, path /admin/*. */
function patternOf(call: SgNode): { verb: string | null; path: string } | null {
  const fn = call.field("function" as never) as SgNode | null;
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  if (!fn || args.length !== 1 || !/string/.test(String(args[0]!.kind()))) return null;
  const path = args[0]!.text().replace(/^["'`]|["'`]$/g, "");
  if (!path.startsWith("/")) return null;
  const method = fn.text().replace(/^[\s\S]*\./, "");
  const verb = /^(get|head|options|post|put|patch|delete|del)$/i.test(method) ? verbOf(method) : null;
  return { verb, path };
}

/** The receiver's root (`r` of `r.With(auth)`), so a chained group and the bare router compare equal. */
const rootOf = (receiver: string) => /^[\w$]+/.exec(receiver)?.[0] ?? receiver;


/** The file's function or variable of that name (the handler a route names), if defined here. */
function definitionOf(root: SgNode, name: string): SgNode | null {
  for (const kind of ["function_declaration", "method_declaration", "method_definition", "variable_declarator"]) {
    try {
      const d = root.find({ rule: { kind, has: { field: "name", regex: `^${name.replace(/\$/g, "\\$")}$` } } } as never);
      if (d) return d;
    } catch { /* kind absent from this grammar */ }
  }
  return null;
}

/** What a registration hands before its handler, an array of middleware (Express's `app.post(path, [auth, role(..)], h)`) unpacked. */
function middlewareOf(reg: Registration): SgNode[] {
  return reg.handlers.slice(0, -1).flatMap((h) => (h.kind() === "array" ? h.namedChildren() : [h]));
}

/** The names of a registration's middleware: a bare name, a method value's last name, a factory call's callee. */
function middlewareNames(reg: Registration): string[] {
  return [...new Set(middlewareOf(reg).map((h) => (h.kind() === "call_expression" ? calleeName(h) : /^(identifier|member_expression|selector_expression)$/.test(String(h.kind())) ? h.text().replace(/^[\s\S]*\./, "") : "")).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)))];
}

/**
 * Does the registration hand its handler through a guard: `guard(h)`, `r.With(guard)`, or a guard before the
 * handler (`app.post(p, guard, h)`, `app.post(p, [guard], h)`)? A call is judged by its callee, never by its
 * arguments' text (a multi-line `auth({ type: .. })` once passed on its argument words while `auth()` failed).
 */
function guarded(reg: Registration, isGuard: (name: string) => boolean): boolean {
  if (/\(/.test(reg.receiver) && (reg.call.field("function" as never) as SgNode).findAll({ rule: { kind: "identifier" } }).some((i) => isGuard(i.text()))) return true;
  const throughGuard = (h: SgNode) => h.kind() === "call_expression" && (isGuard(calleeName(h)) || wrapsWithGuard(h, isGuard));
  const own = reg.handlers[reg.handlers.length - 1];
  return middlewareOf(reg).some((h) => throughGuard(h) || (h.kind() !== "call_expression" && isGuard(h.text().replace(/^.*\./, "")))) || (!!own && throughGuard(own));
}

/**
 * A handler handed to a composing call with middleware beside it (`Chain(h.adminListLinks, admin)` where `admin :=
 * AdminAuth(cfg.AdminToken)`, `compose(h, requireUser)`): a bare name or a call among the other arguments that is a
 * guard or names who is asking. Member expressions are skipped: a handler's own name (`h.adminListLinks`) says
 * what it serves, not who may call it.
 */
function wrapsWithGuard(call: SgNode, isGuard: (name: string) => boolean): boolean {
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).slice(1);
  return args.some((a) => (a.kind() === "identifier" && (isGuard(a.text()) || namesSubject(a.text()))) || (a.kind() === "call_expression" && (isGuard(calleeName(a)) || namesSubject(calleeName(a)))));
}

/**
 * Does the registration's guard follow its handler (`r.GET("/-/all", gist.AllGists, checkRequireLogin)`)? The handler
 * comes first as a reference to a function (not a call building middleware, as koa's `limiter(10)` before a guard),
 * and nothing after it is an inline function (Express and koa end on the handler).
 */
function middlewareTrails(reg: Registration, isGuard: (name: string) => boolean): boolean {
  const named = (h: SgNode) => (h.kind() === "call_expression" ? calleeName(h) : h.text().replace(/^.*\./, ""));
  const [first, ...rest] = reg.handlers;
  if (!first || !rest.length || !/^(identifier|selector_expression|member_expression)$/.test(String(first.kind())) || isGuard(named(first))) return false;
  if (rest.some((h) => /^(arrow_function|function_expression|func_literal|function)$/.test(String(h.kind())))) return false;
  return rest.some((h) => isGuard(named(h)));
}

/**
 * Router-level middleware that may decide access: a guard by name or shape, or anything naming who is asking
 * (`jwt({..})`, `session(..)`, `passport.authenticate(..)`). Parsers, loggers and CORS mounted with `use` guard
 * nothing, so they do not excuse a bare route beside guarded siblings.
 */
function mountsGuard(use: SgNode, isGuard: (name: string) => boolean): boolean {
  const args = (use.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
  const named = (a: SgNode) => (a.kind() === "call_expression" ? (a.field("function" as never) as SgNode | null)?.text() ?? "" : a.text()).replace(/^.*\./, "");
  return args.some((a) => isGuard(named(a)) || SUBJECT.test(a.text()));
}

/** Do these arguments (`auth.RequireUser(s)`, `middleware.auth()`, `requireAdmin,`) name a guard or who is asking? */
function namesGuard(args: string, isGuard: (name: string) => boolean): boolean {
  return [...args.matchAll(/([\w$]+)\s*(?:\(|[,)]|$)/g)].some(([, n]) => isGuard(n!) || namesSubject(n!));
}

/**
 * The groups made from the router whose prefix the path falls under, by shape, whatever the framework calls them
 * (gin/echo `Group`, iris `Party`, a `Route` or `Prefix` builder): a value made from the router with a path prefix
 * that routes are then registered on. Each with what it was handed after its prefix and its `Use` calls' arguments.
 */
function* groupsAbove(block: string, router: string, path: string): Generator<{ name: string; args: string; uses: string[] }> {
  const r = router.replace(/\$/g, "\\$");
  for (const m of block.matchAll(new RegExp(`(?:const|let|var)?\\s*([\\w$]+)\\s*:?=\\s*${r}\\.(\\w+)\\(\\s*["'\`]([^"'\`]+)["'\`]([^\\n]*)`, "g"))) {
    const [, name, method, prefix, args] = m;
    const base = prefix!.replace(/\/+$/, "");
    if (!base || !path.startsWith(`${base}/`) || (!/^(Group|group)$/.test(method!) && !registersOn(block, name!))) continue;
    const uses = [...block.matchAll(new RegExp(`(?<![\\w$])${name!.replace(/\$/g, "\\$")}\\.(?:Use|use)\\(([^\\n]*)`, "g"))].map((u) => u[1]!);
    yield { name: name!, args: args!, uses };
  }
}

/**
 * A guarded group of the same router in the block whose prefix this path falls under (`api := h.Group("/api/v1",
 * auth(..))`, or a group given a guard with `api.Use(auth)`): the route was meant for the group and was
 * registered on the root beside it. Answers the group's name, or null.
 */
function guardedGroupAbove(block: string, router: string, path: string, isGuard: (name: string) => boolean): string | null {
  const r = router.replace(/\$/g, "\\$");
  const guardIn = (args: string) => namesGuard(args, isGuard);
  for (const g of groupsAbove(block, router, path)) if (guardIn(g.args) || g.uses.some(guardIn)) return g.name;
  // A group built apart and mounted on the router under a prefix (`admin := newSubRouter(); admin.Use(requireAdmin)`
  // … `root.Handle(pattern("/admin/*"), admin)`, `r.Mount("/admin", admin)`): its guard covers the prefix only
  // through the mount, so a route the router registers itself under that prefix bypasses it.
  for (const m of block.matchAll(new RegExp(`(?<![\\w$.])${r}\\.\\w+\\(([^\\n]*?)["'\`](/[^"'\`*]*?)/?\\*?["'\`]\\)?\\s*,\\s*([\\w$]+)\\s*\\)`, "g"))) {
    const [, , prefix, name] = m;
    const base = prefix!.replace(/\/+$/, "");
    if (!base || !path.startsWith(`${base}/`) || name === router) continue;
    const uses = [...block.matchAll(new RegExp(`(?<![\\w$])${name!.replace(/\$/g, "\\$")}\\.(?:Use|use)\\(([^\\n]*)`, "g"))].map((u) => u[1]!);
    if (uses.some(guardIn)) return name!;
  }
  return null;
}

/**
 * A group made from the router whose prefix the path falls under and whose guards (handed to it, or given with
 * `group.Use(..)`) include one the router's own `Use` calls (`rootUses`) do not mount. Answers the group and that
 * guard, or null.
 */
function stricterGroupAbove(block: string, router: string, path: string, rootUses: string, isGuard: (name: string) => boolean): { group: string; guard: string } | null {
  const guardNames = (args: string) => [...args.matchAll(/([\w$]+)\s*(?:\(|[,)]|$)/g)].map(([, n]) => n!).filter((n) => isGuard(n) || namesSubject(n));
  const rootGuards = new Set(guardNames(rootUses));
  for (const g of groupsAbove(block, router, path)) {
    const guard = [g.args, ...g.uses].flatMap(guardNames).find((x) => !rootGuards.has(x));
    if (guard) return { group: g.name, guard };
  }
  return null;
}

interface PrefixGroup { name: string; prefix: string; guards: Set<string> }

/**
 * The block's groups by shape (`api := app.Party("/api/v1", auth.RequireUser(s))`, `admin := api.Group("/admin",
 * requireRole("admin"))`, given guards later with `admin.Use(..)`), each with its full prefix (a group made from
 * another composes with it) and the guard calls that reach it (an enclosing group's included), by callee text.
 */
function prefixGroups(block: string, isGuard: (name: string) => boolean): PrefixGroup[] {
  const out = new Map<string, PrefixGroup>();
  const guardCalls = (args: string) => new Set([...args.matchAll(/([\w$.]+)\s*\(([^()]*)\)/g)]
    .filter(([, n]) => { const last = n!.replace(/^.*\./, ""); return isGuard(last) || namesSubject(last); })
    .map(([, n, a]) => `${n}(${a!.replace(/\s+/g, "")})`));
  for (const m of block.matchAll(/(?:const|let|var)?\s*([\w$]+)\s*:?=\s*([\w$]+)\.(\w+)\(\s*["'`](\/[^"'`]*)["'`]([^\n]*)/g)) {
    const [, name, from, method, prefix, args] = m;
    if (name === from || (!/^(Group|group)$/.test(method!) && !registersOn(block, name!))) continue;
    const parent = out.get(from!);
    const guards = new Set([...(parent?.guards ?? []), ...guardCalls(args!)]);
    const n = name!.replace(/\$/g, "\\$");
    for (const u of block.matchAll(new RegExp(`(?<![\\w$])${n}\\.(?:Use|use)\\(([^\\n]*)`, "g"))) for (const g of guardCalls(u[1]!)) guards.add(g);
    out.set(name!, { name: name!, prefix: `${parent?.prefix ?? ""}${prefix!.replace(/\/+$/, "")}`, guards });
  }
  return [...out.values()];
}

/**
 * A route registered on one group whose full path falls under another group's longer prefix, where that group
 * carries a guard this one does not (`api.Delete("/admin/users/{id}", h)` beside `adminParty :=
 * app.Party("/api/v1/admin", auth.RequireUser(s), auth.RequireRole("admin"))`): meant for the stricter group,
 * served with the looser group's guards only.
 */
function looserGroup(block: string, receiver: string, path: string, isGuard: (name: string) => boolean): { group: string; stricter: string; guard: string } | null {
  const groups = prefixGroups(block, isGuard);
  const own = groups.find((g) => g.name === receiver);
  if (!own) return null;
  const full = `${own.prefix}${path}`;
  for (const g of groups) {
    if (g === own || g.prefix.length <= own.prefix.length || !full.startsWith(`${g.prefix}/`)) continue;
    const missing = [...g.guards].find((x) => !own.guards.has(x));
    if (missing) return { group: own.name, stricter: g.name, guard: missing };
  }
  return null;
}

/** Does the block register a route on `name` (`api.Get("/x", h)`, `api.Handle(..)`)? */
function registersOn(block: string, name: string): boolean {
  const n = name.replace(/\$/g, "\\$");
  return [...block.matchAll(new RegExp(`(?<![\\w$.])${n}\\.(\\w+)\\(\\s*["'\`]`, "g"))].some((u) => REGISTERS.test(u[1]!));
}

/**
 * A group built fluently on the router, its routes registered inside a callback and its prefix and middleware
 * given after it (AdonisJS: `router.group(() => { router.post("/invoices", ..) }).prefix("/api/v1").use(
 * middleware.auth())`, also `.middleware(..)`): the prefix, and whether a guard reaches the group.
 */
function fluentGroup(call: SgNode, router: string, guardIn: (args: string) => boolean): { prefix: string; guarded: boolean } | null {
  const links: { method: string; args: string }[] = [];
  let node: SgNode | null = call;
  for (let i = 0; node?.kind() === "call_expression" && i < 8; i++) {
    const fn = node.field("function" as never) as SgNode | null;
    if (fn?.kind() !== "member_expression") return null;
    const args = (node.field("arguments" as never) as SgNode | null)?.text() ?? "";
    links.push({ method: (fn.field("property" as never) as SgNode | null)?.text() ?? "", args });
    node = fn.field("object" as never) as SgNode | null;
  }
  const opened = links[links.length - 1];
  if (node?.text() !== router || opened?.method !== "group" || !/^\(\s*(async\s*)?\(?[^)]*\)?\s*=>|^\(\s*function\b/.test(opened.args)) return null;
  const prefix = /^\(\s*["'`](\/[^"'`]*)["'`]\s*\)$/.exec(links.find((l) => l.method === "prefix")?.args ?? "")?.[1];
  if (!prefix) return null;
  const guarded = links.some((l) => /^(use|middleware)$/.test(l.method) && guardIn(l.args.slice(1, -1)));
  return { prefix: prefix.replace(/\/+$/, ""), guarded };
}

/**
 * Groups opened with a callback (`r.WithGroup("/api", func(g *Group) { g = g.Use(auth); .. })`, `app.register((g)
 * => .., { prefix })` aside): each group's full prefix (nested groups compose) and whether a guard reaches it (its
 * own `Use(guard)` or an enclosing group's).
 */
function callbackGroups(statements: SgNode[], router: string, base: string, inherited: boolean, isGuard: (name: string) => boolean, depth = 0): { prefix: string; guarded: boolean }[] {
  if (depth > 4) return [];
  const out: { prefix: string; guarded: boolean }[] = [];
  const guardIn = (args: string) => namesGuard(args, isGuard);
  for (const st of statements) {
    const call = st.kind() === "expression_statement" ? st.child(0) : null;
    if (call?.kind() !== "call_expression") continue;
    const fluent = fluentGroup(call, router, guardIn);
    if (fluent) {
      const prefix = `${base}${fluent.prefix}`;
      out.push({ prefix, guarded: inherited || fluent.guarded });
      continue;
    }
    const fn = call.field("function" as never) as SgNode | null;
    const recv = fn ? ((fn.field("operand" as never) ?? fn.field("object" as never)) as SgNode | null)?.text() : undefined;
    const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
    const callback = args[1];
    if (recv !== router || args.length !== 2 || !/string/.test(String(args[0]!.kind())) || !callback || !/^(func_literal|arrow_function|function_expression)$/.test(String(callback.kind()))) continue;
    const param = /^\(?\s*([\w$]+)/.exec((callback.field("parameters" as never) as SgNode | null)?.text() ?? "")?.[1];
    if (!param) continue;
    const prefix = `${base}${args[0]!.text().replace(/^["'`]|["'`]$/g, "").replace(/\/+$/, "")}`;
    const inner = blockStatements(callback.field("body" as never) as SgNode | null);
    const uses = new RegExp(`^(?:${param}\\s*=\\s*)?${param}\\.(?:Use|use)\\(([\\s\\S]*)\\)$`);
    const guarded = inherited || inner.some((i) => { const m = uses.exec(i.text()); return !!m && guardIn(m[1]!); });
    out.push({ prefix, guarded }, ...callbackGroups(inner, param, prefix, guarded, isGuard, depth + 1));
  }
  return out;
}

/**
 * Reported: a state-changing route (POST/PUT/PATCH/DELETE, by the registering method or a `"POST /x"`
 * pattern) registered without a guard on a router whose sibling registrations in the same block hand their
 * handlers through one. A guard is a same-file definition that makes an access decision and has a
 * middleware shape, or a name of the rule's guard vocabulary (`names`, every regex matching). Not reported:
 * a router with its own `Use(...)` of middleware that may decide access in that block, routes open by design (authentication's own
 * entry points, webhooks, health probes) and a handler defined in the file (a function, or a method named
 * by a method value `h.login`) that decides access itself: a login endpoint that reads a password, verifies
 * it and answers 401 authenticates its caller, and must be reachable without the credential it issues.
 */
/**
 * A registration may be refined by a chain (`router.post(..).where("id", ..).as("refund")`, PocketBase's
 * `se.Router.POST(..).Bind(apis.RequireAuth())`): the statement's call is the chain's outermost, and the registration
 * is the innermost call that registers.
 */
function innermostRegistration(top: SgNode): SgNode {
  let node: SgNode = top;
  for (let i = 0; i < 6 && !registration(node); i++) {
    const fn = node.field("function" as never) as SgNode | null;
    const inner = /^(member_expression|selector_expression)$/.test(String(fn?.kind())) ? ((fn!.field("object" as never) ?? fn!.field("operand" as never)) as SgNode | null) : null;
    if (inner?.kind() !== "call_expression") break;
    node = inner;
  }
  return node;
}

/** A chained `.use(guard)`, `.middleware(guard)` or `.Bind(guard)` after the registration guards it as an argument would. */
function chainGuards(top: SgNode, node: SgNode, isGuard: (name: string) => boolean): boolean {
  const chained = top === node ? "" : top.text().slice(node.text().length);
  return [...chained.matchAll(/\.(?:use|middleware|[Bb]ind)\s*\(([^\n]*)/g)].some((m) => namesGuard(m[1]!, isGuard));
}

/**
 * The verb a method-less registration's handler answers (`mux.HandleFunc("/override", a.override)` whose
 * `override` refuses anything but `http.MethodPut`): the handler's own test of the request method, when the
 * handler is defined in the file and tests for exactly one state-changing verb.
 */
function verbOfHandler(reg: Registration, root: SgNode): string | null {
  const own = reg.handlers[reg.handlers.length - 1];
  if (!own) return null;
  const name = own.kind() === "identifier" ? own.text() : /^(selector_expression|member_expression)$/.test(String(own.kind())) ? /\.([\w$]+)$/.exec(own.text())?.[1] : undefined;
  const def = name ? definitionOf(root, name) : null;
  if (!def) return null;
  // Only a refusal of every other verb (`!=`): `if r.Method == http.MethodPost { 405 }` refuses the verb it names.
  const verbs = new Set([...def.text().matchAll(/\.[Mm]ethod\s*!==?\s*(?:http\.Method(Post|Put|Patch|Delete)\b|["'`](POST|PUT|PATCH|DELETE)["'`])/g)].map((m) => (m[1] ?? m[2]!).toUpperCase()));
  return verbs.size === 1 ? [...verbs][0]! : null;
}

export function unguardedRouteCheck(ctx: CheckContext): Hit[] {
  const top = ctx.node;
  const node = innermostRegistration(top);
  const found = registration(node);
  const reg = found && !found.verb ? { ...found, verb: verbOfHandler(found, node.getRoot().root()) } : found;
  if (!reg || !reg.verb || OPEN_BY_DESIGN.test(reg.path)) return [];
  const block = top.parent()?.parent();
  if (!block || top.parent()?.kind() !== "expression_statement") return [];
  const root = node.getRoot().root();
  const { guards, isGuard } = fileGuards(ctx);
  if (chainGuards(top, node, isGuard)) return [];
  // A read is open by default; one is reported only where the path says whom it serves (`/admin/export`) and
  // sits outside the guarded callback group of that prefix (below).
  if (!STATE_CHANGING.test(reg.verb)) return readOutsideGroup(ctx, reg, block, isGuard, guards);
  if (guarded(reg, isGuard)) return [];
  const opening = openingCheckMissed(ctx.file, block, top, reg, isGuard);
  if (opening) return [opening];
  // One report per defect: a guard of this file that nothing mounts is reported where it is defined (unwired-auth).
  const text = root.text().replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  if (guardMountedNowhere(guards, text)) return [];
  const router = rootOf(reg.receiver);
  const siblings = block.namedChildren()
    .map((st) => (st.kind() === "expression_statement" ? st.child(0) : null))
    .filter((c): c is SgNode => !!c && c.kind() === "call_expression" && c.id() !== node.id());
  // A router that mounts a guard for every route (`app.Use(Authorize)`) guards this one too, unless the path falls
  // under a group of that router given a guard the router lacks (`admin := app.Group("/admin"); admin.Use(RequireAdmin)`
  // beside `app.DELETE("/admin/clients/{id}", h)`): the route bypasses the group's stricter guard.
  const rootUses = siblings.filter((c) => new RegExp(`^${router.replace(/\$/g, "\\$")}\\.(Use|use)\\(`).test(c.text()) && mountsGuard(c, isGuard));
  const bypassed = rootUses.length ? stricterGroupAbove(block.text(), router, reg.path, rootUses.map((c) => c.text()).join("\n"), isGuard) : null;
  if (rootUses.length && !bypassed) return [];
  const looser = bypassed ? { group: router, stricter: bypassed.group, guard: bypassed.guard } : looserGroup(block.text(), reg.receiver, reg.path, isGuard);
  // A sibling guarded by its arguments or by its chain (`se.Router.POST(..).Bind(apis.RequireAuth())`).
  const guardedSibling = looser ? null : siblings.map((c) => { const inner = innermostRegistration(c); const s = registration(inner); return s && rootOf(s.receiver) === router && (guarded(s, isGuard) || chainGuards(c, inner, isGuard)) ? s : null; }).find((s) => !!s) ?? null;
  const group = looser || guardedSibling ? null : guardedGroupAbove(block.text(), router, reg.path, isGuard)
    ?? callbackGroups(blockStatements(block), router, "", false, isGuard).find((g) => g.guarded && reg.path.startsWith(`${g.prefix}/`))?.prefix ?? null;
  if (!looser && !guardedSibling && !group) return [];
  if (guardedSibling && !group && !looser) {
    const exception = guardedByException(ctx.file, block, siblings, top, router, isGuard);
    if (exception && !sharesCarriersAudience(reg.path, exception)) return [];
  }
  // echo's order (`r.GET(path, handler, middleware...)`), shown by the sibling's guard following its handler: what
  // this route hands after its handler is middleware of its own (`r.POST("/", gist.ProcessCreate, logged)`), a guard
  // of another file the floor cannot judge.
  if (guardedSibling && middlewareTrails(guardedSibling, isGuard) && reg.handlers.length >= 2) return [];
  const own = reg.handlers[reg.handlers.length - 1]!;
  // A method value (`h.clientLoginHandler`) names the file's method as a bare name names its function.
  const methodValue = /^(selector_expression|member_expression)$/.test(String(own.kind())) ? /\.([\w$]+)$/.exec(own.text())?.[1] : undefined;
  const ownDef = own.kind() === "identifier" ? definitionOf(root, own.text()) : methodValue ? definitionOf(root, methodValue) ?? own : own;
  if (ownDef && makesAccessDecision(ownDef.text())) return [];
  // A handler that only refuses (a 405 "use POST", a 404) has nothing behind it to guard (not-guard.ts).
  if (ownDef && refusesEveryone(ownDef)) return [];
  const hit: Hit = looser ? { region: regionOf(node), message: `${reg.verb} ${reg.path} is registered on the ${looser.group} group although its path falls under the ${looser.stricter} group, whose ${looser.guard} it does not go through` }
    : group ? { region: regionOf(node), message: `${reg.verb} ${reg.path} is registered on ${router} itself, outside the ${group} group whose prefix it shares and whose routes go through a guard` }
    : { region: regionOf(node), message: `${reg.verb} ${reg.path} is registered without the guard its sibling routes on ${router} go through (line ${guardedSibling!.call.range().start.line + 1})` };
  // A handler defined in another file may decide access itself, and so may middleware imported from another file
  // (`[validatedRequest, flexUserRoleValid([ROLES.admin])]`, `authorization.isPermitted("admin:api:create")`): a guard
  // by its shape, whatever its name. Asked across files (handler-decides.ts).
  const elsewhere = own.kind() === "identifier" ? (!ownDef ? own.text() : null) : methodValue && ownDef === own ? methodValue : null;
  const imported = middlewareNames(reg).filter((n) => !definitionOf(root, n));
  if (elsewhere || imported.length) {
    ctx.defer({ candidate: { name: elsewhere ?? "", file: ctx.file.path, line: node.range().start.line, referenceIgnores: [], language: ctx.rule.language, ...(imported.length ? { guards: imported } : {}) }, hit, keep: "unless-handler-decides" });
    return [];
  }
  return [hit];
}

const exceptionCache = new WeakMap<object, Map<string, string[] | null>>();
const openingCache = new WeakMap<object, Map<string, { check: string; count: number; total: number } | null>>();

/** The call a handler written in place opens with (`await authorize(req, licenseReadPermission)` -> authorize). */
function openingCall(handler: SgNode): string | null {
  if (!/^(arrow_function|function_expression|function)$/.test(String(handler.kind()))) return null;
  const body = handler.field("body" as never) as SgNode | null;
  const first = body?.namedChildren().find((c) => !/comment/.test(String(c.kind())));
  const m = first ? /^(?:(?:const|let|var)\s+[^=]+=\s*)?(?:await\s+)?([\w$.]+)\s*\(/.exec(first.text()) : null;
  return m ? m[1]!.replace(/^[\s\S]*\./, "") : null;
}

/**
 * Routes whose handlers are written in place and open with one check (`await authorize(req, permission)`): when three
 * or more of a router's registrations in the block, and more than half of those with handlers in place, open with the
 * same guard, a state-changing route whose handler never calls it answers whoever its weaker check lets in
 * (backstage's seat revocation asking only `httpAuth.credentials(req)` beside siblings that `authorize`). Asked once
 * per block.
 */
function openingCheckMissed(file: object, block: SgNode, top: SgNode, reg: Registration, isGuard: (name: string) => boolean): Hit | null {
  const own = reg.handlers[reg.handlers.length - 1];
  if (!own || !/^(arrow_function|function_expression|function)$/.test(String(own.kind()))) return null;
  let perFile = openingCache.get(file);
  if (!perFile) openingCache.set(file, (perFile = new Map()));
  const router = rootOf(reg.receiver);
  const key = `${block.id()}:${router}`;
  let convention = perFile.get(key);
  if (convention === undefined) {
    const regs = block.namedChildren()
      .map((st) => (st.kind() === "expression_statement" ? st.child(0) : null))
      .filter((c): c is SgNode => !!c && c.kind() === "call_expression")
      .map((c) => registration(innermostRegistration(c)))
      .filter((r): r is Registration => !!r && rootOf(r.receiver) === router && !OPEN_BY_DESIGN.test(r.path));
    const inPlace = regs.map((r) => openingCall(r.handlers[r.handlers.length - 1]!)).filter((c) => c !== null) as string[];
    const tally = new Map<string, number>();
    for (const c of inPlace) if (isGuard(c)) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [check, count] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    convention = count >= 3 && count * 2 > inPlace.length ? { check, count, total: inPlace.length } : null;
    perFile.set(key, convention);
  }
  if (!convention || new RegExp(`(?<![\\w$])${escapeRegExp(convention.check)}\\s*\\(`).test(own.text())) return null;
  // A handler that decides access itself, or only refuses, has its own answer.
  if (makesAccessDecision(own.text()) || refusesEveryone(own)) return null;
  const siblingHandlers = convention.total - (openingCall(own) !== null ? 1 : 0);
  return { region: regionOf(innermostRegistration(top)), message: `${reg.verb} ${reg.path} is registered on ${router} with a handler that never calls ${convention.check}, which ${convention.count} of its ${siblingHandlers} sibling handlers written in place open with` };
}

/** Is the guarded sibling's guard the exception among this router's writes (guard-shape.ts guardIsTheException)? Asked once per block and router. */
function guardedByException(file: object, block: SgNode, siblings: SgNode[], top: SgNode, router: string, isGuard: (name: string) => boolean): string[] | null {
  let perFile = exceptionCache.get(file);
  if (!perFile) exceptionCache.set(file, (perFile = new Map()));
  const key = `${block.id()}:${router}`;
  const known = perFile.get(key);
  if (known !== undefined) return known;
  // The router's state-changing registrations, each once (the route asked about is among the block's statements).
  const calls = [top, ...siblings.filter((c) => c.id() !== top.id())];
  const regs = calls.flatMap((c) => {
    const inner = innermostRegistration(c);
    const r = registration(inner);
    return r && rootOf(r.receiver) === router && !!r.verb && STATE_CHANGING.test(r.verb) ? [{ path: r.path, guarded: guarded(r, isGuard) || chainGuards(c, inner, isGuard) }] : [];
  });
  const carriers = regs.filter((r) => r.guarded).map((r) => r.path);
  // The guarded writes' paths when the guard is the exception (the route then shares their audience or not), else null.
  const answer = guardIsTheException(carriers.length, regs.length) ? carriers : null;
  perFile.set(key, answer);
  return answer;
}

/**
 * A read route registered on the router itself whose path falls under a callback group that a guard reaches,
 * where that group's own prefix names whom it serves (`/api/v1/admin` + `/export`, beside
 * `r.WithGroup("/admin", func(g) { g = g.Use(requireAdmin) .. })`): meant for the group, served to anyone.
 */
function readOutsideGroup(ctx: CheckContext, reg: Registration, block: SgNode, isGuard: (name: string) => boolean, guards: ReadonlySet<string>): Hit[] {
  const router = rootOf(reg.receiver);
  if (guarded(reg, isGuard)) return [];
  const under = callbackGroups(blockStatements(block), router, "", false, isGuard)
    .filter((g) => reg.path.startsWith(`${g.prefix}/`)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!under?.guarded || !namesSubject(under.prefix.replace(/^.*\//, ""))) return [];
  const text = ctx.node.getRoot().root().text().replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  if (guardMountedNowhere(guards, text)) return [];
  return [{ region: regionOf(ctx.node), message: `${reg.verb} ${reg.path} is registered on ${router} itself, outside the guarded ${under.prefix} group whose prefix it shares` }];
}
