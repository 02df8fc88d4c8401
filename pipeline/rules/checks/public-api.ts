// Is a function part of its module's public API, and does something outside it fix its signature?
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { escapeRegExp, nameOf, pyBases, pyOwner, rustAttributes } from "../syntax";
import { hasMiddlewareSignature } from "./guard-shape";

/** `export { a, b }`, `module.exports = { a }`, `exports.a = a`, `export default a` in the file. */
function exportedByList(root: SgNode, name: string): boolean {
  if (!name) return false;
  const text = root.text();
  const id = name.replace(/\$/g, "\\$");
  return new RegExp(`\\bexport\\s*\\{[^}]*(?<![\\w$])${id}(?![\\w$])[^}]*\\}|\\bmodule\\.exports\\s*=\\s*\\{[^}]*(?<![\\w$])${id}(?![\\w$])[^}]*\\}|\\b(module\\.)?exports\\.\\w+\\s*=\\s*${id}\\b|\\bexport\\s+default\\s+${id}\\b|\\bmodule\\.exports\\s*=\\s*${id}\\b`).test(text);
}

function tsExported(decl: SgNode | null, name: string): boolean {
  if (!decl) return false;
  if (decl.parent()?.kind() === "export_statement") return true;
  return exportedByList(decl.getRoot().root(), name);
}

function tsPublic(fn: SgNode): boolean {
  const k = fn.kind();
  if (k === "function_declaration" || k === "generator_function_declaration") return tsExported(fn, nameOf(fn));
  if (k === "method_definition") {
    if (fn.children().some((c) => c.kind() === "accessibility_modifier" && c.text() !== "public")) return false;
    const name = nameOf(fn);
    if (/^[#_]/.test(name)) return false;
    const cls = fn.parent()?.parent();
    return !!cls && /class/.test(String(cls.kind())) && tsExported(cls, nameOf(cls));
  }
  // Arrow functions and function expressions: `export const f = (...) => ...`, `module.exports.f = function`.
  const parent = fn.parent();
  if (parent?.kind() === "variable_declarator") {
    return tsExported(parent.parent(), nameOf(parent));
  }
  if (parent?.kind() === "assignment_expression") return /^(module\.)?exports\b/.test((parent.field("left" as never) as SgNode | null)?.text() ?? "");
  return false;
}

function pyPublic(fn: SgNode): boolean {
  const name = nameOf(fn);
  const owner = pyOwner(fn);
  if (owner?.kind() === "module") return !name.startsWith("_");
  if (owner?.kind() !== "class_definition" || nameOf(owner).startsWith("_")) return false;
  return name === "__init__" || !name.startsWith("_");
}

/** Public API: exported (TS/JS), not `_`-prefixed (Python), capitalised free functions (Go), `pub` (Rust). */
export function isPublic(fn: SgNode, lang: RuleLanguage): boolean {
  if (lang === "typescript") return tsPublic(fn);
  if (lang === "python") return pyPublic(fn);
  if (lang === "go") return fn.kind() === "function_declaration" && /^[A-Z]/.test(nameOf(fn));
  return fn.children().some((c) => c.kind() === "visibility_modifier" && /^pub\b/.test(c.text()));
}

/**
 * Decorators that wrap a function and pass every argument through: no framework calls it with a list of its own.
 * Memoizers among them (`@st.cache_data(ttl=60)`, `@cached(..)`, `@memoize`) key the cache on the arguments.
 */
const PY_PLAIN_DECORATOR = /^@(staticmethod|classmethod|property|(functools\.)?(wraps|lru_cache|cache|cached_property)|(\w+\.)?(cache_data|cache_resource|cached|memoize\w*|alru_cache)|\w+\.setter|(typing\.)?final)\b/;
const RS_PLAIN_ATTRIBUTE = /^#\[(inline|must_use|doc|allow|warn|deny|expect|cfg|cfg_attr|deprecated|track_caller|cold)\b/;

function rustInTraitImpl(fn: SgNode): boolean {
  const impl = fn.parent()?.parent();
  return impl?.kind() === "impl_item" && !!impl.field("trait" as never);
}

function paramNames(fn: SgNode): string[] {
  const list = fn.field("parameters" as never) as SgNode | null;
  return (list?.namedChildren() ?? []).map((p) => p.text().replace(/[:=].*$/s, "").replace(/^[*&\s]+|\bmut\s+/g, "").trim()).filter((n) => n && !/^(self|cls|this)$/.test(n));
}

/**
 * A protocol family: sibling methods of one class sharing their leading parameters (aiosmtpd's
 * `handle_RCPT(server, session, envelope, ...)` and `handle_DATA(server, session, envelope)`): the
 * protocol fixes those parameters, whichever each hook reads.
 */
function protocolFamily(fn: SgNode): boolean {
  const mine = paramNames(fn);
  if (mine.length < 2) return false;
  let container = fn.parent();
  if (container?.kind() === "decorated_definition") container = container.parent();
  // Only methods of one class or impl form a family; free functions sharing parameters do not.
  const owner = container?.kind() === "block" ? container.parent() : container?.parent();
  if (!container || !owner || !/^(class_definition|class_declaration|class|impl_item)$/.test(String(owner.kind()))) return false;
  for (const sib of container.children()) {
    const f = sib.kind() === "decorated_definition" ? sib.children().find((c) => c.kind() === "function_definition") : sib;
    if (!f || f.id() === fn.id() || !/function|method/.test(String(f.kind()))) continue;
    const theirs = paramNames(f);
    if (theirs.length >= 2 && theirs[0] === mine[0] && theirs[1] === mine[1]) return true;
  }
  return false;
}

/** Module-level functions of a file by their parameter list, counted once per file (a WeakMap on the root). */
const tables = new WeakMap<SgNode, Map<string, { id: number; name: string; body: string }[]>>();
const FREE_FUNCTION = /^(function_definition|function_declaration|function_item)$/;
const MODULE = /^(module|program|source_file)$/;

function freeFunctions(root: SgNode): Map<string, { id: number; name: string; body: string }[]> {
  let table = tables.get(root);
  if (table) return table;
  table = new Map();
  for (const top of root.children()) {
    const f = top.kind() === "decorated_definition" ? top.children().find((c) => c.kind() === "function_definition") : top.kind() === "export_statement" ? top.children().find((c) => FREE_FUNCTION.test(String(c.kind()))) : top;
    if (!f || !FREE_FUNCTION.test(String(f.kind()))) continue;
    const key = paramNames(f).join(",");
    if (!key.includes(",")) continue;
    const list = table.get(key) ?? [];
    list.push({ id: f.id(), name: nameOf(f), body: f.text() });
    table.set(key, list);
  }
  tables.set(root, table);
  return table;
}

/**
 * A table of implementations: the file defines the function's whole parameter list (two names or more, in order)
 * on three other module-level functions, none of them calling or naming another (ckan's auth functions, each
 * `(context, data_dict)`; navl validators `(key, data, errors, context)`; auth strategies; signal receivers). A
 * dispatcher picks one by name and hands every one the same arguments: each reads what it needs. A wrapper and
 * the action it hands over (`lock_thread` and `_lock_thread_action`) name each other and are no such table.
 */
function implementationTable(fn: SgNode): boolean {
  if (!FREE_FUNCTION.test(String(fn.kind()))) return false;
  let top: SgNode | null = fn;
  if (top.parent()?.kind() === "decorated_definition" || top.parent()?.kind() === "export_statement") top = top.parent();
  const root = top?.parent();
  if (!root || !MODULE.test(String(root.kind()))) return false;
  const key = paramNames(fn).join(",");
  const name = nameOf(fn);
  const peers = (freeFunctions(root).get(key) ?? []).filter((p) => p.id !== fn.id());
  const own = fn.text();
  return peers.filter((p) => !mentions(p.body, name) && !mentions(own, p.name)).length >= 3;
}

/** Does the text name this identifier (a call, a reference), as a whole word? */
const mentions = (text: string, name: string) => new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`).test(text);

/**
 * Two parameter lists a dispatcher fills alike: one is the other's start, two names or more in common
 * (baserow's `DATE_FILTER_OPERATOR_DELTA_MAP`: `(filterDate, filterValue)` beside `(filterDate, filterValue, timezone)`,
 * all called with the three): JavaScript drops the arguments a shorter list does not name.
 */
function samePositions(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  return n >= 2 && a.slice(0, n).join(",") === b.slice(0, n).join(",");
}

/**
 * The same table written as an object literal: the function is a property value (or method) of an object whose three
 * other function-valued properties share its parameter list (two names or more, in order; one list may stop short), none naming
 * another (Gladys's scene actions, `[ACTIONS.LIGHT.TURN_ON]: async (self, action, scope) => ..`, run as
 * `actionsFunc[action.type](self, action, scope)`): the dispatcher hands each the same arguments.
 */
function objectTable(fn: SgNode): boolean {
  const member = fn.kind() === "method_definition" ? fn : fn.parent()?.kind() === "pair" ? fn.parent()! : null;
  const object = member?.parent();
  if (!member || object?.kind() !== "object") return false;
  // Dispatched by key, not called by name: its keys are computed (`[ACTIONS.LIGHT.TURN_ON]`), or the file indexes the
  // object with a value and calls what it finds (`handlers[msg.type](..)`). A service object's named methods
  // (`accounts.credit(..)`) are each their own promise.
  const holder = object.parent()?.kind() === "variable_declarator" ? ((object.parent()!.field("name" as never) as SgNode | null)?.text() ?? "") : "";
  const computed = (m: SgNode) => ((m.field("key" as never) ?? m.field("name" as never)) as SgNode | null)?.kind() === "computed_property_name";
  const dispatched = object.children().filter((m) => m.kind() === "pair" || m.kind() === "method_definition").every(computed)
    || (indexedCalls(fn.getRoot().root()).get(holder)?.length ?? 0) > 0;
  if (!dispatched) return false;
  const ownNames = paramNames(fn);
  if (ownNames.length < 2) return false;
  const own = fn.text();
  const named = (text: string, n: string) => !!n && mentions(text, n);
  // A computed key (`[ACTIONS.X]`) is reached through the table, never called by a name.
  const keyOf = (m: SgNode) => /^[\w$]+$/.exec(((m.field("key" as never) ?? m.field("name" as never)) as SgNode | null)?.text() ?? "")?.[0] ?? "";
  let peers = 0;
  for (const m of object.children()) {
    if (m.id() === member.id()) continue;
    const f = m.kind() === "method_definition" ? m : m.kind() === "pair" ? (m.field("value" as never) as SgNode | null) : null;
    if (!f || !/^(arrow_function|function_expression|function|method_definition)$/.test(String(f.kind())) || !samePositions(paramNames(f), ownNames)) continue;
    if (named(f.text(), keyOf(member)) || named(own, keyOf(m))) continue;
    peers++;
  }
  return peers >= 3;
}

/**
 * A table filled by assignment and dispatched by key (cryptpad's `handlers['SHARE_PAD'] = function (ctx, box, data, cb)`,
 * called as `handlers[type](ctx, box, data, cb)`): the file indexes the holder with a value and calls what it finds, and
 * another assignment to the holder takes the same parameters. The dispatcher hands every entry one argument list.
 */
function assignedTable(fn: SgNode): boolean {
  const assign = fn.parent();
  const left = assign?.kind() === "assignment_expression" ? (assign.field("left" as never) as SgNode | null) : null;
  if (!left || !/^(subscript_expression|member_expression)$/.test(String(left.kind()))) return false;
  const holder = (left.field("object" as never) as SgNode | null)?.text() ?? "";
  const key = paramNames(fn).join(",");
  if (!/^[\w$]+$/.test(holder) || !key.includes(",")) return false;
  const tables = assignedTables(fn.getRoot().root());
  return tables.dispatched.has(holder) && (tables.lists.get(holder)?.filter((l) => l === key).length ?? 0) >= 2;
}

const indexCache = new WeakMap<object, Map<string, string[]>>();

/** Per file, once: each name the file indexes and calls what it finds (`handlers[msg.type](..)`), with the index texts. */
function indexedCalls(root: SgNode): Map<string, string[]> {
  let out = indexCache.get(root);
  if (out) return out;
  out = new Map();
  for (const m of root.text().matchAll(/(?<![\w$.])([\w$]+)\s*\[([^\]]+)\]\s*\(/g)) out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!]);
  indexCache.set(root, out);
  return out;
}

const tableCache = new WeakMap<object, { dispatched: Set<string>; lists: Map<string, string[]> }>();

/** Per file, once: the holders it calls by a value (`handlers[type](..)`), and each holder's assigned functions' parameter lists. */
function assignedTables(root: SgNode): { dispatched: Set<string>; lists: Map<string, string[]> } {
  let out = tableCache.get(root);
  if (out) return out;
  const text = root.text();
  // Indexed by a value, not a literal key (`handlers[type](..)`, not `handlers['x'](..)`).
  const dispatched = new Set([...indexedCalls(root)].filter(([, keys]) => keys.some((k) => /^\s*[A-Za-z_$]/.test(k))).map(([h]) => h));
  const lists = new Map<string, string[]>();
  for (const m of text.matchAll(/(?<![\w$.])([\w$]+)\s*(?:\[[^\]\n]+\]|\.[\w$]+)\s*=\s*(?:async\s+)?(?:function\s*[\w$]*\s*\(([^)]*)\)|\(([^)]*)\)\s*=>)/g)) {
    if (!dispatched.has(m[1]!)) continue;
    const list = (m[2] ?? m[3] ?? "").split(",").map((p) => p.trim().replace(/\s*[:=].*$/, "")).join(",");
    lists.set(m[1]!, [...(lists.get(m[1]!) ?? []), list]);
  }
  tableCache.set(root, (out = { dispatched, lists }));
  return out;
}

/**
 * A signal receiver by the protocol's shape (Django's and blinker's `def handler(sender, instance, **kwargs)`): the
 * dispatcher passes `sender` first and everything else by keyword, so each receiver reads what it needs; a
 * receiver keyed on the instance leaves `sender` unread by design (shuup's cache bumps, wger's and taiga's handlers).
 */
function signalReceiver(fn: SgNode, lang: RuleLanguage): boolean {
  if (lang !== "python" || paramNames(fn)[0] !== "sender") return false;
  return /\*\*\s*\w+/.test((fn.field("parameters" as never) as SgNode | null)?.text() ?? "");
}

const CLASS_KINDS = /^(class_definition|class_declaration|abstract_class_declaration|class)$/;

/** The class a method is defined in (through a decorator and the class body), or null for other functions. */
export function classOf(fn: SgNode): SgNode | null {
  let n = fn.parent();
  if (n?.kind() === "decorated_definition") n = n.parent();
  const cls = n?.parent();
  return n && /^(block|class_body)$/.test(String(n.kind())) && cls && CLASS_KINDS.test(String(cls.kind())) ? cls : null;
}

/**
 * Duck-typed conformance: another class of the file defines a method of the same name with the same
 * parameter list (Strawberry's `resolve_type(cls, obj, info)` on each union mixin, a `render(self, value,
 * ctx)` on every widget class): a protocol someone else calls, whichever parameters each one reads. Two
 * methods of one class (overloads) are no such evidence, nor are two constructors (`__init__(self, url,
 * timeout)` on two clients: each is called through its own class).
 */
function siblingClassImplements(fn: SgNode): boolean {
  const own = classOf(fn);
  if (!own) return false;
  const name = nameOf(fn);
  const mine = paramNames(fn).join(",");
  // A constructor is called through its own class's name, never through a protocol.
  if (!name || !mine || name === "__init__" || name === "constructor") return false;
  // Cheap text question first: a second definition needs the name defined twice (`def name(`, `name(` in TS).
  const id = name.replace(/\$/g, "\\$");
  const defs = own.getRoot().root().text().match(new RegExp(String(fn.kind()) === "function_definition" ? `\\bdef\\s+${id}\\s*\\(` : `(?<![\\w$.])${id}\\s*(<[^>]*>\\s*)?\\(`, "g"));
  if ((defs?.length ?? 0) < 2) return false;
  return own.getRoot().root().findAll({ rule: { kind: String(fn.kind()), has: { field: "name", regex: `^${id}$` } } })
    .some((f) => f.id() !== fn.id() && classOf(f) !== null && classOf(f)!.id() !== own.id() && paramNames(f).join(",") === mine);
}

/**
 * Names a web framework calls by their export, handing what its own signature says: Next.js's page data functions
 * (`getServerSideProps(context)`, `getStaticProps`, `getStaticPaths`, `getInitialProps`) and App Router metadata
 * (`generateMetadata({ params }, parent)`, `generateStaticParams`, `generateViewport`), Remix's and React Router's
 * `loader`/`action`/`meta`/`links`/`headers`, SvelteKit's `load`. The framework fixes the arguments; a page that
 * needs none of them still takes them.
 */
const FRAMEWORK_EXPORTS = /^(getServerSideProps|getStaticProps|getStaticPaths|getInitialProps|generateMetadata|generateStaticParams|generateViewport|generateImageMetadata)$/;

/**
 * Names only a routing framework gives meaning to (`load`, `loader`, `action`, `meta`): read so only in a file that
 * imports that framework (Remix, React Router, SvelteKit and its generated `./$types`, Next.js); a library's
 * `export function load(path, options)` is its own API.
 */
const ROUTE_FILE_EXPORTS = /^(loader|clientLoader|action|clientAction|meta|links|headers|load)$/;
const ROUTE_FRAMEWORK = /\bfrom\s+["'](@remix-run\/[\w-]+|react-router(-dom)?|@sveltejs\/kit|\.\/\$types|next(\/[\w/-]+)?)["']/;

function frameworkExport(fn: SgNode): boolean {
  const k = fn.kind();
  const name = k === "function_declaration" ? nameOf(fn) : fn.parent()?.kind() === "variable_declarator" ? nameOf(fn.parent()) : "";
  const named = FRAMEWORK_EXPORTS.test(name) || (ROUTE_FILE_EXPORTS.test(name) && ROUTE_FRAMEWORK.test(fn.getRoot().root().text()));
  return named && tsPublic(fn);
}

/** Vuex's positional slots: an action's context, a getter's `(state, getters, rootState, rootGetters)`, a mutation's state. */
const VUEX_SLOTS: Record<"actions" | "getters" | "mutations", RegExp[]> = {
  actions: [/^(context|store|ctx)$/],
  getters: [/^state$/, /^getters$/, /^rootState$/, /^rootGetters$/],
  mutations: [/^state$/],
};
const VUEX_ROLE = /^(actions|getters|mutations)$/;

/** What Vuex mounts the function as: a member of an object bound to `actions`/`getters`/`mutations`, or an export of a module file named so. */
function vuexRole(fn: SgNode, path: string): keyof typeof VUEX_SLOTS | null {
  const holder = fn.kind() === "method_definition" ? fn.parent() : fn.parent()?.kind() === "pair" ? fn.parent()?.parent() : null;
  if (holder?.kind() === "object") {
    const p = holder.parent();
    const key = p?.kind() === "pair" ? (p.field("key" as never) as SgNode | null)?.text() : p?.kind() === "variable_declarator" ? (p.field("name" as never) as SgNode | null)?.text() : "";
    const role = /^["']?(actions|getters|mutations)["']?$/.exec(key ?? "")?.[1];
    if (role) return role as keyof typeof VUEX_SLOTS;
  }
  const exported = fn.kind() === "function_declaration" ? fn.parent()?.kind() === "export_statement" : fn.parent()?.kind() === "variable_declarator" && fn.parent()?.parent()?.parent()?.kind() === "export_statement";
  // ... in a file that is a Vuex module's: it commits, dispatches or reads the root state somewhere (a retail app's
  // `actions/inventoryActions.js` taking a `store` that is a shop is not).
  if (!exported || !/\b(commit|dispatch)\s*\(|\{\s*(commit|dispatch|state|rootState|getters)\b|\brootState\b|\brootGetters\b|\bvuex\b/.test(fn.getRoot().root().text())) return null;
  const parts = path.split("/");
  const stem = (parts[parts.length - 1] ?? "").replace(/\.[cm]?[jt]sx?$/, "");
  const role = (VUEX_ROLE.exec(stem) ?? /(?:^|[a-z])(Actions|Getters|Mutations)$/.exec(stem) ?? VUEX_ROLE.exec(parts[parts.length - 2] ?? ""))?.[1]?.toLowerCase();
  return role ? (role as keyof typeof VUEX_SLOTS) : null;
}

/**
 * A parameter in one of the places Vuex fills (kolibri's `export function cancelTask(store, taskId)` in
 * `actions/taskActions.js`, a getter's `(state, getters, rootState, rootGetters)` that reads only `rootGetters`,
 * baserow's `actions: { rowMatchesFilters(context, { view, row }) }`): the store hands them by position, named as
 * Vuex names them. A payload the function declares is its own.
 */
export function vuexSlot(fn: SgNode, name: string, index: number, path: string): boolean {
  const role = path ? vuexRole(fn, path) : null;
  return !!role && !!VUEX_SLOTS[role][index]?.test(name);
}

/**
 * How far something outside the function fixes its parameter list. `imposed`: a framework's handler or
 * middleware signature, a view (`request` first), an interface or trait it implements, a base method
 * it overrides, a protocol (Python dunders, a family of sibling hooks): parameters may go unread by
 * design. `registered`: a framework registers it (decorators, attribute macros) and fixes the parameters
 * it passes, but a parameter with a default value is the function's own option (no caller must pass it).
 * `maybe`: a Go method may implement an interface the floor cannot see: only parameters named for an
 * option, a bound or a secret are promises there.
 */
export function conformance(fn: SgNode, lang: RuleLanguage): "imposed" | "registered" | "maybe" | null {
  if (lang === "typescript" && frameworkExport(fn)) return "imposed";
  if (hasMiddlewareSignature(fn, lang) || protocolFamily(fn) || implementationTable(fn) || objectTable(fn) || assignedTable(fn) || signalReceiver(fn, lang)) return "imposed";
  const own = declaredConformance(fn, lang);
  // Asked last (it walks the file): only when nothing cheaper already imposes the signature.
  if (own !== "imposed" && own !== "maybe" && (lang === "python" || lang === "typescript") && siblingClassImplements(fn)) return "imposed";
  return own;
}

/** What the function's own declaration says: an override, a decorator, a base class, a dunder, a trait impl. */
function declaredConformance(fn: SgNode, lang: RuleLanguage): "imposed" | "registered" | "maybe" | null {
  if (lang === "typescript") {
    if (fn.children().some((c) => c.text() === "override")) return "imposed";
    if (fn.children().some((c) => c.kind() === "decorator")) return "registered";
    const cls = fn.kind() === "method_definition" ? fn.parent()?.parent() : null;
    return cls && cls.children().some((c) => c.kind() === "class_heritage") ? "imposed" : null;
  }
  if (lang === "python") {
    const parent = fn.parent();
    if (parent?.kind() === "decorated_definition" && parent.children().some((d) => d.kind() === "decorator" && !PY_PLAIN_DECORATOR.test(d.text()))) return "registered";
    const name = nameOf(fn);
    if (/^__\w+__$/.test(name) && name !== "__init__") return "imposed";
    if (/^(request|req)$/.test(paramNames(fn)[0] ?? "")) return "imposed";
    const owner = pyOwner(fn);
    return pyBases(owner).replace(/[()\s]|object|metaclass\s*=\s*\w+/g, "") !== "" ? "imposed" : null;
  }
  if (lang === "go") return fn.kind() === "method_declaration" ? "maybe" : null;
  if (rustInTraitImpl(fn)) return "imposed";
  return rustAttributes(fn).some((a) => !RS_PLAIN_ATTRIBUTE.test(a)) ? "registered" : null;
}
