// unwired-auth among the methods of one service implementation: a Rust `impl Trait for Type` whose methods each
// take the caller's request (tonic's `Request<T>`), or Go handlers of one type sharing a signature (Dapr's `(ctx,
// in *common.InvocationEvent)`), where most call one check (`self.auth.authorize(&request, Role::Reader)?`,
// `h.requireCaller(ctx, ..)`) and one that writes calls none (arrow-flight's `do_put` beside guarded `do_get`). The
// implementation's own convention is the evidence.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { fileGuards, makesAccessDecision, namesSubject, refusesItself } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { type AnchoredHit, hitsAt } from "./judged-once";
import { OPEN_BY_DESIGN } from "./unguarded-route";

const field = (n: SgNode | null | undefined, name: string): SgNode | null => (n ? (n.field(name as never) as SgNode | null) : null);

/**
 * A parameter carrying the caller's request: typed `Request<..>` (tonic, `S3Request<..>`), or named for one. A `_`-named
 * one says the method never looks at it (an allow-all default, a stub): not one of the convention's members.
 */
const REQUEST_PARAM = /(^|[(,]\s*)(mut\s+)?(request|req)\s*:|[(,]\s*(mut\s+)?[a-z]\w*\s*:\s*(&(mut\s+)?)?(tonic::)?\w*Request\s*</;

/** A body that only answers an error (`Err(Status::unimplemented(".."))`, Go's `return nil, status.Error(..)`): nothing runs to guard. */
const ONLY_ERROR = /^\{\s*(return\s+)?Err\([\s\S]*\)\s*;?\s*\}$|^\{\s*return\s+(nil\s*,\s*)?[\w.]*(Error|Errorf|New|Newf)\([^\n]*\)\s*\}$/;

/** The last segment of each function a body calls (`self.auth.authorize(..)` -> `authorize`). */
function calleesOf(body: SgNode): string[] {
  return body.findAll({ rule: { kind: "call_expression" } }).map((c) => (field(c, "function")?.text() ?? "").replace(/^[\s\S]*(\.|::)/, ""));
}

interface Method { def: SgNode; name: string; body: SgNode | null; calls?: Set<string> }

/** Rust: the methods of each trait impl (the matched methods grouped by their impl) that take the caller's request. */
function rustMethods(defs: SgNode[]): Method[][] {
  const groups = new Map<number, Method[]>();
  for (const def of defs) {
    const impl = def.parent()?.parent();
    if (impl?.kind() !== "impl_item" || !field(impl, "trait")) continue;
    const m = { def, name: field(def, "name")?.text() ?? "", body: field(def, "body") };
    if (!m.body || !REQUEST_PARAM.test(field(def, "parameters")?.text() ?? "")) continue;
    const key = impl.range().start.index;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()];
}

/**
 * Go: the methods of one receiver type sharing one parameter list that starts with a context or a request (a Dapr
 * service's `(ctx context.Context, in *common.InvocationEvent)`, an RPC handler's `(ctx, req)`): handlers a framework
 * calls alike.
 */
function goMethods(defs: SgNode[]): Method[][] {
  const groups = new Map<string, Method[]>();
  for (const def of defs.filter((c) => c.kind() === "method_declaration")) {
    const recv = /(\w+)\s*\)\s*$/.exec(field(def, "receiver")?.text() ?? "")?.[1] ?? "";
    const params = field(def, "parameters")?.text() ?? "";
    // Exported methods, or unexported ones handed the framework's request after the context (mcp-go's
    // `(ctx context.Context, request mcp.CallToolRequest)`, registered as `s.AddTool(tool, h.suspendAccount)`): an
    // unexported method taking plain values is a step its guarded callers take.
    const name = field(def, "name")?.text() ?? "";
    const exported = /^[A-Z]/.test(name);
    const handed = /^\(\s*\w+\s+context\.Context\s*,\s*\w+\s+\*?\w+\.\w*(Request|Event)\s*\)$/.test(params.replace(/\s+/g, " "));
    if (!recv || !(exported || handed) || !/^\(\s*\w+\s+(context\.Context|\*?http\.Request|\*?\w+\.Request|micro\.Request)\b/.test(params)) continue;
    // ... and not one another method of the file calls (`h.removeRecord(ctx, req)` inside a guarded handler): a step.
    if (!exported && defs.some((o) => o.id() !== def.id() && new RegExp(`\\.${name}\\s*\\(`).test(field(o, "body")?.text() ?? ""))) continue;
    // The parameter types, names left out: `(ctx context.Context, in *common.InvocationEvent)` -> `context.Context,*common.InvocationEvent`.
    const types = params.replace(/^\(|\)$/g, "").split(",").map((p) => p.trim().replace(/^\w+\s+/, "")).join(",");
    const key = `${recv}(${types})`;
    groups.set(key, [...(groups.get(key) ?? []), { def, name, body: field(def, "body") }]);
  }
  return [...groups.values()];
}

/**
 * Reported: a method of a service implementation whose name or callees say it writes (`params.writes`), that takes
 * the request and never calls the check three or more of its siblings (more than half of them) call. Siblings are a
 * Rust trait impl's request-taking methods, or a Go receiver type's methods sharing one handler signature. Not
 * reported: names open by design (handshake, sign-in, health), a body that only answers an error (a stub), a method
 * that calls any guard of the file or vocabulary itself.
 */
export const serviceImplGuardCheck = (ctx: CheckContext): Hit[] => hitsAt(ctx, judgeMethods);

function judgeMethods(ctx: CheckContext, defs: SgNode[]): AnchoredHit[] {
  const { isGuard, names } = fileGuards(ctx);
  const verb = names[1] ?? /(?!)/;
  const guardName = (n: string) => isGuard(n) || (verb.test(n) && namesSubject(n));
  const writes = new RegExp(param(ctx.params, "writes", "(?!)"), "i");
  const groups = ctx.rule.language === "go" ? goMethods(defs) : rustMethods(defs);
  const out: AnchoredHit[] = [];
  for (const group of groups) {
    // A stub (its body only answers an error) and an entry open by design (the handshake that issues the token) are
    // not the convention's members.
    const methods = group.filter((m) => m.body && !ONLY_ERROR.test(m.body.text().trim()) && !OPEN_BY_DESIGN.test(m.name) && !/^handshake$/i.test(m.name))
      .map((m) => ({ ...m, calls: new Set(calleesOf(m.body!)) }));
    if (methods.length < 4) continue;
    const tally = new Map<string, number>();
    for (const m of methods) for (const c of m.calls) if (guardName(c)) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [guard, count] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    if (count < 3 || count * 2 <= methods.length) continue;
    for (const m of methods) {
      // A method that calls a guard of its own, or decides by itself (`if !h.isAdmin(ctx) { return .. PermissionDenied }`).
      if ([...m.calls].some(guardName) || makesAccessDecision(m.body!.text()) || refusesItself(m.body!.text())) continue;
      if (!writes.test(`${m.name} ${[...m.calls].join(" ")}`.replace(/([a-z0-9])([A-Z])/g, "$1_$2"))) continue;
      out.push({ at: m.def.range().start.index, region: regionOf(field(m.def, "name") ?? m.def), message: `${m.name} takes the request and never calls ${guard}, which ${count} of its ${methods.length - 1} sibling methods call` });
    }
  }
  return out;
}
