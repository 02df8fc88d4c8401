// unwired-auth by deviance among peers that no decorator registers: the methods of one type (a Go receiver, a
// Python or TypeScript class, a Rust impl) or the functions of one module, where several make the same access
// check in their bodies (`if err := requireScope(ctx, "invoices:write"); err != nil { return nil, err }`,
// `ensure_access(request, appt, "edit")`, `auth::require_operator(&conn)?`) and one public peer of the same
// shape does not. The peers' own convention is the evidence; the check's name alone is not a guard list.
import { PRIVILEGED_SEGMENT } from "./unguarded-view";
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { escapeRegExp, identifierWords } from "../syntax";
import type { CheckContext } from "./check";
import { callerParameters, fileGuards, makesAccessDecision, namesSubject } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

interface Peer {
  name: string;
  def: SgNode;
  /** Where a report points: the first decorator or attribute, else the definition. */
  at: SgNode;
  group: string;
  /** The first parameter's type after the receiver (`context.Context`, `Request`): the peers' shape. */
  shape: string;
  exported: boolean;
  marks: string[];
}

/**
 * A body that asks who is calling and leaves on the answer (`if not request.user.is_authenticated: return ..`,
 * `if !ctx.auth.is_admin() { return Err(..) }`): it checks for itself, whatever its refusal looks like.
 */
const CHECKS_ITSELF = /\bif\b[^\n]*\b(is_authenticated|is_anonymous|is_staff|is_superuser|is_admin|isAdmin|isAuthenticated|has_perms?|hasPermission|has_permission|can_\w+|current_user|authenticated_userid|overlaps_roles|roles?)\b[^\n]*\n?[^\n]*\b(return|raise|throw|abort)\b/;

const field = (n: SgNode | null | undefined, name: string): SgNode | null => (n ? (n.field(name as never) as SgNode | null) : null);
const kindOf = (n: SgNode | null | undefined) => String(n?.kind() ?? "");
/** A definition's body statements, comments left out. */
const statements = (def: SgNode): SgNode[] => field(def, "body")?.namedChildren().filter((k) => !/comment/.test(kindOf(k))) ?? [];

/** A check is named as a requirement (its first word): `requireScope`, `ensure_access`, `assertCanAccess`, `authorize`. */
const REQUIREMENT = /^(require|ensure|assert|check|authori[sz]e|authenticate|enforce|must)$/;
/**
 * A peer named as a read (`GetEntry`, `group_show`, `do_list_collections`) or as a predicate, a conversion or a
 * lifecycle hook (its first word: `is_`, `to_`, `new`, `close`): its deviance is a read left open, which its
 * peers' convention may intend, or no entry point at all.
 */
const READ_WORD = /^(get|head|options|list|find|search|read|show|describe|count|fetch|load|view|query|watch|health|status|version|info|ping|stats?|index|detail|lookup|exists?|by|whoami|me)$/;
const FIRST_WORD = /^(has|is|can|to|from|new|string|close|len|on|handle|init|setup|validate|parse)$/;
const readNamed = (name: string) => { const w = identifierWords(name); return w.some((x) => READ_WORD.test(x)) || FIRST_WORD.test(w[0] ?? ""); };
/** What a check is about: who is asking (an operator, a member, a tenant, a role), what they present (a token, a key) and what they may reach (access, a permission, a scope). */
const ACCESS = /^(access|operator|viewer|caller|requester|identity|permissions?|privileges?|member(ship)?|tenant|owner(ship)?|scopes?|roles?|admin|auth|authenticated|session|user|token|keys?|credentials?|principal|actor|can|allowed|authori[sz]ed?)$/;

/** The first parameter's type after the receiver or `self`; a Python peer's shape is its container. */
function shapeOf(def: SgNode, lang: RuleLanguage): string {
  const list = field(def, "parameters");
  const ps = (list?.namedChildren() ?? []).filter((p) => !/comment|self_parameter/.test(kindOf(p)) && !/^(self|cls)\b/.test(p.text()));
  if (!ps.length) return "";
  const p = ps[0]!;
  if (lang === "python") return (field(p, "name") ?? p).text().replace(/[:=][\s\S]*$/, "").trim();
  const type = field(p, "type") ?? (lang === "typescript" ? p.find({ rule: { kind: "type_annotation" } }) : null);
  return (type?.text() ?? p.text()).replace(/^:\s*/, "").replace(/\s+/g, "");
}

/**
 * An answer any shared cache may keep and serve to anyone (`cache-control: public, max-age=120`): the peer says its
 * content is for everyone, the published knowledge base beside the guarded ticket views.
 */
const PUBLIC_CACHE = /["'`]cache-control["'`]\s*[:,]\s*["'`][^"'`]*\bpublic\b|Cache-Control["'`]?\s*[:,]\s*["'`][^"'`]*\bpublic\b/i;

/** A record the request names (`request.path_params["attachment_id"]`, `args.get("id")`): one caller's data, whatever the cache header says. */
const RECORD_BY_ID = /path_params|\b(query_params|params|args|GET|match_info)\s*(\[|\.get\()\s*["']\w*id["']/i;

/** A Python decorator that guards the view it wraps: `@requires(..)`, `@login_required`, `@permission_required(..)`, `@admin_only`. */
const GUARD_MARK = /^(?!require_([A-Z]+|safe|http_methods|ajax|xhr|json)$)(requires?|login_required|\w+_required|require_\w+|auth\w*|authenticated|protected|\w+_only)$/;
/** A decorator's keyword switching a guard on: `admin_only=True`, `login_required=True`, `require_auth=True`. */
const GUARD_KEYWORD = /[(,]\s*(\w*(?:admin|staff|superuser|owner|member)s?_only|login_required|auth(?:entication)?_required|requires?_(?:auth|login|admin)\w*)\s*=\s*True\b/;
/** `@starlette.authentication.requires("x")` -> `requires`. */
const markHead = (text: string) => text.replace(/^[@#!\s[]*/, "").replace(/[\s(\]][\s\S]*$/, "").replace(/^[\s\S]*(\.|::)/, "");

/** The marks written above a definition: Python decorators, TypeScript decorators, Rust attributes. */
function marksOf(def: SgNode, lang: RuleLanguage): SgNode[] {
  if (lang === "python") return def.parent()?.kind() === "decorated_definition" ? def.parent()!.children().filter((d) => d.kind() === "decorator") : [];
  if (lang === "typescript") return def.children().filter((d) => d.kind() === "decorator");
  if (lang === "rust") {
    const out: SgNode[] = [];
    for (let p = def.prev(); p && /attribute_item|line_comment/.test(kindOf(p)); p = p.prev()) if (p.kind() === "attribute_item") out.unshift(p);
    return out;
  }
  return [];
}

function peer(def: SgNode, group: string, lang: RuleLanguage, exported: boolean): Peer {
  const marks = marksOf(def, lang);
  const at = lang === "python" && def.parent()?.kind() === "decorated_definition" ? def.parent()! : marks[0] ?? def;
  // A registered function (decorated, attributed) and a plain helper are not peers of one shape. A Python view
  // (handed the request first) whose only marks guard it (Starlette's `@requires("authenticated")`) is still a view: a
  // router elsewhere registers it, beside the views that lack the mark.
  const guardOnly = lang === "python" && marks.length > 0 && marks.every((m) => GUARD_MARK.test(markHead(m.text())));
  const shape = `${marks.length && !(guardOnly && /^(request|req)$/.test(shapeOf(def, lang))) ? "@" : ""}${shapeOf(def, lang)}`;
  return { name: field(def, "name")?.text() ?? "", def, at, group, shape, exported, marks: marks.map((m) => m.text()) };
}

/** The peers of a file: methods grouped by their type, top-level functions grouped as the module. */
function peersOf(root: SgNode, lang: RuleLanguage): Peer[] {
  const out: Peer[] = [];
  if (lang === "go") {
    for (const d of root.children()) {
      const name = field(d, "name")?.text() ?? "";
      if (d.kind() === "method_declaration") {
        const recv = (field(d, "receiver")?.text() ?? "").replace(/\[.*\]/, "").match(/(\w+)\s*\)\s*$/)?.[1] ?? "";
        out.push(peer(d, `type ${recv}`, lang, /^[A-Z]/.test(name)));
      } else if (d.kind() === "function_declaration") out.push(peer(d, "module", lang, /^[A-Z]/.test(name)));
    }
  } else if (lang === "python") {
    const walk = (block: SgNode, group: string) => {
      for (const c of block.children()) {
        const def = c.kind() === "decorated_definition" ? field(c, "definition") : c;
        if (def?.kind() === "function_definition") out.push(peer(def, group, lang, !(field(def, "name")?.text() ?? "_").startsWith("_")));
        else if (def?.kind() === "class_definition") { const body = field(def, "body"); if (body && group === "module") walk(body, `class ${field(def, "name")?.text()}`); }
      }
    };
    walk(root, "module");
  } else if (lang === "typescript") {
    for (const cls of root.findAll({ rule: { kind: "class_body" } })) {
      const group = `class ${field(cls.parent(), "name")?.text() ?? cls.range().start.line}`;
      for (const m of cls.children()) {
        if (m.kind() !== "method_definition") continue;
        const name = field(m, "name")?.text() ?? "";
        out.push(peer(m, group, lang, !/^[#_]/.test(name) && !/^\s*(@[\s\S]*?\s)?(private|protected)\b/.test(m.text()) && name !== "constructor"));
      }
    }
    for (const c of root.children()) {
      const d = c.kind() === "export_statement" ? c.namedChildren().find((k) => !/decorator|comment/.test(kindOf(k))) ?? c : c;
      if (d.kind() === "function_declaration") out.push(peer(d, "module", lang, c.kind() === "export_statement"));
      else if (/^(lexical_declaration|variable_declaration)$/.test(kindOf(d))) {
        for (const v of d.namedChildren().filter((k) => k.kind() === "variable_declarator")) {
          let fn = field(v, "value");
          // A handler handed to the call that registers it (`export const exportBookings = onCall(opts, async (request)
          // => {..})`, `defineEventHandler(async (event) => ..)`): the function is the peer, the call its registration,
          // a mark like a decorator (a guard wrapper, `withAuth(async (req) => ..)`, guards it).
          let mark: string | null = null;
          if (kindOf(fn) === "call_expression" && c.kind() === "export_statement") {
            const args = field(fn, "arguments")?.namedChildren().filter((a) => !/comment/.test(kindOf(a))) ?? [];
            const last = args.at(-1);
            if (last && /^(arrow_function|function_expression)$/.test(kindOf(last)) && !args.slice(0, -1).some((a) => /^(arrow_function|function_expression)$/.test(kindOf(a)))) {
              mark = field(fn, "function")?.text() ?? "";
              fn = last;
            } else if (args.length === 1 && kindOf(last) === "object") {
              // ... or in the definition object it is handed (Convex's `export const archive = mutation({ args, handler:
              // async (ctx, { roomId }) => {..} })`): the handler is the peer, the factory its registration.
              const handler = last!.children().find((p) => p.kind() === "pair" && /^(handler|resolve)$/.test(field(p, "key")?.text() ?? ""));
              const value = field(handler, "value");
              if (value && /^(arrow_function|function_expression)$/.test(kindOf(value))) {
                mark = field(fn, "function")?.text() ?? "";
                fn = value;
              }
            }
          }
          if (!/^(arrow_function|function_expression|function)$/.test(kindOf(fn))) continue;
          const p = peer(fn!, "module", lang, c.kind() === "export_statement");
          p.name = field(v, "name")?.text() ?? "";
          p.at = v;
          if (mark) { p.marks = [mark]; p.shape = `@${mark.replace(/<[\s\S]*$/, "")}:${p.shape}`; }
          out.push(p);
        }
      }
    }
  } else if (lang === "rust") {
    for (const impl of root.findAll({ rule: { kind: "impl_item" } })) {
      // A trait impl's methods are as public as the trait (a tarpc or tonic service: every method is an RPC).
      const trait = !!field(impl, "trait");
      const group = `impl ${field(impl, "trait")?.text() ?? ""} ${field(impl, "type")?.text() ?? ""}`;
      // `pub(crate)` is the crate's own helper, called behind whatever its callers checked.
      for (const f of field(impl, "body")?.children() ?? []) if (f.kind() === "function_item") out.push(peer(f, group, lang, trait || /^\s*pub\s(?!\s*\()/.test(f.text())));
    }
    // ... and a private function the file mounts as a route's handler (axum's `.route("/cache/flush", post(flush_cache))`,
    // actix's `.to(h)`): mounted, it is an entry point whatever its visibility (handed to a scheduler it is not).
    const text = root.text();
    const handed = (name: string) => !!name && new RegExp(`\\b(get|post|put|patch|delete|head|options|any|on|route|to|handler|service_fn)\\s*\\(\\s*(?:[^(),]*,\\s*)?${escapeRegExp(name)}\\s*[,)]`).test(text);
    for (const f of root.children()) if (f.kind() === "function_item") out.push(peer(f, "module", lang, /^\s*pub\s(?!\s*\()/.test(f.text()) || marksOf(f, lang).length > 0 || handed(field(f, "name")?.text() ?? "")));
  }
  return out.filter((p) => p.name);
}

/** The statement a node sits in (its ancestor whose parent is a block or body). */
function statementOf(node: SgNode, def: SgNode): SgNode {
  const same = (a: SgNode, b: SgNode | null) => !!b && a.range().start.index === b.range().start.index && a.range().end.index === b.range().end.index && a.kind() === b.kind();
  let n = node;
  for (let p = n.parent(); p && !same(p, def); n = p, p = p.parent()) {
    if (/^(block|statement_block|compound_statement|declaration_list|source_file|module)$/.test(kindOf(p)) || same(p, field(def, "body"))) return n;
  }
  return n;
}

/** The write route a Rust router mounts `name` on, when its path names a privileged audience (`POST /admin/rotate/..`). */
function privilegedWrite(text: string, name: string): string | null {
  const m = new RegExp(`\\.route\\(\\s*"([^"]+)"\\s*,\\s*(post|put|patch|delete)\\(\\s*${escapeRegExp(name)}\\s*\\)`).exec(text);
  if (!m) return null;
  const segments = m[1]!.split("/").filter((s) => s && !/^[:{*]/.test(s) && !/^(api|v\d+)$/i.test(s));
  return segments[0] && PRIVILEGED_SEGMENT.test(segments[0]) ? `${m[2]!.toUpperCase()} ${m[1]}` : null;
}

/**
 * The access checks a body makes, by bare name: a call named as a requirement about access (by its name,
 * its arguments or its same-file definition) whose failure fails the call. Go: its result is an error that
 * is checked, or a condition; Rust: propagated with `?` or a condition; Python and TypeScript: a statement
 * of its own, bound, awaited or a condition (a raise or throw inside it fails the call).
 */
function accessChecks(p: Peer, lang: RuleLanguage, cache: Map<string, boolean>): { leading: Set<string>; any: boolean; loaders: Map<string, string[]> } {
  const out = new Set<string>();
  const loaders = new Map<string, string[]>();
  let any = false;
  const body = field(p.def, "body");
  if (!body) return { leading: out, any, loaders };
  // A Python view's guarding decorator is its first check (`@requires("authenticated")` runs before the body), when
  // guards are all its marks: a router elsewhere registers it. A view its own decorator registers (`@api_view.get`
  // beside `@scope_required(..)`) is a registration's sibling, judged by sibling-guard with its reads.
  // A guard mark among others (`@BaseHandler.auth(admin=True)` over `@peer_allowed`, `@require_scope(..)` over
  // `@audit_log`) still guards its own view: it answers the peers' convention, it just makes none.
  // ... and a registration decorator's guard switch (errbot's `@arg_botcmd("service", type=str, admin_only=True)`,
  // `@botcmd(admin_only=True)`): the framework refuses other callers before the body runs.
  if (lang === "python") for (const m of p.marks) {
    const kw = GUARD_KEYWORD.exec(m)?.[1];
    if (kw) { any = true; out.add(`@${kw}`); }
  }
  if (lang === "python" && p.marks.some((m) => GUARD_MARK.test(markHead(m)))) any = true;
  if (lang === "python" && p.marks.length && p.marks.every((m) => GUARD_MARK.test(markHead(m)))) for (const m of p.marks) out.add(`@${markHead(m)}`);
  const callKind = lang === "python" ? "call" : lang === "rust" ? "call_expression" : "call_expression";
  // Rust: a statement macro wrapping a call (`guard!(require_admin(&req, &ctx.env))`, a `macro_rules!` that returns
  // on its failure) makes the wrapped call; the macro's body is a token tree, so the call is read from its text.
  const wrapped = lang === "rust" ? body.findAll({ rule: { kind: "macro_invocation" } }).flatMap((m) => {
    const inner = /^\(\s*(?:&\s*)?(?:[\w]+(?:::|\.))*([A-Za-z_]\w*)\s*\(/.exec(m.children().find((c) => c.kind() === "token_tree")?.text() ?? "");
    return inner ? [{ node: m, callee: inner[1]!, args: m.text().replace(/^[^(]*\(/, ""), macro: true }] : [];
  }) : [];
  const sites = [...body.findAll({ rule: { kind: callKind } }).map((call) => ({ node: call, callee: (field(call, "function")?.text() ?? "").replace(/^[\s\S]*(\.|::)/, "").replace(/<[\s\S]*$/, ""), args: field(call, "arguments")?.text() ?? "", macro: false })), ...wrapped];
  for (const { node: call, callee, args: argText, macro } of sites) {
    let about = cache.get(callee);
    if (about === undefined) {
      // Named as a requirement about access, word by word (`requireScope`, `ensure_access`, `authorize`,
      // `_require_operator`); `check_strict_mode` or `assertUniqueUid` require something else.
      const words = identifierWords(callee);
      about = REQUIREMENT.test(words[0] ?? "") && (words.length === 1 ? /^authori[sz]e$/.test(words[0]!) : words.slice(1).some((w) => ACCESS.test(w)));
      cache.set(callee, about);
    }
    // A bare requirement (`require(ext, Role::Seller)?`, `ensure(user, Permission.Edit)`) is about access when
    // its arguments, string literals aside (`require("./auth")` loads a module), name who is asking or a role.
    if (!about && REQUIREMENT.test(callee)) {
      const args = argText.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, "");
      about = identifierWords(args).some((w) => ACCESS.test(w) && !/^(can|allowed|actor)$/.test(w));
    }
    // `authenticate(request, scope)`: a check of the caller when handed the request or its context; a client's
    // `self.authenticate()` fetches its own token for outgoing calls.
    if (!about && callee === "authenticate") about = /(?<![\w$])(req|request|ctx|context|event|headers|metadata|call)(?![\w$])/.test(argText);
    if (!about) continue;
    any = true;
    // Made before acting: the check is one of the body's first statements (a guard, not a step of the work).
    const st0 = statementOf(call, p.def);
    const lead = (body.namedChildren().filter((k) => !/comment/.test(kindOf(k)) && !/^[rbuf]*["'`]/i.test(k.text())).slice(0, 3));
    if (!lead.some((k) => k.range().start.index === st0.range().start.index)) continue;
    const st = st0.text();
    const fails = lang === "go" ? /^\s*(if\b|\w+(\s*,\s*\w+)*\s*:?=)/.test(st) && /\berr\b|^\s*if\s*!/.test(st)
      : lang === "rust" ? macro || /\?|^\s*(if|match|let\s[\s\S]*else)\b/.test(st)
      : true;
    if (!fails) continue;
    out.add(callee);
    // What the check is handed that the body loaded first (`appt = load_appointment(request)` before
    // `ensure_access(request, appt, "edit")`): an object-level check, comparable only among peers that load one.
    const args = new Set(argText.match(/[A-Za-z_]\w*/g) ?? []);
    const before = body.text().slice(0, Math.max(0, call.range().start.index - body.range().start.index));
    const loaded = [...args].flatMap((a) => [...before.matchAll(new RegExp(`(?<![\\w.])${a}\\s*(?::=|=)\\s*(?:await\\s+|&)?(?:[\\w.]+(?:\\.|::))?([A-Za-z_]\\w*)\\s*\\(`, "g"))].map((m) => m[1]!));
    loaders.set(callee, [...new Set(loaded)]);
  }
  return { leading: out, any, loaders };
}

/** A Next.js App Router route file (`app/api/invoices/[id]/route.ts`): each exported HTTP verb is a route of one path. */
const NEXT_ROUTE_FILE = /(^|\/)app\/(?:[^/]+\/)*route\.[cm]?[jt]sx?$/;
const HTTP_VERB = /^(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)$/;
const WRITE_VERB = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * Next.js mounts a route file's exported verbs on one path: the handlers of the same resource. One of them asking
 * who is calling (`await requireSession()`, `await auth()`) where a handler that changes state (POST, PUT, PATCH,
 * DELETE) asks nothing is the file's own convention broken. A handler wrapped by a guard (`export const POST =
 * withAuth(..)`) is no bare function and is not a peer; one that only answers (`return NextResponse.json(.., {
 * status: 501 })`) does nothing to guard.
 */
function nextRouteHits(peers: Peer[], checks: Map<Peer, { any: boolean }>, writes: RegExp = WRITE_VERB): Hit[] {
  const verbs = peers.filter((p) => p.group === "module" && p.exported && HTTP_VERB.test(p.name));
  const makers = verbs.filter((p) => checks.get(p)!.any || CHECKS_ITSELF.test(p.def.text()));
  if (verbs.length < 2 || !makers.length) return [];
  const answersOnly = (p: Peer) => {
    const stmts = statements(p.def);
    return stmts.length === 1 && /^return\b/.test(stmts[0]!.text()) && !/\bawait\b/.test(field(p.def, "body")!.text());
  };
  return verbs.filter((p) => writes.test(p.name) && !makers.includes(p) && !makesAccessDecision(p.def.text()) && !answersOnly(p)).map((p) => ({
    region: regionOf(p.at),
    message: `the ${p.name} handler of this route asks nothing about the caller, while its ${makers.map((m) => m.name).join(", ")} handler${makers.length > 1 ? "s" : ""} of the same path check${makers.length > 1 ? "" : "s"} the session first`,
  }));
}

/**
 * A peer named for an entry anyone may call (`login`, `refresh_token`, `reset_password`, `ci_webhook`), not one that
 * administers what those words name (`rotate_db_password`, `revoke_token`, `delete_session`): those act on stored
 * credentials and are as guarded as their peers.
 */
function openByDesign(name: string): boolean {
  return OPEN_BY_DESIGN.test(name) && !/^_?(rotate|revoke|delete|remove|purge|set|update|change|grant|list|export|disable|enable|expire|invalidate)(_|[A-Z]|$)/.test(name);
}

/** A module of Next.js server actions: its first statement is the `"use server"` directive. */
const SERVER_ACTIONS = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/;

/**
 * The gate a function opens with: among its first three statements, a value bound from a call (`const session =
 * await auth()`) that the next statements test and leave on (`if (!session?.user) redirect("/login")`, `return`,
 * `throw`). Answers the call's name, or null.
 */
function openingGate(def: SgNode): string | null {
  const stmts = statements(def);
  for (let i = 0; i < Math.min(3, stmts.length); i++) {
    const m = /^(?:const|let)\s+(?:\{[^}]*\}|([\w$]+))\s*(?::[^=]+)?=\s*(?:await\s+)?([\w$.]+)\s*\(/.exec(stmts[i]!.text());
    if (!m) continue;
    const bound = m[1] ?? (/\{\s*([\w$]+)/.exec(stmts[i]!.text())?.[1] ?? "");
    const tests = stmts.slice(i + 1, i + 3).some((st) => kindOf(st) === "if_statement" && new RegExp(`(?<![\\w$.])${escapeRegExp(bound)}\\b`).test(field(st, "condition")?.text() ?? "") && /\b(return|throw|redirect|notFound|unauthorized|forbidden)\b/.test(field(st, "consequence")?.text() ?? ""));
    if (bound && tests) return m[2]!.replace(/^[\s\S]*\./, "");
  }
  return null;
}

/**
 * A `"use server"` module: each export is a public POST endpoint whatever its parameters. When two or more exports,
 * and two thirds of them, open with the same gate (`const session = await auth(); if (!session) redirect(..)`), an
 * export that never calls it and decides nothing about the caller itself is reported.
 */
function serverActionHits(peers: Peer[]): Hit[] {
  const actions = peers.filter((p) => p.group === "module" && p.exported && /^(function_declaration|arrow_function|function_expression|variable_declarator|lexical_declaration)$/.test(kindOf(p.def)));
  const gates = new Map(actions.map((p) => [p, openingGate(p.def)]));
  const tally = new Map<string, Peer[]>();
  for (const [p, g] of gates) if (g) tally.set(g, [...(tally.get(g) ?? []), p]);
  const out: Hit[] = [];
  for (const [gate, makers] of tally) {
    if (makers.length < 2 || makers.length * 3 < actions.length * 2) continue;
    const calls = new RegExp(`(?<![\\w$])${escapeRegExp(gate)}\\s*\\(`);
    for (const p of actions) {
      if (makers.includes(p) || calls.test(p.def.text()) || openByDesign(p.name) || makesAccessDecision(p.def.text()) || CHECKS_ITSELF.test(p.def.text())) continue;
      out.push({ region: regionOf(p.at), message: `server action ${p.name} never calls ${gate}(), which ${makers.length} of the module's ${actions.length} actions open with (${makers.slice(0, 3).map((m) => m.name).join(", ")}): every export of a "use server" module is a public endpoint` });
    }
  }
  return out;
}

/**
 * Reported: a public peer of one type or module that makes none of the access check its peers make, where
 * at least two peers make the same check, the peer has the shape of those that do (the same first parameter
 * type), and either its name says it destroys state (a lead), or three peers and two thirds of the acting
 * peers of its shape (those not named as reads) make the check and its name does not say it only reads (a
 * claim). Not reported: private peers (`_`, unexported, `pub(crate)`), open-by-design entry points (login,
 * token, webhooks, probes), a peer that makes another access check, delegates to a checked peer, decides
 * access itself, or takes who is asking as a parameter its checked peers do not. A Rust trait impl's methods
 * count as public (a tarpc or tonic service).
 */
export function peerCheckCheck(ctx: CheckContext): Hit[] {
  const { node, params } = ctx;
  const lang = ctx.rule.language as RuleLanguage;
  const root = node.getRoot().root();
  const peers = peersOf(root, lang);
  // A file-routed module (Next.js `app/**/route.ts`, and a module under `routes/`, `pages/` or `api/`, or a SvelteKit
  // `+server.ts`, exporting two or more handlers named for HTTP verbs: SolidStart's `src/routes/api/enrollments/[id].ts`,
  // Astro's endpoints): one path's verbs. A library module exporting `GET` is no route (`src/lib/invoices.ts`).
  const nextFile = lang === "typescript" && NEXT_ROUTE_FILE.test(ctx.file.path);
  const nextRoute = nextFile || (lang === "typescript" && (/(^|\/)(routes|pages|api)\/|\+server\.[cm]?[jt]s$/.test(ctx.file.path) && (ctx.file.content.match(/^export\s+(?:async\s+)?function\s+(?:GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\s*\(|^export\s+const\s+(?:GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\s*[:=]/gm)?.length ?? 0) >= 2));
  if (peers.length < (nextRoute ? 2 : 3)) return [];
  const cache = new Map<string, boolean>();
  const checks = new Map(peers.map((p) => [p, accessChecks(p, lang, cache)]));
  // Outside Next.js's own route files only the verbs that change or remove what the path names (DELETE, PUT, PATCH):
  // a public POST beside an admin GET is as often a subscribe or a contact form.
  if (nextFile) return nextRouteHits(peers, checks);
  // A verb module elsewhere is also read as the module's peers below (a DELETE opening with `requireUser` where GET
  // and POST open with `requireAdmin`).
  const verbHits = nextRoute ? nextRouteHits(peers, checks, /^(PUT|PATCH|DELETE)$/) : [];
  if (lang === "typescript" && SERVER_ACTIONS.test(root.text())) return serverActionHits(peers);
  const { isGuard } = fileGuards(ctx);
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  const out: Hit[] = [];
  let rootText: string | undefined;
  for (const group of new Set(peers.map((p) => p.group))) {
    const members = peers.filter((p) => p.group === group);
    const tally = new Map<string, Peer[]>();
    for (const p of members) for (const c of checks.get(p)!.leading) tally.set(c, [...(tally.get(c) ?? []), p]);
    for (const [check, makers] of tally) {
      // One checked peer is convention enough for a write the router mounts under a privileged path (axum's
      // `.route("/admin/rotate/:ns/:name", post(rotate_credentials))` beside `debug_buckets` opening with
      // `authorize(..)`): the path says whom the write serves, the one check says how this router asks.
      if (makers.length === 1 && lang === "rust") {
        for (const p of members.filter((m) => m !== makers[0] && m.exported && !checks.get(m)!.any && !makesAccessDecision(m.def.text()))) {
          const route = privilegedWrite((rootText ??= root.text()), p.name);
          if (route) out.push({ region: regionOf(p.at), message: `${p.name} serves ${route} and makes no ${check} check, which ${makers[0]!.name}, mounted on the same router, makes before acting` });
        }
        continue;
      }
      if (makers.length < 2) continue;
      const shapes = new Set(makers.map((m) => m.shape));
      const called = new RegExp(`(?<![\\w$])${escapeRegExp(check)}\\s*[(<!]`);
      // ... called bare (a module's functions) or through one receiver (a type's methods: `self.`, `srv.VoidInvoice(..)`):
      // `deps.api.get_incident(..)` is another object's method that shares the name, not the checked peer.
      const viaReceiver = group === "module" ? "" : "|(?<![\\w$.])[A-Za-z_$][\\w$]*\\.";
      const delegates = (p: Peer) => makers.some((m) => new RegExp(`(?:(?<![\\w$.])${viaReceiver})${escapeRegExp(m.name)}\\s*\\(`).test(field(p.def, "body")?.text() ?? ""));
      // A guard mark its checked peers lack is another way of guarding; one they all carry too is not.
      const markGuarded = (p: Peer) => p.marks.some((m) => namesSubject(m) || isGuard(markHead(m)));
      const makersMarked = makers.every(markGuarded);
      // A peer registered like its checked peers: where they are all mounted on a path or a name (`@app.get("/x",
      // auth_required=True)`, `@arg_botcmd("service", ..)`), so is it; a `@app.before_request()` hook is no route.
      // (a guard mark handed a string, Starlette's `@requires("authenticated")`, mounts nothing)
      const registered = (p: Peer) => p.marks.some((m) => /^@[\w.]+\(\s*[rf]?["']/.test(m) && !GUARD_MARK.test(markHead(m)));
      const makersRegistered = lang === "python" && makers.every(registered);
      const alike = members.filter((p) => p.exported && shapes.has(p.shape) && !openByDesign(p.name) && (makersMarked || !markGuarded(p)) && (!makersRegistered || registered(p)));
      // An object-level check (handed what each checked peer loaded first): only a peer that loads the same is comparable.
      const common = makers.map((m) => checks.get(m)!.loaders.get(check) ?? []).reduce((a, b) => a.filter((x) => b.includes(x)));
      const loadsTheSame = (p: Peer) => common.every((l) => new RegExp(`(?<![\\w$])${escapeRegExp(l)}\\s*\\(`).test(field(p.def, "body")?.text() ?? ""));
      const like = alike.filter(loadsTheSame);
      // A peer handed who is asking (`agent: AgentSession`, `user: AuthUser`) where the checked peers are not
      // was authenticated by whatever fills that parameter: it takes the caller in place of the check.
      const takesCaller = (p: Peer) => namesSubject(callerParameters(field(p.def, "parameters")?.text() ?? ""));
      const makersTakeCaller = makers.every(takesCaller);
      // A peer that makes the check, calls it, delegates to a peer that does, or decides access itself.
      const answered = (p: Peer) => makers.includes(p) || called.test(p.def.text()) || delegates(p) || makesAccessDecision(p.def.text()) || CHECKS_ITSELF.test(p.def.text());
      // A peer that calls nothing (a prompt template answering a formatted string) reaches no data to guard.
      // ... and changes nothing (no assignment, `del`, `delete`): `del self.keys[id]` acts without calling anything.
      const actsOnNothing = (p: Peer) => {
        const code = (field(p.def, "body")?.text() ?? "").replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""').replace(/\b(return|if|elif|while|and|or|not|in|yield|await|else)\s*\(/g, "(");
        return !/[\w$\]]\s*\(/.test(code) && !/[^=!<>]=(?!=)|\b(del|delete)\b/.test(code);
      };
      const open = like.filter((p) => !answered(p) && !checks.get(p)!.any && (makersTakeCaller || !takesCaller(p)) && !actsOnNothing(p) && !(PUBLIC_CACHE.test(p.def.text()) && !RECORD_BY_ID.test(field(p.def, "body")?.text() ?? "")));
      // The convention is counted among the peers that act: a read-named peer may be open by design.
      const acting = like.filter((p) => makers.includes(p) || !readNamed(p.name));
      const majority = makers.length >= 3 && makers.filter((m) => acting.includes(m)).length * 3 >= acting.length * 2;
      // A peer that acts and opens with another check of its own (`requireUser` where its peers open with
      // `requireAdmin`): whether that check asks less is read after the scan from the two definitions.
      for (const p of like) {
        if (answered(p) || readNamed(p.name)) continue;
        const own = [...checks.get(p)!.leading].filter((c) => c !== check);
        // The odd one alone: a check other peers open with too is a level of its own (notes for users, workspaces for admins).
        if (own.length !== 1 || members.some((m) => m !== p && checks.get(m)!.leading.has(own[0]!))) continue;
        ctx.defer({
          candidate: { name: p.name, file: ctx.file.path, line: p.at.range().start.line, referenceIgnores: [], language: lang, checks: { weak: own[0]!, strong: check } },
          hit: { region: regionOf(p.at), message: `${p.name} opens with ${own[0]}, where ${makers.length} of its peers (${group}) open with ${check} (${makers.slice(0, 3).map((m) => m.name).join(", ")}), which builds on ${own[0]}: it skips what they require` },
          keep: "if-weaker-check",
        });
      }
      for (const p of open) {
        const destroys = destructive.test(p.name);
        // ... and a destructive peer where every other destructive peer makes an access check (`delete_dataset` checks,
        // `revoke_api_key` does not), whatever the rest of a mixed class does.
        const otherDestroyers = like.filter((m) => m !== p && destructive.test(m.name));
        // (an access check by its name: `require_admin`, `check_permissions`; `_assert_user_column_name_allowed` validates input)
        const destroyersAgree = destroys && /admin|auth|perm|role|owner|scope|login|access|staff|superuser/i.test(check) && otherDestroyers.length > 0 && otherDestroyers.every((m) => makers.includes(m));
        const claim = (majority && (destroys || !readNamed(p.name))) || destroyersAgree;
        if (!claim && !destroys) continue;
        const message = `${p.name} makes no ${check} check, which ${makers.length} of its peers (${group}) make before acting (${makers.slice(0, 3).map((m) => m.name).join(", ")})`;
        // Two peers' convention, or a minority's, says less: the models are asked to verify it.
        out.push(claim ? { region: regionOf(p.at), message } : { region: regionOf(p.at), message, lead: `only ${makers.length} of ${like.length} peers of its shape make the check` });
      }
    }
  }
  // One report per peer, whichever check it lacks.
  return [...new Map([...verbHits, ...out].map((h) => [h.region.start.line, h])).values()];
}
