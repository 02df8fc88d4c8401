// An auth guard known by its shape: a middleware signature (or a factory/decorator making one) whose
// body makes an access decision (reads who is asking, and can answer 401/403).
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { blockStatements, pyBases, pyOwner } from "../syntax";
import { boundGuards } from "./bound-guard";
import { errorFactory, loaderMounted, statusQuery } from "./not-guard";

/** Who is asking: credentials, sessions, users, roles. */
export const SUBJECT = /authori[sz]|authent|(?<![a-z])auth(?![a-z])|token|session|(?<![a-z])user(?![a-z])|(?<![a-z])role|admin|permission|api[_-]?key|jwt|bearer|credential|login|logged|is_staff|is_superuser|(?<![a-z])owner|scope|principal|identity/i;
/**
 * A guard that a router's state-changing registrations take one time in four or less, among eight or more, is the
 * requirement of the few routes that carry it (grist's API writes, three of them behind `requireInstallAdmin`), not the
 * router's convention (reads never count: a guard on the one write among public reads is the writes' convention):
 * a route without it deviates from nothing. Access there is decided elsewhere (an app-wide middleware, the data layer
 * handed who is asking), which a small router's one guarded sibling does not suggest.
 */
export const guardIsTheException = (carrying: number, total: number): boolean => total >= 8 && carrying * 4 <= total;

/**
 * A registration name's or path's first segment, past an API root and a path's parameters (`/api/v1/admin/x` → admin,
 * `/:sharing-id/recipients` → recipients, `admin:reset-queue` → admin): a parameter names which record, not whom.
 */
const firstSegment = (name: string): string =>
  (name.startsWith("/") ? name.split("/").filter((s) => !/^[:{<*]/.test(s)) : name.split(/[/:.]/)).filter((s) => s && !/^(api|v\d+)$/i.test(s))[0]?.toLowerCase() ?? "";

/**
 * ... unless the guard's carriers all serve one audience the registration's name shares (`admin:list-agents` and
 * `admin:set-agent-role` carry `{ role: "admin" }`, `admin:reset-queue` does not): there the guard is that audience's
 * convention, however few of the router's routes it is.
 */
export function sharesCarriersAudience(name: string, carriers: readonly string[]): boolean {
  const own = firstSegment(name);
  return carriers.length >= 2 && !!own && carriers.every((c) => firstSegment(c) === own);
}
/**
 * A dependency named as a check (`Depends(check_account_id_exists)`, `Depends(require_base_invoice_key)`) runs before
 * the view and refuses by raising: FastAPI's way of mounting a guard, whatever the check is about.
 */
export const namedAsCheck = (name: string): boolean => /^_?(check|require|verify|ensure|enforce|authori[sz]e|authenticate|protect|must)_\w/i.test(name)
  // ... about the caller, not the request's rate, size, shape or replay (`check_rate_limit`, `ensure_idempotency_key`)
  && !/(rate|limit|throttle|quota|idempot|feature|flag|maintenance|version|content|size|length|format|schema|valid|payload|body)/i.test(name);
/** Parameters the framework fills from such a check (`account_id: AccountId = Depends(check_account_id_exists)`). */
export const injectsCheck = (params: string): boolean => [...params.matchAll(/\b(?:Depends|Security)\s*\(\s*(?:dependency\s*=\s*)?([\w.]+)/g)].some((m) => namedAsCheck(m[1]!.replace(/^[\s\S]*\./, "")));
/** Does a name say who is asking, read word by word (`withAuth`, `requireUser`, `auth_required`)? */
export const namesSubject = (name: string): boolean => SUBJECT.test(name.replace(/([a-z0-9])([A-Z])/g, "$1_$2"));
/**
 * The parameter list without the names of ids (`user_id: int`, `ownerId`): an id names whom the call acts on,
 * not who is asking; its type or default (`= Depends(current_user)`) is kept.
 */
export const callerParameters = (list: string) => list.replace(/(^|[(,]\s*)[*&]*\w*?(_id|_ids|Id|Ids|ID)\b/g, "$1");

/** Refusal: 401/403 in the vocabulary of each framework, or a redirect to a login (sign-in, authentication) page. */
export const REFUSAL = /\b40[13]\b|unauthori[sz]ed|unauthenticated|forbidden|permission_?denied|PermissionDenied|NotAuthenticated|AuthenticationFailed|StatusUnauthorized|StatusForbidden|UNAUTHORIZED|FORBIDDEN|ErrUnauthorized|ErrForbidden|redirect\w*\([^)]*(login|sign_?in|authenticat)|login_url|login_required|access\s*denied/i;

/**
 * Does the code read who is asking and refuse on some path? A DRF-style permission class decides by
 * what `has_permission`/`has_object_permission` return: that is its refusal.
 */
export function makesAccessDecision(text: string): boolean {
  if (/\bdef\s+has_(object_)?permission\s*\(/.test(text)) return true;
  if (!REFUSAL.test(text) || !SUBJECT.test(text)) return false;
  // A decision is code: a comment saying a route is "unauthenticated" decides nothing.
  const code = withoutComments(text);
  return REFUSAL.test(code) && SUBJECT.test(code);
}

/** A handler named for reading, searching, exporting or checking what it is sent (`search`, `get_multiple`, `exportRows`). */
const READ_NAME = /^_?(search|get|list|find|fetch|query|lookup|look_up|export|to_archive|validate|match|count|preview|render|download|describe|show|read|retrieve|filter|compute|calculate|estimate|evaluate|simulate|dry_run)(_|$)/i;
/** A write in a handler body: a model or session save, delete, create or update, an insert, a commit, a message sent, a SQL write. */
const WRITES = /\.(save|delete|remove|create|update|insert|commit|add|put|set|write|patch|upsert|destroy|bulk_\w+|\w+_or_create)\w*\s*\(|(?:^|[\s.(])(send\w*|\w*_?mail\w*|publish\w*|notify\w*|enqueue\w*|emit)\s*\(|["'`\s(](UPDATE|INSERT\s+INTO|DELETE\s+FROM|MERGE\s+INTO)\b/;

/**
 * A handler that only reads: its name says it reads, searches, exports or checks (camel case read word by word), and
 * its body makes no write. Search endpoints take their query as a POST body; the verb alone does not make them writes.
 */
export function readsOnly(name: string, body: string): boolean {
  if (!READ_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase())) return false;
  // A collection the body makes for itself (`const seen = new Map()`, `results = {}`) is its scratch space: filling it writes nothing.
  let code = withoutComments(body);
  for (const m of code.matchAll(/(?:\b(?:const|let|var)\s+)?\b([A-Za-z_$][\w$]*)\s*(?::\s*[^=\n]+)?=\s*(?:new\s+(?:Map|Set|WeakMap|WeakSet)\b|\{\s*\}|\[\s*\]|dict\(\s*\)|set\(\s*\)|defaultdict\()/g)) {
    code = code.replace(new RegExp(`(?<![\\w$.])${m[1]!.replace(/\$/g, "\\$")}\\.(set|add|put|update|insert)\\s*\\(`, "g"), `${m[1]}.fill(`);
  }
  return !WRITES.test(code);
}

/**
 * A query handed who is asking as a keyword (`DFIQBase.filter(.., user=httpreq.state.user)`, `.filter(owner=request.user)`):
 * the query is scoped to the caller, an access decision of its own. A log or audit call handed the actor is no scope.
 */
export const SCOPED_TO_CALLER = /\.(filter|filter_by|where|get|get_or_404|first_or_404|find\w*|search\w*|list\w*|query|select|exclude|all|count|export\w*)\s*\([^()]*[(,]\s*\w*(user|owner|account|principal|caller|actor|requester|viewer)\w*\s*=\s*(?!=)[\w.]*\b(state\.user|request\.user|current_user|g\.user)\b/;

/** Code that refuses by itself: a condition and a 401/403 answer of its own (a webhook rejecting a bad signature). */
export function refusesItself(text: string): boolean {
  const code = withoutComments(text);
  return /\b(if|match|unless)\b/.test(code) && REFUSAL.test(code);
}

/** Line and block comments of every rule language (`//`, `/* *\/`, `#` but not Rust's `#[..]`), URLs kept. */
export const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|(^|[ \t])(\/\/|#(?![[!]))[^\n]*/gm, "$1");

/**
 * A Rust request guard: a type whose extractor impl (Rocket/actix `FromRequest`, axum `FromRequestParts`)
 * reads who is asking and refuses. A handler mounts it by taking the type as a parameter, so a guard type
 * no handler names protects nothing.
 */
export function requestGuardType(def: SgNode, lang: RuleLanguage): boolean {
  if (lang !== "rust" || !/^(struct_item|enum_item)$/.test(String(def.kind()))) return false;
  const name = (def.field("name" as never) as SgNode | null)?.text();
  return !!name && guardingImpl(def.getRoot().root(), name, new Set());
}

const bareType = (t: string) => t.replace(/<[\s\S]*$/, "").replace(/^.*::/, "").trim();

/**
 * Does the type implement a request-handling trait in a way that refuses? An extractor (`FromRequest(Parts)`)
 * or a tower/hyper `Service` whose impl reads who is asking and answers 401/403 is the guard itself; a tower
 * `Layer` is one when the service it makes (`type Service = AdminAuth<S>`) is. A `ServiceBuilder` mounts the
 * layer by naming it, so a guarding layer nothing names guards nothing.
 */
function guardingImpl(root: SgNode, name: string, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  return root.findAll({ rule: { kind: "impl_item" } }).some((impl) => {
    if (bareType((impl.field("type" as never) as SgNode | null)?.text() ?? "") !== name) return false;
    const trait = bareType((impl.field("trait" as never) as SgNode | null)?.text() ?? "");
    if (/^(FromRequest|FromRequestParts|Service)$/.test(trait)) return makesAccessDecision(impl.text());
    const made = trait === "Layer" ? /\btype\s+Service\s*=\s*([\w:]+)/.exec(impl.text())?.[1] : undefined;
    return !!made && guardingImpl(root, bareType(made), seen);
  });
}

/**
 * A doc comment that states an access rule: who alone may act, or what is refused unless a condition
 * holds ("Only the owner may delete", "refuses to run unless a ticket is referenced"). A comment is a
 * claim: a function documented as a gate that nothing calls gates nothing.
 */
const ACCESS_RULE = /\bonly\b[^.;,\n]{0,60}\b(may|can|is allowed|are allowed)\b|\b(refuses?|rejects?|denies|forbids?)\b[^.;\n]{0,60}\bunless\b|\b(may|must|can) not\b[^.;\n]{0,60}\bunless\b/i;

/** A definition's documentation: the comment lines right above it (attributes, decorators skipped) and a Python docstring. */
export function documentation(def: SgNode, lines: readonly string[]): string {
  const out: string[] = [];
  const line = def.range().start.line;
  for (let i = line - 1; i >= 0 && i >= line - 8; i--) {
    const l = lines[i]!.trim();
    if (/^#\[|^@/.test(l)) continue;
    if (!/^(\/\/|\/\*|\*|#(?!\[))/.test(l)) break;
    out.unshift(l.replace(/^(\/\/+!?|\/\*+|\*\/?|#)\s?/, ""));
  }
  const docstring = /:\s*\n\s*[rRuU]?("""|''')([\s\S]*?)\1/.exec(def.text())?.[2] ?? "";
  return [...out, docstring].join(" ");
}

export function statesAccessRule(doc: string): boolean {
  return ACCESS_RULE.test(doc);
}

/** The parameter texts of a function node (comments left out). */
export function params(fn: SgNode): string[] {
  const list = fn.field("parameters" as never) as SgNode | null;
  if (list) return list.namedChildren().filter((p) => !/comment/.test(String(p.kind()))).map((p) => p.text());
  const one = fn.field("parameter" as never) as SgNode | null;
  return one ? [one.text()] : [];
}

const FUNCTION = /^(function_declaration|function_expression|arrow_function|generator_function_declaration|method_definition|function_definition|function_item|method_declaration|func_literal|function)$/;

/** Functions defined in a node (itself included), for factories that return a middleware. */
function functionsIn(node: SgNode): SgNode[] {
  const out = FUNCTION.test(String(node.kind())) ? [node] : [];
  for (const k of ["arrow_function", "function_expression", "function", "method_definition", "function_definition", "func_literal", "closure_expression"]) {
    try { out.push(...node.findAll({ rule: { kind: k } })); } catch { /* kind absent from this grammar */ }
  }
  return out;
}

/** `(req, res, next)`, `(ctx, next)`, `(c, next)`, `(req: Request, res: Response, next: NextFunction)`. */
function tsMiddleware(fn: SgNode): boolean {
  const ps = params(fn).map((p) => p.replace(/[:=].*$/s, "").trim());
  // `next` continues the chain; fastify hooks call `done` after (request, reply).
  if (ps.length === 3 && (/^next$/.test(ps[2]!) || (/^done$/.test(ps[2]!) && /^req(uest)?$/.test(ps[0]!)))) return true;
  if (ps.length === 2 && /^next$/.test(ps[1]!)) return true;
  // tRPC-style: the continuation arrives in one destructured options object (`({ ctx, next }) => ...`).
  if (ps.length === 1 && /^\{[^{}]*(?<![\w$])next(?![\w$])[^{}]*\}$/s.test(ps[0]!)) return true;
  return params(fn).some((p) => /:\s*(NextFunction|Next|MiddlewareHandler|ExecutionContext)\b/.test(p));
}

/**
 * A handler wrapper: one parameter (the handler) and a function defined inside that calls it
 * (`(handler) => async (req, res) => { ...; return handler(req, res) }`): JS's decorator.
 */
function tsWrapper(fn: SgNode): boolean {
  const ps = params(fn).map((p) => p.replace(/[:=].*$/s, "").trim());
  if (ps.length !== 1 || !/^[A-Za-z_$][\w$]*$/.test(ps[0]!)) return false;
  const body = fn.field("body" as never) as SgNode | null;
  if (!body || !/function|=>/.test(body.text())) return false;
  const call = new RegExp(`(?<![\\w$.])${ps[0]!.replace(/\$/g, "\\$")}\\s*(\\.\\s*(call|apply)\\s*)?\\(`);
  return functionsIn(body).some((inner) => inner !== fn && call.test(inner.text()));
}

/** A FastAPI dependency: a parameter the framework injects (`Depends(...)`, `Security(...)`, `Header(...)`). */
function pyDependency(fn: SgNode): boolean {
  return /\b(Depends|Security|Header|Cookie)\s*\(/.test((fn.field("parameters" as never) as SgNode | null)?.text() ?? "");
}

/** A decorator: takes the view/function and returns a wrapper defined inside it. */
function pyDecorator(fn: SgNode): boolean {
  const ps = params(fn);
  if (ps.length !== 1) return false;
  const body = (fn.field("body" as never) as SgNode | null)?.text() ?? "";
  return /^\s*(@[\s\S]*?)?(async\s+)?def\s+\w+/m.test(body) && /\breturn\s+\w+\s*$/m.test(body);
}

/**
 * Python middleware by its data flow: it takes the request and the rest of the chain, and hands the request
 * on (`await handler(request)`, Starlette's `call_next(request)`, aiohttp's and BlackSheep's `(request,
 * handler)`). Whatever the framework calls the continuation, calling one parameter with another is the chain.
 */
function pyMiddleware(fn: SgNode): boolean {
  const ps = params(fn).map((p) => /^\**([A-Za-z_]\w*)/.exec(p)?.[1] ?? "").filter((p) => p && !/^(self|cls)$/.test(p));
  if (ps.length !== 2) return false;
  const body = (fn.field("body" as never) as SgNode | null)?.text() ?? "";
  return new RegExp(`(?<![\\w.])${ps[1]}\\s*\\(\\s*${ps[0]}\\b`).test(body);
}

/** A Go signature that a router or a middleware chain imposes (net/http, gin, echo, fiber, gRPC). */
export const GO_HANDLER_SIGNATURE = /\bhttp\.Handler(Func)?\b|\*gin\.Context\b|gin\.HandlerFunc\b|echo\.(Context|HandlerFunc|MiddlewareFunc)\b|fiber\.(Ctx|Handler)\b|http\.ResponseWriter|grpc\.(Unary|Stream)(Server|Client)?(Interceptor|Handler)\b/;

/** The function's own parameter list is a framework's middleware/handler signature (not a nested one's). */
export function hasMiddlewareSignature(fn: SgNode, lang: RuleLanguage): boolean {
  if (lang === "typescript") return tsMiddleware(fn);
  if (lang === "go") {
    const text = fn.text();
    const sig = text.slice(0, text.indexOf("{") + 1);
    if (!GO_HANDLER_SIGNATURE.test(sig)) return false;
    // Only the result a handler's type (`func installHandler(appType consts.AppType) echo.HandlerFunc`): a factory
    // of handlers, unless what it builds continues or stops a chain (gin's `func AuthRequired() gin.HandlerFunc`
    // whose product calls `c.AbortWithStatus`/`c.Next()`) or its result is middleware by type.
    const result = ((fn.field("result" as never) as SgNode | null)?.text() ?? "");
    const paramsText = sig.slice(0, result ? sig.lastIndexOf(result) : sig.length);
    return GO_HANDLER_SIGNATURE.test(paramsText) || /MiddlewareFunc\b|Interceptor\b|func\s*\(\s*\w*\s*http\.Handler\s*\)/.test(result) || CONTINUES_CHAIN.test(text.slice(sig.length));
  }
  if (lang === "rust") return params(fn).some((p) => /:\s*Next\b|Next<|:\s*ServiceRequest\b/.test(p))
  return false;
}

/**
 * A wrapper by its signature: one parameter, and the function answers the kind of thing it was given
 * (`fn guard<E: Endpoint>(ep: E) -> impl Endpoint`, `fn wrap(s: BoxService) -> BoxService`, Go's
 * `func(next Handler) Handler`). Whatever the framework calls a handler, this is how a decorator of one
 * is typed; the access decision is asked of the body separately.
 */
export function sameTypeWrapper(fn: SgNode, lang: RuleLanguage): boolean {
  const ps = params(fn).filter((p) => !/^&?(mut\s+)?self$/.test(p.trim()));
  const ret = ((fn.field((lang === "go" ? "result" : "return_type") as never) as SgNode | null)?.text() ?? "").trim();
  if (ps.length !== 1 || !ret) return false;
  const type = (lang === "go" ? ps[0]!.replace(/^\s*\w+\s+/, "") : ps[0]!.replace(/^[^:]*:\s*/, "")).trim();
  if (!type || /^(&|\*)?(str|String|string|bool|u\d+|i\d+|usize|isize|int\d*|\[\]byte|error|Request|Response)$/.test(type)) return false;
  if (type === ret) return true;
  if (lang !== "rust") return false;
  // `<E: Endpoint>` / `where E: Endpoint` bound on the parameter's generic type, answered as `impl Endpoint`.
  const bound = new RegExp(`[<,\\s]${type.replace(/[^\w]/g, "")}\\s*:\\s*([\\w:]+)`).exec(fn.text().slice(0, fn.text().indexOf("{") + 1))?.[1];
  const traitOf = (t: string) => t.replace(/<[\s\S]*$/, "").replace(/^.*::/, "");
  return !!bound && /^impl\s/.test(ret) && traitOf(ret.replace(/^impl\s+/, "")) === traitOf(bound);
}

/**
 * A handler handed the chain's control (salvo's `ctrl: &mut FlowCtrl`): it can stop the rest of the chain
 * (`ctrl.skip_rest()`), which is what a hoop is for; like a `Next` parameter, the continuation makes it
 * middleware. Used for candidates only: the ignored-parameter exemptions keep hasMiddlewareSignature.
 */
function flowControlled(fn: SgNode, lang: RuleLanguage): boolean {
  return lang === "rust" && params(fn).some((p) => /:\s*&\s*mut\s+FlowCtrl\b/.test(p));
}

/** Per language: the declaration that binds a value, its name and value fields, and the call kind. */
const BINDINGS: Partial<Record<RuleLanguage, { kind: string; name: string; value: string; call: string }>> = {
  typescript: { kind: "variable_declarator", name: "name", value: "value", call: "call_expression" },
  python: { kind: "assignment", name: "left", value: "right", call: "call" },
  rust: { kind: "let_declaration", name: "pattern", value: "value", call: "call_expression" },
  go: { kind: "var_spec", name: "name", value: "value", call: "call_expression" },
};

/**
 * A value composed from a guard: a binding whose initialiser is a call chain handing a same-file guard to a
 * builder (`const adminProcedure = base.use(isAdmin)`, `admin = APIRouter(dependencies=[Depends(require_admin)])`,
 * `let admin = Router::new().route(..).layer(from_fn(require_admin))`, Go's package-level `var adminChain =
 * alice.New(requireAdmin)`). It carries the guard's access decision; nothing referencing it means the guarded
 * variant was built and never mounted, while the routes use an unguarded one.
 */
export function composedGuard(node: SgNode, lang: RuleLanguage, key?: object): boolean {
  const b = BINDINGS[lang];
  if (!b || node.kind() !== b.kind) return false;
  const name = node.field(b.name as never) as SgNode | null;
  let value = node.field(b.value as never) as SgNode | null;
  if (value?.kind() === "expression_list") value = value.namedChildren()[0] ?? null;
  if (!name || !/^(identifier|mut_pattern)$/.test(String(name.kind())) || value?.kind() !== b.call) return false;
  // The guard handed to a builder (`base.use(isAdmin)`) or applied to a handler (`staff_only(export_view)`).
  const args = [value, ...value.findAll({ rule: { kind: b.call } })]
    .flatMap((c) => [c.field("function" as never) as SgNode | null, ...((c.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [])])
    .filter((a): a is SgNode => a?.kind() === "identifier").map((a) => a.text());
  if (!args.length) return false;
  const own = name.text().replace(/^mut\s+/, "");
  const guards = sameFileGuards(node.getRoot().root(), lang, key);
  return args.some((a) => a !== own && guards.has(a));
}

/** The rule's guard vocabulary (`names`: every regex must match), compiled; `(?i)` prefixes become the i flag. */
function guardVocabulary(names: readonly string[]): RegExp[] {
  return names.map((re) => new RegExp(re.replace(/^\(\?i\)/, ""), re.startsWith("(?i)") ? "i" : ""));
}

const vocabularyCache = new WeakMap<object, RegExp[]>();

/**
 * What every route-level unwired-auth check starts from: the file's guards by shape (asked once per file),
 * the rule's compiled vocabulary (compiled once per rule, not once per node) and the test joining them.
 */
export function fileGuards(ctx: { node: SgNode; params: Record<string, unknown>; rule: { language: RuleLanguage }; file: object }): { guards: Set<string>; names: RegExp[]; isGuard: (name: string) => boolean } {
  let names = vocabularyCache.get(ctx.params);
  if (!names) vocabularyCache.set(ctx.params, (names = guardVocabulary((ctx.params.names as string[] | undefined) ?? [])));
  const root = ctx.node.getRoot().root();
  const guards = sameFileGuards(root, ctx.rule.language, ctx.file);
  const direct = guardTest(guards, names);
  let perRule = boundCache.get(ctx.file);
  if (!perRule) boundCache.set(ctx.file, (perRule = new WeakMap()));
  let bound = perRule.get(ctx.params);
  // A local bound to a guard's product or wrapping a guard call is mounted in its place (bound-guard.ts);
  // there a callee stating a requirement of who is asking (`requireToken`) is a guard too.
  const [, verb = /(?!)/] = names;
  if (!bound) perRule.set(ctx.params, (bound = boundGuards(root, ctx.rule.language, (n) => direct(n) || (verb.test(n) && SUBJECT.test(n)))));
  const withBound = bound;
  return { guards, names, isGuard: (name) => direct(name) || withBound.has(name) };
}

const boundCache = new WeakMap<object, WeakMap<object, Set<string>>>();

/** Is this name a guard: one of the file's guards by shape, or a name of the rule's vocabulary? */
function guardTest(guards: ReadonlySet<string>, vocabulary: readonly RegExp[]): (name: string) => boolean {
  return (name) => guards.has(name) || (vocabulary.length > 0 && !HANDLER_NAME.test(name.replace(/^.*\./, "")) && vocabulary.every((re) => re.test(name)));
}

/**
 * A name that says it serves a request (`HandleCodeOwnersValidate`, `serveAdminPage`): a handler, whatever words
 * follow (`Owners` + `Validate` would read as a guard's vocabulary). A guard by its shape is still one.
 */
const HANDLER_NAME = /^(?:[Hh]andle|[Ss]erve)(?=[A-Z_]|$)/;

/**
 * One report per defect: a guard of the file that is named only where it is defined is mounted nowhere, and
 * unwired-auth reports it there; the routes it leaves open are the same defect. `text` is the file without comments.
 */
export function guardMountedNowhere(guards: ReadonlySet<string>, text: string): boolean {
  // A method is mounted through its receiver (`s.requireAdmin(h)`): `.name` is a use of it too.
  return [...guards].some((name) => (text.match(new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g"))?.length ?? 0) === 1);
}

const GUARD_KINDS = ["function_declaration", "method_declaration", "variable_declarator", "function_item", "function_definition"];
const guardCache = new WeakMap<object, Set<string>>();

/**
 * Names of the file's definitions that are guards by shape (an access decision in a middleware shape).
 * Asked once per file when `key` (the file's context) is given: the answer is the same for every node.
 */
export function sameFileGuards(root: SgNode, lang: RuleLanguage, key?: object): Set<string> {
  const cached = key && guardCache.get(key);
  if (cached) return cached;
  const out = new Set<string>();
  const text = root.text();
  if (REFUSAL.test(text) || /\bhas_(object_)?permission\b/.test(text)) {
    for (const kind of GUARD_KINDS) {
      try {
        for (const d of root.findAll({ rule: { kind } })) {
          const name = (d.field("name" as never) as SgNode | null)?.text();
          if (name && makesAccessDecision(d.text()) && isMiddlewareShaped(d, lang)) out.add(name);
        }
      } catch { /* kind absent from this grammar */ }
    }
  }
  if (key) guardCache.set(key, out);
  return out;
}

/** A chain continued or stopped: `next(..)`, `next.ServeHTTP(..)`, gin's `c.Next()` and `c.AbortWithStatus(..)`. */
const CONTINUES_CHAIN = /(?<![\w$])(next|Next)\s*[.(]|\.(Next|Abort\w*)\s*\(/;

/**
 * Shapes by framework. TS/JS: Express/Koa/Hono middleware, factories returning one, handler wrappers
 * (`(handler) => (req, res) => ...`), `canActivate` guards (NestJS). Python: decorators wrapping a view,
 * FastAPI dependencies (a `Depends`/`Security`/`Header` parameter), Django middleware (`__call__`,
 * `process_request`/`process_view`), DRF permissions (`has_permission`). Go: `func(http.Handler)
 * http.Handler`, gin/echo handlers and middleware, gRPC interceptors. Rust: axum/actix `from_fn` middleware (a `Next`
 * parameter), salvo hoops (a `FlowCtrl` parameter) and tower `Layer`s; request guards (`FromRequest(Parts)` impls that refuse) are candidates
 * through requestGuardType, wired by their use as a handler parameter type, which the reference check sees.
 */
export function isMiddlewareShaped(node: SgNode, lang: RuleLanguage): boolean {
  const text = node.text();
  if (lang === "typescript") {
    if (/\bcanActivate\s*\(/.test(text)) return true;
    return functionsIn(node).some((f) => tsMiddleware(f) || tsWrapper(f));
  }
  if (lang === "python") {
    if (node.kind() === "class_definition") return /\bdef\s+(__call__|process_request|process_view|has_permission|has_object_permission|authenticate)\s*\(/.test(text);
    return pyDecorator(node) || pyDependency(node) || pyMiddleware(node) || functionsIn(node).some((f) => f !== node && (pyDecorator(f) || pyMiddleware(f)));
  }
  if (node.kind() === "struct_item") return false;
  if (hasMiddlewareSignature(node, lang) || sameTypeWrapper(node, lang) || flowControlled(node, lang)) return true;
  // Go: a middleware factory (`func withUserSession(dbc *db.DB) Middleware { return func(next http.Handler) http.Handler
  // {..} }`), whose configured product is the middleware: the function literal it returns has the shape.
  if (lang === "go" && /^(function_declaration|method_declaration)$/.test(String(node.kind()))) {
    const returns = blockStatements(node.field("body" as never) as SgNode | null).filter((st) => st.kind() === "return_statement");
    const values = returns.flatMap((st) => st.namedChildren().flatMap((v) => (v.kind() === "expression_list" ? v.namedChildren() : [v])));
    // A product with a handler's signature is middleware only when it continues or stops a chain (gin's
    // `c.Next()`/`c.AbortWithStatus`, fiber's `c.Next()`): echo's `installHandler(appType) echo.HandlerFunc` builds
    // the route's handler, whose own permission check guards that route alone.
    return values.some((v) => v.kind() === "func_literal" && (sameTypeWrapper(v, lang) || (hasMiddlewareSignature(v, lang) && CONTINUES_CHAIN.test(v.text()))));
  }
  return false;
}

/**
 * Not a wiring candidate: a method overriding a framework hook (`ModelAdmin.has_add_permission` in a
 * class with bases: the framework calls it through the class), or a guard class defined next to its own
 * base class (a library shipping `IsAuthenticated` beside `BasePermission` publishes it for its users'
 * settings; an application's `class IsOwner(BasePermission)` imports its base instead).
 */
export function frameworkWired(node: SgNode, lang: RuleLanguage): boolean {
  // An error factory guards nothing; a class a directory loader mounts needs no name; a status query judges
  // no one (not-guard.ts).
  if (errorFactory(node, lang) || loaderMounted(node, lang) || statusQuery(node, lang)) return true;
  // A method of `impl Trait for Type` is called through the trait (rustls calls `verify_tls12_signature`
  // on its verifier): its name is the trait's, and whether the type is used is the type's question.
  if (lang === "rust" && node.kind() === "function_item") {
    for (let n = node.parent(); n; n = n.parent()) if (n.kind() === "impl_item") return !!n.field("trait" as never);
  }
  const cls = node.kind() === "class_definition" || node.kind() === "class_declaration" ? node : null;
  if (lang === "python" && !cls) return pyBases(pyOwner(node)).replace(/[()\s]|object/g, "") !== "";
  if (!cls) return false;
  const bases = lang === "python"
    ? ((cls.field("superclasses" as never) as SgNode | null)?.namedChildren() ?? []).map((b) => b.text())
    : cls.children().filter((c) => c.kind() === "class_heritage").flatMap((h) => h.text().replace(/^\s*(extends|implements)\s+/g, "").split(/[\s,]+|\b(?:extends|implements)\b/)).filter(Boolean);
  const text = cls.getRoot().root().text();
  return bases.some((b) => /^[A-Za-z_]\w*$/.test(b) && new RegExp(`\\bclass\\s+${b}\\b`).test(text));
}
