// unwired-auth by order: a server object mounts a run of handlers one call at a time (`s.m(a); s.m(b); s.m(c)`),
// and middleware mounted that way wraps only what comes after it. A router mounted ahead of the guard, whose
// routes change state and are not authentication's own entry points, runs without it while a router mounted
// after it is guarded: the order, not any name, says which side of the guard each registration falls.
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp } from "../syntax";
import type { CheckContext } from "./check";
import { fileGuards } from "./guard-shape";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

interface Mount { stmt: SgNode; receiver: string; method: string; arg: SgNode }

/** A statement that is a one-argument method call on a plain receiver (`server.m(x)`, `app.m(build())`). */
function mountOf(stmt: SgNode): Mount | null {
  if (stmt.kind() !== "expression_statement") return null;
  const call = stmt.child(0);
  if (call?.kind() !== "call_expression") return null;
  const fn = call.field("function" as never) as SgNode | null;
  if (!fn || !/^(field_expression|member_expression|selector_expression)$/.test(String(fn.kind()))) return null;
  const receiver = ((fn.field("value" as never) ?? fn.field("object" as never) ?? fn.field("operand" as never)) as SgNode | null)?.text() ?? "";
  const method = ((fn.field("field" as never) ?? fn.field("property" as never)) as SgNode | null)?.text() ?? "";
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  if (!/^[\w$]+$/.test(receiver) || !method || args.length !== 1) return null;
  return { stmt, receiver, method, arg: args[0]! };
}

/** The name a mounted argument is known by: a call's callee or a path's last segment (`middleware::require_key`). */
const mountedName = (arg: SgNode): string =>
  (arg.kind() === "call_expression" ? ((arg.field("function" as never) as SgNode | null)?.text() ?? "") : arg.text()).replace(/^[\s\S]*(\.|::)/, "");

/** The body of the file's function that builds what a mount names (`admin_router()` → its definition's body). */
function builderBody(root: SgNode, arg: SgNode, kind: string): string | null {
  if (arg.kind() !== "call_expression") return null;
  const name = mountedName(arg);
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  const def = root.find({ rule: { kind, has: { field: "name", regex: `^${escapeRegExp(name)}$` } } } as never);
  const body = def ? (def.field("body" as never) as SgNode | null) : null;
  return body?.text() ?? null;
}

/** Routes a builder registers (`r.post("/x", h)`, `r.Delete("/x", h)`): verb and path. */
function routesIn(body: string): { verb: string; path: string }[] {
  return [...body.matchAll(/\.\s*(get|post|put|patch|delete|del)\s*\(\s*["'`](\/[^"'`]*)["'`]/gi)].map((m) => ({ verb: m[1]!.toUpperCase(), path: m[2]! }));
}

/**
 * Reported: a router built by a function of the file, mounted on a server object ahead of a guard the same
 * object mounts in the same run of one-argument calls, where a router mounted after the guard registers routes
 * too (the guard is meant for the routers behind it) and the early router registers a state-changing route that
 * is not an entry point of authentication, a webhook or a probe. Its builder naming a guard itself is its own
 * protection and is not reported.
 */
export function mountedBeforeGuardCheck(ctx: CheckContext): Hit[] {
  // The rule matches one mount (`s.m(build())`); the run is read from the statements around it.
  const { node } = ctx;
  const stmts = node.parent()?.namedChildren() ?? [];
  const mounts = stmts.map(mountOf).filter((m): m is Mount => !!m);
  if (mounts.length < 3) return [];
  const { isGuard } = fileGuards(ctx);
  const root = node.getRoot().root();
  const kind = ctx.rule.language === "rust" ? "function_item" : "function_declaration";
  const out: Hit[] = [];
  for (const key of new Set(mounts.map((m) => `${m.receiver}.${m.method}`))) {
    const run = mounts.filter((m) => `${m.receiver}.${m.method}` === key);
    const g = run.findIndex((m) => isGuard(mountedName(m.arg)));
    if (g <= 0) continue;
    const guard = mountedName(run[g]!.arg);
    const routed = (m: Mount) => { const b = builderBody(root, m.arg, kind); return b ? routesIn(b) : []; };
    if (!run.slice(g + 1).some((m) => routed(m).length > 0)) continue;
    for (const m of run.slice(0, g).filter((m) => m.stmt.id() === node.id())) {
      const body = builderBody(root, m.arg, kind);
      if (!body || [...body.matchAll(/[A-Za-z_$][\w$]*/g)].some((w) => isGuard(w[0]))) continue;
      const open = routesIn(body).filter((r) => /^(POST|PUT|PATCH|DELETE|DEL)$/.test(r.verb) && !OPEN_BY_DESIGN.test(r.path));
      if (!open.length) continue;
      out.push({ region: regionOf(m.stmt), message: `${mountedName(m.arg)} is mounted on ${m.receiver} before ${guard} (line ${run[g]!.stmt.range().start.line + 1}), which guards only what is mounted after it: ${open[0]!.verb} ${open[0]!.path} runs unauthenticated` });
    }
  }
  return out;
}
