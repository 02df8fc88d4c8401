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

/** Is the class handed to a call as a value (the class, or an instance made on the spot)? That call mounts its methods. */
function mountedAsValue(root: SgNode, name: string): boolean {
  return root.findAll({ rule: { kind: "argument_list" } }).some((args) => args.namedChildren().some((a) => {
    const v = a.kind() === "keyword_argument" ? field(a, "value") : a;
    return v?.text() === name || (v?.kind() === "call" && field(v, "function")?.text() === name && (field(v, "arguments")?.namedChildren().length ?? 0) === 0);
  }));
}

/**
 * Reported: a public method whose name or callees say it destroys state (delete, purge, drop, ...) with no
 * guard decorator, in a class handed to a call as a value (a framework mounts its methods) where a sibling
 * method carries one. A decorator is a guard when it is a guard of the file or the vocabulary, or when its
 * name states a requirement and it names who is asking, or its same-file body reads who is asking and fails.
 * Not reported: private (`_`) methods, classes no call receives, classes with no guarded method.
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
  const callees = (def: SgNode) => def.findAll({ rule: { kind: "call" } }).map((c) => (field(c, "function")?.text() ?? "").replace(/^.*\./, ""));
  return methods.filter((m) => m !== guarded && !m.decorators.some(guard) && destructive.test(`${m.name} ${callees(m.def).join(" ")}`))
    .map((m) => ({ region: regionOf(field(m.def, "name") ?? m.def), message: `${name}.${m.name} destroys state without the ${guarded.decorators.find(guard)} decorator its sibling ${guarded.name} carries, and ${name} is mounted as a whole` }));
}
