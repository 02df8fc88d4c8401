// A guard known by its data flow: a local bound to what a guard makes (`const apiKey = requireApiKey(keys)`)
// or to a handler wrapper that hands its handler to a guard (`auth := func(next Handle) Handle { return
// requireToken(keys, next) }`). Routes mount the local, so the local is the guard there.
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { isMiddlewareShaped, namesSubject, sameTypeWrapper } from "./guard-shape";

/** Per language: the binding kinds, their name and value fields, the call kind and the function-literal kinds. */
const BINDING: Partial<Record<RuleLanguage, { kinds: string[]; name: string; value: string; call: string; literal: RegExp }>> = {
  typescript: { kinds: ["variable_declarator"], name: "name", value: "value", call: "call_expression", literal: /^(arrow_function|function_expression|function)$/ },
  go: { kinds: ["short_var_declaration", "var_spec"], name: "left", value: "right", call: "call_expression", literal: /^func_literal$/ },
  python: { kinds: ["assignment"], name: "left", value: "right", call: "call", literal: /^lambda$/ },
  rust: { kinds: ["let_declaration"], name: "pattern", value: "value", call: "call_expression", literal: /^closure_expression$/ },
};

/** The registry a framework keeps its middleware in, as the value's path ends: `app.middleware`, `this.app.middlewares`. */
const REGISTRY = /(^|\.)middlewares?$/;

/**
 * A middleware's name that says who is asking (guard-shape.ts SUBJECT) or what the asker may do (`canEdit`,
 * `mayDelete`): from a middleware registry, either is an access check.
 */
const namesAccess = (name: string) => namesSubject(name) || /^(can|may)_?(View|Edit|Read|Write|Delete|Manage|Admin|Access|Update|Create|Modify|Publish|Own|Share|Comment|Approve)/i.test(name);

/** Names bound to members of a middleware registry that say who is asking or what they may do. */
function fromMiddlewareRegistry(name: SgNode, value: SgNode): string[] {
  const text = value.text();
  if (name.kind() === "identifier") {
    const m = /^[\w$.]+\.([\w$]+)$/.exec(text);
    return m && REGISTRY.test(text.slice(0, -m[1]!.length - 1)) && namesAccess(m[1]!) ? [name.text()] : [];
  }
  if (name.kind() !== "object_pattern" || !REGISTRY.test(text)) return [];
  return name.findAll({ rule: { kind: "shorthand_property_identifier_pattern" } }).map((n) => n.text()).filter(namesAccess);
}

/** The last segment of a call's callee (`auth.requireApiKey` -> `requireApiKey`, `guards::admin` -> `admin`). */
export function calleeName(call: SgNode): string {
  const fn = call.field("function" as never) as SgNode | null;
  return (fn?.text() ?? "").replace(/<[\s\S]*$/, "").replace(/^[\s\S]*(\.|::)/, "");
}

const first = (n: SgNode | null) => (n && /^expression_list$/.test(String(n.kind())) ? n.namedChildren()[0] ?? null : n);

/**
 * Names of the file's locals that are guards by what they are bound to: the value a guard factory answers
 * (`isGuard(callee)`), or a function literal shaped as a handler wrapper or middleware whose body calls a
 * guard. `isGuard` is the caller's test (same-file guards by shape, the rule's vocabulary, a requirement
 * naming who is asked for).
 */
export function boundGuards(root: SgNode, lang: RuleLanguage, isGuard: (name: string) => boolean): Set<string> {
  const b = BINDING[lang];
  const out = new Set<string>();
  if (!b) return out;
  for (const kind of b.kinds) {
    let nodes: SgNode[] = [];
    try { nodes = root.findAll({ rule: { kind } }); } catch { continue; }
    for (const d of nodes) {
      const name = first(d.field(b.name as never) as SgNode | null);
      const value = first(d.field(b.value as never) as SgNode | null);
      if (!name || !value) continue;
      // A member of the framework's middleware registry named for who is asking (Egg's `const auth =
      // middleware.auth`, `const { auth, adminOnly } = app.middleware`): middleware by where it lives.
      for (const n of fromMiddlewareRegistry(name, value)) out.add(n);
      if (!/^identifier$/.test(String(name.kind()))) continue;
      const own = name.text();
      if (value.kind() === b.call) {
        if ((calleeName(value) !== own && isGuard(calleeName(value))) || wrapsGuardReference(value, own, isGuard)) out.add(own);
      } else if (b.literal.test(String(value.kind())) && (sameTypeWrapper(value, lang) || isMiddlewareShaped(value, lang))) {
        if (value.findAll({ rule: { kind: b.call } }).some((c) => calleeName(c) !== own && isGuard(calleeName(c)))) out.add(own);
      }
    }
  }
  for (const name of importedGuards(root, lang, isGuard)) out.add(name);
  return out;
}

/** A reference to a function, read as a path (`this._assertAccess`, `auth.requireUser`, `guards::admin`). */
const REFERENCE = /^(identifier|member_expression|selector_expression|attribute|field_expression|scoped_identifier)$/;

/**
 * A call handed a guard by reference, or bound (`expressWrap(this._assertAccess.bind(this, "editors"))`,
 * `asyncHandler(requireAuth)`), or a guard factory's product (`Chain(base, withUserSession(dbc))`): an adapter around
 * the guard, whose product is the guard where routes mount it. A guard called for its answer (`wrap(requireAuth(req))`)
 * is handed its result, not itself.
 */
function wrapsGuardReference(call: SgNode, own: string, isGuard: (name: string) => boolean): boolean {
  const args = (call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
  const last = (n: SgNode) => n.text().replace(/^[\s\S]*(\.|::)/, "");
  return args.some((a) => {
    let ref: SgNode | null = a;
    // `fn.bind(this, ..)`: the function bound, not the bind.
    if (a.kind() === "call_expression" && /\.bind$/.test((a.field("function" as never) as SgNode | null)?.text() ?? "")) {
      ref = ((a.field("function" as never) as SgNode).field("object" as never) as SgNode | null) ?? null;
    }
    if (!!ref && REFERENCE.test(String(ref.kind())) && last(ref) !== own && isGuard(last(ref))) return true;
    // ... or what a guard factory makes, handed to a chain (`handlerutil.Chain(baseChain, withUserSession(dbc, ..))`):
    // a guard called with the request (`requireAuth(req)`) answers instead, and is no such product.
    const factory = a.kind() === "call_expression" ? last(a.field("function" as never) as SgNode) : null;
    if (factory && factory !== own && isGuard(factory)) {
      const callArgs = (a.field("arguments" as never) as SgNode | null)?.namedChildren().map((x) => x.text()) ?? [];
      return !callArgs.some((x) => /^(req|request|r|ctx|c|context|event|e)$/.test(x));
    }
    return false;
  });
}

/** A module's own name: the last segment of its path, without extension (`@server/middlewares/authentication` -> `authentication`). */
const moduleName = (source: string) => source.replace(/^["'`]|["'`]$/g, "").replace(/\/(index)?(\.[cm]?[jt]sx?)?$/, "").replace(/^.*\//, "").replace(/\.[cm]?[jt]sx?$/, "");

/**
 * TS/JS: a local bound to the default export of a module named for a guard (`import auth from
 * "@server/middlewares/authentication"`, `const auth = require("./authenticate")`): the module is the
 * guard, the local names it where routes mount it. Named imports are judged by their own names.
 */
function importedGuards(root: SgNode, lang: RuleLanguage, isGuard: (name: string) => boolean): string[] {
  if (lang !== "typescript") return [];
  const out: string[] = [];
  for (const imp of root.findAll({ rule: { kind: "import_statement" } })) {
    const source = imp.field("source" as never) as SgNode | null;
    const clause = imp.children().find((c) => c.kind() === "import_clause");
    const local = clause?.children().find((c) => c.kind() === "identifier");
    if (source && local && isGuard(moduleName(source.text()))) out.push(local.text());
  }
  for (const d of root.findAll({ rule: { kind: "variable_declarator", has: { field: "value", pattern: "require($SRC)" } } } as never)) {
    const name = d.field("name" as never) as SgNode | null;
    const src = d.getMatch("SRC");
    if (name?.kind() === "identifier" && src && /string/.test(String(src.kind())) && isGuard(moduleName(src.text()))) out.push(name.text());
  }
  return out;
}
