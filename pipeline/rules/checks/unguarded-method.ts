// unwired-auth on a class whose methods a framework mounts as commands or handlers: the class is handed over as a
// value (`fire.Fire(OpsCLI)`, `api.add_resource(Accounts, ..)`), some methods carry a guard decorator, and a
// sibling method that destroys state carries none.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { failsOnCondition } from "./credential-check";
import { fileGuards, SUBJECT } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { definitionText } from "./unguarded-dispatch";

const field = (n: SgNode | null | undefined, name: string): SgNode | null => (n ? (n.field(name as never) as SgNode | null) : null);

/** The class's methods with their decorators' bare names (`@ops.require_operator(..)` -> `require_operator`). */
function methodsOf(cls: SgNode): { def: SgNode; name: string; decorators: string[] }[] {
  return (field(cls, "body")?.children() ?? []).flatMap((c) => {
    const def = c.kind() === "decorated_definition" ? field(c, "definition") : c;
    if (def?.kind() !== "function_definition") return [];
    const decorators = c.kind() === "decorated_definition" ? c.children().filter((d) => d.kind() === "decorator").map((d) => d.text().replace(/^@\s*/, "").replace(/\(.*$/s, "").replace(/^.*\./, "")) : [];
    return [{ def, name: field(def, "name")?.text() ?? "", decorators }];
  });
}

/** Builtins that take a class to inspect it or reach its base (`super(Cls, self)`, `isinstance(x, Cls)`), not to mount it. */
const INSPECTS = /^(super|isinstance|issubclass|type|getattr|hasattr|setattr|vars|dir|repr|str|id|print|cast)$/;

/** Is the class handed to a call as a value (the class, or an instance made on the spot)? That call mounts its methods. */
function mountedAsValue(root: SgNode, name: string): boolean {
  return root.findAll({ rule: { kind: "argument_list" } }).some((args) => !INSPECTS.test(field(args.parent(), "function")?.text() ?? "") && args.namedChildren().some((a) => {
    const v = a.kind() === "keyword_argument" ? field(a, "value") : a;
    return v?.text() === name || (v?.kind() === "call" && field(v, "function")?.text() === name && (field(v, "arguments")?.namedChildren().length ?? 0) === 0);
  }));
}

/** A method named as a question (`has_delete_permissions`, `can_remove`) answers whether an action is allowed; it is the check. */
const QUESTION = /^(has|is|can|may|should|allows?)_/;

/** A body of only a docstring and `pass`/`...`: what runs comes from the method's decorator (`@augment_method_from(Base)`). */
function bodyless(def: SgNode): boolean {
  return (field(def, "body")?.namedChildren() ?? []).every((s) => s.kind() === "pass_statement" || s.kind() === "comment"
    || (s.kind() === "expression_statement" && /^(string|ellipsis)$/.test(String(s.namedChildren()[0]?.kind() ?? ""))));
}

/**
 * Names bound in the function to a collection it builds (`xs = list(child_resources)`, `seen = {}`): removing from one
 * destroys nothing, unless the function saves the collection back (`role.permissions.set(granted)`).
 */
function localCollections(def: SgNode): Set<string> {
  return new Set(def.findAll({ rule: { kind: "assignment" } }).flatMap((a) => {
    const left = field(a, "left"); const right = field(a, "right");
    if (left?.kind() !== "identifier" || !right) return [];
    const built = /^(list|dictionary|set|list_comprehension|dictionary_comprehension|set_comprehension)$/.test(String(right.kind()))
      || (right.kind() === "call" && /^(list|dict|set|sorted|copy\.copy|copy\.deepcopy)$/.test(field(right, "function")?.text() ?? ""));
    return built ? [left.text()] : [];
  }).filter((name) => !new RegExp(`\\.(set|save|update|put|write|store|assign|replace|bulk_\\w+|delete)\\s*\\([^)]*(?<![\\w.])${name}(?![\\w])`).test(def.text())));
}

/** The bare names the method calls, leaving out calls on a collection it built itself. */
function callees(def: SgNode): string[] {
  const local = localCollections(def);
  return def.findAll({ rule: { kind: "call" } }).flatMap((c) => {
    const fn = field(c, "function");
    if (fn?.kind() === "attribute" && local.has(field(fn, "object")?.text() ?? "")) return [];
    return [(fn?.text() ?? "").replace(/^.*\./, "")];
  });
}

/**
 * Reported: a public method whose name or callees say it destroys state (delete, purge, drop, ...) with no
 * guard decorator, in a class handed to a call as a value (a framework mounts its methods) where a sibling
 * method carries one. A decorator is a guard when it is a guard of the file or the vocabulary, or when its
 * name states a requirement and it names who is asking, or its same-file body reads who is asking and fails.
 * Not reported: private (`_`) methods, classes no call receives (`super(Cls, self)` and `isinstance` do not mount),
 * classes with no guarded method, methods named as a question (`has_delete_permissions`), decorated methods whose body
 * is only a docstring, and removals from a collection the method built itself.
 */
export function unguardedMethodCheck(ctx: CheckContext): Hit[] {
  const { node, params } = ctx;
  const name = field(node, "name")?.text();
  const root = node.getRoot().root();
  if (!name || !mountedAsValue(root, name)) return [];
  const { names: [, verb = /(?!)/], isGuard } = fileGuards(ctx);
  const guard = (d: string) => isGuard(d) || (verb.test(d) && (SUBJECT.test(d) || (() => { const t = definitionText(root, d); return SUBJECT.test(t) && failsOnCondition(t); })()));
  const methods = methodsOf(node).filter((m) => !m.name.startsWith("_"));
  const guarded = methods.find((m) => m.decorators.some(guard));
  if (!guarded) return [];
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  return methods.filter((m) => m !== guarded && !m.decorators.some(guard) && !QUESTION.test(m.name) && !(m.decorators.length > 0 && bodyless(m.def))
    && destructive.test(`${m.name} ${callees(m.def).join(" ")}`))
    .map((m) => ({ region: regionOf(field(m.def, "name") ?? m.def), message: `${name}.${m.name} destroys state without the ${guarded.decorators.find(guard)} decorator its sibling ${guarded.name} carries, and ${name} is mounted as a whole` }));
}
