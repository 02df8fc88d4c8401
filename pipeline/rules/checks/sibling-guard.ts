// unwired-auth by deviance among siblings: functions one site registers (the same decorator or attribute,
// the methods of one decorated controller class) where most carry a guard (a guard decorator, a keyword of
// the registration naming who is asking, a first statement calling a check that fails the call) and one
// that changes state carries none. The siblings' own convention is the evidence, whatever the framework.
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import type { CheckContext } from "./check";
import { callerParameters, fileGuards, injectsCheck, makesAccessDecision, namesSubject, readsOnly, SCOPED_TO_CALLER, SUBJECT } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { pythonCode, routerGuarded } from "./unguarded-view";
import { OPEN_BY_DESIGN } from "./unguarded-route";

/** A registered function: the decorator or attribute that registers it, its other marks, its body. */
interface Member { name: string; at: SgNode; reg: SgNode; key: string; others: SgNode[]; def: SgNode }

/** Route-registering methods are one site whatever the verb (`@app.post`, `@app.delete` register on `app`). */
const ROUTE_VERB = /^(get|post|put|patch|delete|del|head|options|route|api_route|all)$/i;
const WRITE_VERB = /(^|[^\w])(post|put|patch|delete|del|mutation|mutate)([^\w]|$)/i;
const READ_VERB = /(^|[^\w])(get|head|options|query)([^\w]|$)/i;
/** A parameter carrying the secret a caller proves itself with: the function is where authentication happens. */
const TAKES_SECRET = /\b\w*(password|passphrase|passwd)\w*\s*:/i;
/** A string argument naming an authentication scheme: `("jwt", ..)`, `("api_key")`, `("bearer")`, `("oauth2", ..)`. */
const SCHEME_ARGUMENT = /\(\s*["'`](jwt|bearer|api[_-]?key|oauth2?|basic|session|token|openid)["'`]/i;
/** A mark's argument that grants everyone: no requirement of who is asking. */
const OPEN_TO_ALL = /\b(Public|Anonymous|Everyone|AllowAnonymous|Unauthenticated)\b/;
/**
 * A mark that declares its function open to everyone (NestJS's `@Public()` read by a global guard, ASP-style
 * `@AllowAnonymous()`, `@SkipAuth()`): the author said so through the framework, not in a comment.
 */
const PUBLIC_MARK = /^(Public|IsPublic|PublicRoute|PublicEndpoint|AllowAnonymous|Anonymous|SkipAuth\w*|NoAuth|Unauthenticated|AllowUnauthenticated|Unprotected)$/;

/**
 * Marks a file imports from an API-description package (`@nestjs/swagger`'s `ApiBearerAuth`, `ApiSecurity`,
 * `ApiOAuth2`): they document a scheme for generated docs and guard nothing (swetrix's controllers, panel 37).
 */
function documentationMarks(fileText: string): Set<string> {
  const out = new Set<string>();
  for (const m of fileText.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'`]([^"'`]*)["'`]/g)) {
    // A package (`@nestjs/swagger`, `tsoa`'s docs), not the project's own module of that name (`../common/swagger`
    // may compose a real guard with the documentation mark).
    if (!/swagger|openapi|apidoc/i.test(m[2]!) || /^[./]/.test(m[2]!)) continue;
    for (const n of m[1]!.split(",")) { const name = n.trim().split(/\s+as\s+/).pop()!.trim(); if (name) out.add(name); }
  }
  return out;
}

/** A mark's text after its opening parenthesis (`@Allow(Permission.X)` → `Permission.X)`). */
const argumentsOf = (mark: SgNode) => mark.text().slice(mark.text().indexOf("(") + 1);
/** Arguments naming who is asking, not everyone. */
const requiresSubject = (args: string) => SUBJECT.test(args) && !OPEN_TO_ALL.test(args);

/** Attributes that register nothing (documentation, lints, conditional compilation, tracing). */
const INERT = /^(doc|allow|warn|deny|expect|cfg|cfg_attr|inline|must_use|instrument|tracing::instrument|deprecated|test|tokio::test|async_trait|staticmethod|classmethod|property|override|abstractmethod|functools\.\w+|wraps)$/;

/** `@app.post("/x", ..)` -> `app.post`; `#[tauri::command]` -> `tauri::command`; `@del('/x')` -> `del`. */
function headOf(mark: SgNode): string {
  return mark.text().replace(/^#!?\[|^@\s*/, "").replace(/[\s({\]][\s\S]*$/, "");
}

/** The registration key: the head, with a route verb folded into the receiver's one site. */
function keyOf(head: string): string {
  const parts = head.split(/\.|::/);
  const last = parts.pop()!;
  return ROUTE_VERB.test(last) ? `${parts.join(".")}.@route` : head;
}

/** The registered functions of a container (a module, a class or impl body), each with its marks in order. */
function membersOf(container: SgNode, lang: RuleLanguage): Member[] {
  const out: Member[] = [];
  let pending: SgNode[] = [];
  for (const c of container.children()) {
    const kind = String(c.kind());
    if (kind === "decorator" || kind === "attribute_item") { pending.push(c); continue; }
    let marks = pending;
    let def: SgNode | null = c;
    pending = [];
    if (lang === "python") {
      if (kind !== "decorated_definition") continue;
      marks = c.children().filter((d) => d.kind() === "decorator");
      def = c.field("definition" as never) as SgNode | null;
    }
    if (!def || !/^(function_definition|function_item|method_definition)$/.test(String(def.kind()))) continue;
    const live = marks.filter((m) => !INERT.test(headOf(m)));
    if (!live.length) continue;
    const name = (def.field("name" as never) as SgNode | null)?.text() ?? "";
    out.push({ name, at: lang === "python" ? c : live[0]!, reg: live[0]!, key: "", others: live.slice(1), def });
  }
  return out;
}

/** Keywords of the registration with a value that enables something (`auth_required=True`, `permission_classes=[..]`). */
function keywordsOf(reg: SgNode): string[] {
  return [...reg.text().matchAll(/[(,]\s*(\w+)\s*=\s*([^,)\s][^,)]*)/g)]
    .filter(([, , v]) => !/^(False|false|None|null|\[\s*\]|\(\s*\)|""|''|0)$/.test(v!.trim()))
    .map(([, k]) => k!);
}

/** The call node of each grammar (asking a grammar for a kind it lacks is an error). */
const callKind = (lang: RuleLanguage) => (lang === "python" ? "call" : "call_expression");

/** A statement that is a call, bare or bound (`check(x)`, `await check(x)`, `let s = check(x)?;`), not a return or a branch. */
const CALL_STATEMENT = /^(?:(?:let|const|var)\s+(?:mut\s+)?[\w\s,(){}[\]:<>&']*?=\s*|[\w\s,.]+=\s*)?(?:await\s+)?[\w.:]+\s*\(/;
/** A docstring or a bare string statement. */
const STRING_STATEMENT = /^[rbuf]*["'`]/i;

/**
 * The checks the body's first statements make, each with the text up to it: a call statement whose failure
 * fails the call (Rust: propagated with `?`; Python and TypeScript: a raise or throw inside it).
 */
function leadingChecks(def: SgNode, lang: RuleLanguage): { name: string; before: string }[] {
  const body = def.field("body" as never) as SgNode | null;
  const stmts = (body?.namedChildren() ?? []).filter((s) => !/comment/.test(String(s.kind())) && !STRING_STATEMENT.test(s.text())).slice(0, 3);
  const out: { name: string; before: string }[] = [];
  let before = "";
  for (const s of stmts) {
    const text = s.text();
    before += `${text}\n`;
    if (!CALL_STATEMENT.test(text) || (lang === "rust" && !/\?/.test(text))) continue;
    const call = s.kind() === callKind(lang) ? s : s.find({ rule: { kind: callKind(lang) } });
    const fn = call ? (call.field("function" as never) as SgNode | null) : null;
    if (fn) out.push({ name: fn.text().replace(/^[\s\S]*(\.|::)/, ""), before });
  }
  return out;
}

/**
 * A leading call that makes or changes something of who is asking (`create_user_asset(account_id.id, file)`,
 * `updateUserProfile(..)`) is the view's work on that subject, not a check of it.
 */
const ACTS_ON_SUBJECT = /^_?(create|update|delete|insert|add|set|save|remove|upsert|send|make|new|register)(_|[A-Z]|$)/;

const parametersOf = (m: Member) => (m.def.field("parameters" as never) as SgNode | null)?.text() ?? "";
const bodyOf = (m: Member) => (m.def.field("body" as never) as SgNode | null)?.text() ?? "";

/**
 * Reported: a function registered by a decorator or attribute (or a method of a decorated class) that changes
 * state (the registration says POST/PUT/PATCH/DELETE or a mutation, or its name and callees say it destroys
 * something) and carries no guard, where most of its siblings registered the same way carry one. A guard is
 * a decorator, a registration keyword, or a leading call that fails the call, named for who is asking
 * (user, session, token, role, admin, permission, auth..) or a guard of the file or of the rule's vocabulary;
 * a leading check named only as a requirement (`ensure_`, `require`) counts when three siblings make it on
 * something naming who is asking; a parameter naming who is asking is a caller the framework authenticated.
 * Not reported: fewer than two guarded siblings or no majority guarded, open-by-design routes (login, webhooks,
 * probes, a function taking the password itself), read-only registrations (GET, queries), a function whose
 * body decides access itself, and one that calls a guarded sibling.
 */
export function siblingGuardCheck(ctx: CheckContext): Hit[] {
  const { node, params } = ctx;
  const lang = ctx.rule.language;
  const members = membersOf(node, lang);
  if (members.length < 3) return [];
  const { names: [, verb = /(?!)/], isGuard } = fileGuards(ctx);
  const docs = lang === "typescript" ? documentationMarks(node.getRoot().root().text()) : new Set<string>();
  const named = (n: string) => !docs.has(n) && (isGuard(n) || namesSubject(n));
  // A class body groups its methods as one controller; elsewhere the registering head is the site.
  const controller = node.kind() === "class_body";
  for (const m of members) m.key = controller ? "@class" : keyOf(headOf(m.reg));
  const leading = new Map(members.map((m) => [m, leadingChecks(m.def, lang)]));
  const tally = new Map<string, number>();
  for (const calls of leading.values()) for (const c of new Set(calls.map((c) => c.name))) tally.set(c, (tally.get(c) ?? 0) + 1);
  // Each member's guards, asked once (the groups below read them several times).
  const guardList = new Map(members.map((m) => [m, [
    ...(controller ? [m.reg, ...m.others] : m.others).map(headOf).map((h) => h.replace(/^[\s\S]*(\.|::)/, "")).filter(named),
    // A mark handed an authentication scheme by name (tsoa's `@Security("jwt", ["invoices:write"])`, `@Auth("api_key")`).
    ...(controller ? [m.reg, ...m.others] : m.others).filter((k) => SCHEME_ARGUMENT.test(k.text())).map(headOf),
    // A mark stating a requirement of who is asking in its arguments (actix-web-grants' `#[protect("ROLE_ADMIN")]`,
    // `@PreAuthorize("hasRole('ADMIN')")`): the head is the requirement verb, the argument the subject.
    // An argument granting everyone (Vendure's `@Allow(Permission.Public)`, `Anonymous`, `Everyone`) requires nobody.
    ...(controller ? [m.reg, ...m.others] : m.others).filter((k) => verb.test(headOf(k).replace(/^[\s\S]*(\.|::)/, "")) && requiresSubject(argumentsOf(k))).map(headOf),
    ...(controller ? [m.reg, ...m.others] : [m.reg]).flatMap(keywordsOf).filter(named),
    ...leading.get(m)!.filter((c) => (named(c.name) && !ACTS_ON_SUBJECT.test(c.name)) || (verb.test(c.name) && (tally.get(c.name) ?? 0) >= 3 && SUBJECT.test(c.before))).map((c) => c.name),
  ]]));
  const guardsOf = (m: Member): string[] => guardList.get(m)!;
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  // Open by design: authentication's own entry points by path or name, or by taking the secret itself (an unlock).
  // A camel-case name is read word by word (`requestResetPassword` is a password reset, authentication's own entry point).
  // ... a public mark on a route that deletes (`@Delete(':id') @Public() remove` among admin-guarded siblings) is the
  // copy-paste a reviewer wants shown, not an opening by design.
  const declaredPublic = (m: Member) => [m.reg, ...m.others].some((k) => PUBLIC_MARK.test(headOf(k).replace(/^[\s\S]*(\.|::)/, ""))) && !/\bDelete\b|\bdelete\b/.test(m.reg.text()) && !destructive.test(m.name);
  const open = (m: Member) => declaredPublic(m) || OPEN_BY_DESIGN.test(m.name) || OPEN_BY_DESIGN.test(m.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()) || OPEN_BY_DESIGN.test((/["'`]([^"'`]*)["'`]/.exec(m.reg.text()) ?? [])[1] ?? "") || TAKES_SECRET.test(parametersOf(m));
  // A registration that changes state: its verb says so (POST/PUT/PATCH/DELETE, a mutation), or, not said to read,
  // its name and callees destroy something.
  const writes = (m: Member) => {
    // A search or export taking its query as a POST body only reads (yeti's `@router.post("/search") def search(..)`);
    // a body whose queries are scoped to who is asking (`filter(.., user=httpreq.state.user)`) decides for itself.
    if (readsOnly(m.name, m.def.text()) || SCOPED_TO_CALLER.test(m.def.text())) return false;
    const registration = [m.reg, ...m.others].map((r) => r.text()).join(" ");
    return WRITE_VERB.test(registration) || (!READ_VERB.test(registration) && destructive.test(`${m.name} ${leading.get(m)!.map((c) => c.name).join(" ")} ${callees(m.def, lang)}`));
  };
  const out: Hit[] = [];
  let text: string | undefined;
  for (const key of new Set(members.map((m) => m.key))) {
    // Python: a router whose every view runs behind a hook (`@bp.before_request`, a deciding
    // `url_value_preprocessor`) here, or in a file that imports it (asked after the scan: router-hooks.ts).
    const router = lang === "python" && key.endsWith(".@route") ? key.slice(0, -".@route".length) : null;
    if (router && routerGuarded(router, (text ??= pythonCode(node.getRoot().root().text())), true)) continue;
    const all = members.filter((m) => m.key === key && !open(m));
    // Reads are often open on purpose (`@Get` beside guarded `@Post`s): where the siblings as a whole show no majority,
    // the registrations that change state are their own convention (two guarded writes of three: the third is the odd one).
    const writers = all.filter((m) => writes(m));
    const majority = (g: Member[]) => g.filter((m) => guardsOf(m).length > 0).length * 2 > g.length;
    const group = majority(all) ? all : writers;
    const guarded = group.filter((m) => guardsOf(m).length > 0);
    if (guarded.length < 2 || guarded.length * 2 <= group.length) continue;
    const common = [...guarded.flatMap(guardsOf).reduce((t, g) => t.set(g, (t.get(g) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]![0];
    // A function that delegates to a guarded sibling (`add_favorite` calling `set_rating`) goes through its guard.
    const delegates = (m: Member) => guarded.some((g) => new RegExp(`(?<![\\w$])${g.name.replace(/\$/g, "\\$")}\\s*\\(`).test(bodyOf(m)));
    for (const m of group) {
      // A parameter the framework fills with who is asking (`user: AuthUser`, `@CurrentUser() u`) authenticates the call.
      if (guarded.includes(m) || makesAccessDecision(m.def.text()) || delegates(m) || namesSubject(callerParameters(parametersOf(m))) || injectsCheck(parametersOf(m))) continue;
      if (!writes(m)) continue;
      const hit = { region: regionOf(m.at), message: `${m.name} changes state without the ${common} guard ${guarded.length} of its ${group.length} sibling registrations carry (line ${guarded[0]!.at.range().start.line + 1})` };
      if (router && /^\w+$/.test(router)) ctx.defer({ candidate: { name: router, file: ctx.file.path, line: m.at.range().start.line, referenceIgnores: [], language: "python" }, hit, keep: "unless-router-hooked" });
      else out.push(hit);
    }
  }
  return out;
}

/** The bare names a body calls, space-separated (what its destructive words are read from). */
function callees(def: SgNode, lang: RuleLanguage): string {
  return def.findAll({ rule: { kind: callKind(lang) } })
    .map((c) => ((c.field("function" as never) as SgNode | null)?.text() ?? "").replace(/^[\s\S]*(\.|::)/, "")).join(" ");
}
