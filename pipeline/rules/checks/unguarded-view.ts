// unwired-auth on decorator-registered routes (Flask, FastAPI, Starlette, Quart, Sanic...): a state-changing
// view registered on a router whose sibling views carry a guard (a decorator, a route dependency, an
// injected caller) registered without one.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { fileGuards, guardMountedNowhere, makesAccessDecision, namedAsCheck, namesSubject, readsOnly, SCOPED_TO_CALLER, SUBJECT } from "./guard-shape";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

const VERB_METHOD = /^(post|put|patch|delete)$/i;
/** `@bp.route("/x", methods=["POST"])`, `@router.api_route(..)`, `@app.websocket(..)` registers by a table of methods. */
const TABLE_METHOD = /^(route|api_route|add_route)$/;

interface View { def: SgNode; receiver: string; verb: string | null; path: string; route: SgNode; others: SgNode[] }

/** The view a decorated definition registers: its route decorator's receiver, verb and path, and its other decorators. */
export function viewOf(decorated: SgNode): View | null {
  const decorators = decorated.children().filter((c) => c.kind() === "decorator");
  for (const d of decorators) {
    // DRF function views: `@api_view(["POST"])`, the methods table is the registration.
    const table = /^@(api_view)\s*\(\s*(?:http_method_names\s*=\s*)?[[(]([^\])]*)/.exec(d.text());
    const def0 = decorated.field("definition" as never) as SgNode | null;
    if (table && def0) return { def: def0, receiver: table[1]!, verb: table[2]!.match(/POST|PUT|PATCH|DELETE/i)?.[0]?.toUpperCase() ?? "GET", path: "", route: d, others: decorators.filter((o) => o.id() !== d.id()) };
    const m = /^@([\w.]+)\.(\w+)\s*\(\s*(?:path\s*=\s*)?[rfbu]?["']([^"']*)["']/.exec(d.text());
    if (!m || !(VERB_METHOD.test(m[2]!) || TABLE_METHOD.test(m[2]!) || /^(get|head|options)$/i.test(m[2]!))) continue;
    let verb: string | null = m[2]!.toUpperCase();
    if (TABLE_METHOD.test(m[2]!)) verb = /methods\s*=\s*[[(]([^\])]*)[\])]/.exec(d.text())?.[1]?.match(/POST|PUT|PATCH|DELETE/i)?.[0]?.toUpperCase() ?? "GET";
    const def = decorated.field("definition" as never) as SgNode | null;
    if (!def) return null;
    return { def, receiver: m[1]!, verb, path: m[3]!, route: d, others: decorators.filter((o) => o.id() !== d.id()) };
  }
  return null;
}

/** The name a decorator or a dependency calls (`login_required`, `auth.login_required` -> `login_required`). */
const calleeOf = (text: string) => /^@?([\w.]+)/.exec(text)?.[1]?.replace(/^.*\./, "") ?? "";

/** A keyword of a route's registration that requires something of the caller (`requires=token_auth`, `roles=[..]`), not one that waives it. */
const ROUTE_GUARD_KEYWORD = /[(,]\s*(requires|auth|authentication|authorization|permission_classes|permissions?|roles?|guards?|security|policy)\s*=\s*(?!None\b|False\b|\[\s*\]|\(\s*\)|\{\s*\})[^,)\s]/;

/**
 * Does the view carry a guard? A decorator that is one (a guard of this file, a name of the guard
 * vocabulary, a name that says who is asking: `login_required`, `jwt_required`, `user_passes_test`, or a
 * requirement naming one: `requires("authenticated")`), a dependency of its route (`dependencies=[Depends(g)]`),
 * or a parameter the framework injects from a guard or from who is asking (`user = Depends(current_user)`,
 * `Security(...)`, an annotation a guard factory answers: `user: require_scopes(..)`).
 */
function carriesGuard(view: View, isGuard: (name: string) => boolean): boolean {
  const guardName = (name: string) => isGuard(name) || SUBJECT.test(name);
  if (view.others.some((d) => guardName(calleeOf(d.text())) || (/requir|permi|allow/i.test(calleeOf(d.text())) && SUBJECT.test(d.text())))) return true;
  // ... or a keyword of the route's own registration (Hug's `@hug.get("/", requires=token_auth)`).
  if (ROUTE_GUARD_KEYWORD.test(view.route.text())) return true;
  const params = (view.def.field("parameters" as never) as SgNode | null)?.text() ?? "";
  // A parameter annotated with what a guard factory answers (papermerge's `cur_user: require_scopes(scopes.USER_DELETE)`,
  // an `Annotated[User, Security(..)]` the factory builds): FastAPI resolves the annotation's dependency.
  if ([...params.matchAll(/:\s*([\w.]+)\s*\(/g)].some(([, name]) => guardName(calleeOf(name!)))) return true;
  const injected = [...`${view.route.text()} ${params}`.matchAll(/\b(Depends|Security)\s*\(\s*(?:dependency\s*=\s*)?([\w.]*)/g)];
  // `current_member`, `get_current_account`: the dependency answers who makes the current request; one
  // named as a check (`Depends(check_account_id_exists)`: namedAsCheck) refuses before the view runs.
  return injected.some(([, kind, name]) => kind === "Security" || guardName(calleeOf(name ?? "")) || /(^|_)current(_|$)/i.test(calleeOf(name ?? "")) || namedAsCheck(calleeOf(name ?? "")));
}

/** Python source with its `#` comments removed: a hook or a router named in a comment mounts nothing. */
export const pythonCode = (text: string): string => text.replace(/(^|\s)#[^\n]*/g, "");

/**
 * The router guards every view itself: `bp.before_request(..)`, `APIRouter(dependencies=[..])`,
 * `include_router(r, dependencies=..)`, or a Flask `@bp.url_value_preprocessor` (run before every view of the
 * blueprint) whose function decides access (ihatemoney's `pull_project`: the session's project or a redirect to
 * the authentication form). `strict`: a `before_request` hook counts only when it is a guard itself (named for
 * who is asking, decorated by such a guard, or deciding access in its body); a hook that tags or times
 * requests (`@app.before_request() def tag_request(..)`) guards nothing.
 */
export function routerGuarded(receiver: string, text: string, strict = false): boolean {
  const r = receiver.replace(/\./g, "\\.");
  if (new RegExp(`(?<![\\w.])${r}\\s*=\\s*\\w*Router\\([^)]*dependencies\\s*=|include_router\\(\\s*${r}\\b[^)]*dependencies\\s*=`).test(text)) return true;
  const hook = (kind: string) => new RegExp(`^@${r}\\.${kind}\\b[^\\n]*\\n((?:@[^\\n]*\\n)*)def\\s+(\\w+)[^\\n]*\\n((?:[ \\t]+[^\\n]*\\n|\\s*\\n)*)`, "gm");
  // A check of who is asking, called in the hook (`r = verify_auth_token(auth_token, ["user", "admin"])`).
  const checksCaller = (body: string) => [...body.matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g)].some((c) => /^_?(verify|check|require|ensure|authenticat|authori[sz])/i.test(c[1]!) && namesSubject(c[1]!));
  const deciding = (decorators: string, name: string, body: string) =>
    namesSubject(name) || [...decorators.matchAll(/@([\w.]+)/g)].some((d) => namesSubject(d[1]!.replace(/^.*\./, ""))) || makesAccessDecision(body) || checksCaller(body);
  if (new RegExp(`${r}\\.before_(app_)?request\\b`).test(text)) {
    if (!strict) return true;
    for (const m of text.matchAll(hook("before_(?:app_)?request"))) if (deciding(m[1]!, m[2]!, m[3]!)) return true;
    // `bp.before_request(require_admin)`: the function handed over, by its name or its body.
    for (const m of text.matchAll(new RegExp(`(?<![\\w.])${r}\\.before_(?:app_)?request\\(\\s*([\\w.]+)\\s*\\)`, "g"))) {
      const fn = m[1]!.replace(/^.*\./, "");
      const def = new RegExp(`^def\\s+${fn}\\b[^\\n]*\\n((?:[ \\t]+[^\\n]*\\n|\\s*\\n)*)`, "m").exec(text);
      if (deciding("", fn, def?.[1] ?? "")) return true;
    }
  }
  for (const m of text.matchAll(hook("url_value_preprocessor"))) if (deciding(m[1]!, "", m[3]!)) return true;
  return false;
}

/**
 * Reported: a POST/PUT/PATCH/DELETE view (by its decorator's method or its `methods=[..]` table) without a
 * guard, on a router (the decorator's receiver) where a sibling view of the same block carries one. Not
 * reported: routers that guard every view themselves, routes open by design (authentication's own entry
 * points, webhooks, probes), a view whose body decides access itself, and a file whose own guard is applied
 * nowhere (reported once, at the guard, by py-unwired-auth).
 */
export function unguardedViewCheck(ctx: CheckContext): Hit[] {
  const { node } = ctx;
  const view = viewOf(node);
  if (!view || !view.verb || OPEN_BY_DESIGN.test(view.path)) return [];
  if (!VERB_METHOD.test(view.verb)) return readUnderGuardedPrefix(ctx, view);
  // The view's own name can say it is an entry point of authentication (`def login()` mounted at "/").
  const name = (view.def.field("name" as never) as SgNode | null)?.text() ?? "";
  if (OPEN_BY_DESIGN.test(name)) return [];
  // A POST that only reads (yeti's search endpoints take their query as a body): the rule is about state-changing
  // views; an open read is judged as GET views are. So is a view whose queries are scoped to who is asking.
  const body = pythonCode(view.def.text());
  if ((view.verb === "POST" && readsOnly(name, body)) || SCOPED_TO_CALLER.test(body)) return [];
  const root = node.getRoot().root();
  const { guards, isGuard } = fileGuards(ctx);
  // Opened on purpose (`@permission_classes([AllowAny])`) is a decision, not a missing guard.
  const opened = (v: View) => v.others.some((d) => /\bAllowAny\b/.test(d.text()));
  if (opened(view) || carriesGuard(view, isGuard) || makesAccessDecision(view.def.text())) return [];
  const text = pythonCode(root.text());
  if (routerGuarded(view.receiver, text)) return [];
  if (guardMountedNowhere(guards, text)) return [];
  const sibling = (node.parent()?.children() ?? [])
    .filter((c) => c.kind() === "decorated_definition" && c.id() !== node.id())
    .map(viewOf).find((v) => v && v.receiver === view.receiver && !opened(v) && carriesGuard(v, isGuard));
  if (!sibling) return [];
  const hit = { region: regionOf(view.route), message: `${view.verb} ${view.path} is registered on ${view.receiver} without the guard its sibling views carry (line ${sibling.route.range().start.line + 1})` };
  // A blueprint is often hooked where the app is assembled (`from .token import token_blueprint` then
  // `@token_blueprint.before_request`): asked of every walked file after the scan (router-hooks.ts).
  if (/^\w+$/.test(view.receiver)) {
    ctx.defer({ candidate: { name: view.receiver, file: ctx.file.path, line: view.route.range().start.line, referenceIgnores: [], language: "python" }, hit, keep: "unless-router-hooked" });
    return [];
  }
  return [hit];
}

/** A path segment naming a privileged audience (not `/user/<name>`, a public profile beside a user's own settings). */
export const PRIVILEGED_SEGMENT = /^(admin\w*|staff|internal|ops|manage|management|moderat\w*|superuser|root|backoffice|sudo)$/i;

/**
 * A read is open by default; one is reported where its path's first segment says whom it serves (`/admin/feedback/
 * export`) and every other view of its router under that segment, two or more, carries a guard: the read was meant
 * for them and serves anyone.
 */
function readUnderGuardedPrefix(ctx: CheckContext, view: View): Hit[] {
  const segment = /^\/([^/{<]+)\//.exec(view.path)?.[1];
  if (!segment || !PRIVILEGED_SEGMENT.test(segment)) return [];
  const { isGuard } = fileGuards(ctx);
  if (carriesGuard(view, isGuard) || makesAccessDecision(view.def.text())) return [];
  const under = (ctx.node.parent()?.children() ?? [])
    .filter((c) => c.kind() === "decorated_definition" && c.id() !== ctx.node.id())
    .map(viewOf).filter((v): v is View => !!v && v.receiver === view.receiver && (v.path === `/${segment}` || v.path.startsWith(`/${segment}/`)));
  if (under.length >= 2 && under.every((v) => carriesGuard(v, isGuard))) {
    return [{ region: regionOf(view.route), message: `${view.verb} ${view.path} is registered on ${view.receiver} under /${segment}, where its ${under.length} sibling views carry a guard and it carries none` }];
  }
  // ... or where the file mounts a router of its own at that prefix (`app.include_router(admin.router, prefix="/admin")`
  // beside `@app.get("/admin/exports/<id>/download")`): the route shares the group's prefix and skips whatever the
  // group's router runs for each of its routes.
  const mounted = new RegExp(String.raw`\.include_router\(\s*([\w.]+)\s*,[^)]*\bprefix\s*=\s*["']/${segment}["']`).exec(pythonCode(ctx.node.getRoot().root().text()));
  if (mounted && mounted[1] !== view.receiver) {
    return [{ region: regionOf(view.route), message: `${view.verb} ${view.path} is registered on ${view.receiver} itself, outside ${mounted[1]}, which the file mounts at /${segment} for the routes of that audience` }];
  }
  return [];
}
