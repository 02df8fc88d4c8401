// unwired-auth among registration calls: handlers registered by a run of calls to one registrar in one block
// (Slack Bolt's `app.command("/x", middleware=[require_admin])(handler)`, python-telegram-bot's
// `app.add_handler(CommandHandler("remove", admin.remove, filters=admins))`), where siblings carry a keyword that
// names who may call (`middleware=[require_admin]`, `filters=admins`, `dependencies=[Depends(require_admin)]`) and
// one whose handler destroys state carries none. The registrations' own convention is the evidence, as for decorated
// siblings (sibling-guard.ts); here the guard travels in the call, not in a decorator.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { fileGuards, makesAccessDecision, namesSubject } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

interface Registration { stmt: SgNode; registrar: string; handler: string; guard: string | null }

/**
 * `app.add_handler(..)`, `app.command("/x")(h)`: the registrar is the innermost callee path (`app.command`); a bare
 * function registers too when its name says so (Home Assistant's `async_register_admin_service(hass, DOMAIN, ..)`).
 */
function registrarOf(call: SgNode): string | null {
  let node: SgNode | null = call;
  while (node?.kind() === "call") {
    const fn = node.field("function" as never) as SgNode | null;
    if (fn?.kind() === "attribute") return fn.text();
    if (fn?.kind() === "identifier") return /(^|_)(register|add|route|command)(_|$)/i.test(fn.text()) ? fn.text() : null;
    node = fn;
  }
  return null;
}

/** The words of a registrar's own name (`hass.services.async_register` → async, register). */
const registrarWords = (registrar: string): string[] => registrar.replace(/^.*\./, "").split(/_+|(?<=[a-z0-9])(?=[A-Z])/).map((w) => w.toLowerCase()).filter(Boolean);

/**
 * Registrars whose name carries the guard (`async_register_admin_service`) beside a plain one whose words it contains
 * (`hass.services.async_register`): the registration's access rule travels in which registrar is called. Maps each
 * plain registrar of the block to its guarded variant.
 */
function guardedVariants(registrars: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const guarded of registrars) {
    const words = registrarWords(guarded);
    if (!words.some((w) => namesSubject(w))) continue;
    for (const plain of registrars) {
      const own = registrarWords(plain);
      if (plain !== guarded && !own.some((w) => namesSubject(w)) && own.every((w) => words.includes(w))) out.set(plain, guarded);
    }
  }
  return out;
}

/** The keyword arguments anywhere in the registration whose value names who may call, or a guard of the file. */
function guardKeyword(stmt: SgNode, isGuard: (n: string) => boolean): string | null {
  for (const kw of stmt.findAll({ rule: { kind: "keyword_argument" } })) {
    const value = (kw.field("value" as never) as SgNode | null)?.text() ?? "";
    const names = value.match(/[A-Za-z_]\w*/g) ?? [];
    const hit = names.find((n) => isGuard(n) || namesSubject(n));
    if (hit) return hit;
  }
  return null;
}

/** The handler a registration hands over: the last bare or dotted name among the call's arguments (`admin.remove`). */
function handlerOf(stmt: SgNode): string | null {
  const refs = stmt.findAll({ rule: { any: [{ kind: "identifier" }, { kind: "attribute" }], inside: { kind: "argument_list" } } })
    .filter((n) => n.parent()?.kind() === "argument_list" && n.kind() !== "keyword_argument");
  const last = refs[refs.length - 1];
  return last ? last.text().replace(/^.*\./, "") : null;
}

/**
 * Reported: a registration of a handler whose name (or, defined in this file, whose callees) says it destroys state,
 * carrying no guard keyword, in a block where at least two registrations to the same registrar carry one. Not
 * reported: open-by-design handlers (login, webhooks, probes) and a same-file handler that decides access itself.
 * A handler defined in another file is asked at the scan's end (handler-decides.ts).
 */
export function registrationGuardCheck(ctx: CheckContext): Hit[] {
  const { node, params } = ctx;
  const { isGuard } = fileGuards(ctx);
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  const regs: Registration[] = [];
  for (const stmt of node.namedChildren()) {
    if (stmt.kind() !== "expression_statement") continue;
    const call = stmt.namedChildren()[0];
    if (call?.kind() !== "call") continue;
    const registrar = registrarOf(call);
    const handler = handlerOf(stmt);
    if (registrar && handler) regs.push({ stmt, registrar, handler, guard: guardKeyword(stmt, isGuard) });
  }
  const out: Hit[] = [];
  const root = node.getRoot().root();
  // One unguarded registration of a handler that destroys state: reported unless the handler decides access itself.
  const judge = (r: Registration, message: string) => {
    if (OPEN_BY_DESIGN.test(r.handler)) return;
    const def = root.find({ rule: { kind: "function_definition", has: { field: "name", regex: `^${r.handler}$` } } });
    const decorated = def?.parent()?.kind() === "decorated_definition" ? def.parent()!.text().slice(0, def.parent()!.text().indexOf("def ")) : "";
    if (def && (makesAccessDecision(def.text()) || (decorated.match(/[A-Za-z_]\w*/g) ?? []).some((n) => isGuard(n) || namesSubject(n)))) return;
    const callees = def ? (def.findAll({ rule: { kind: "call" } }).map((c) => ((c.field("function" as never) as SgNode | null)?.text() ?? "").replace(/^.*\./, "")).join(" ")) : "";
    if (!destructive.test(`${r.handler} ${callees}`.replace(/([a-z0-9])([A-Z])/g, "$1_$2"))) return;
    const hit: Hit = { region: regionOf(r.stmt), message };
    if (def) out.push(hit);
    else ctx.defer({ candidate: { name: r.handler, file: ctx.file.path, line: r.stmt.range().start.line, referenceIgnores: [], language: ctx.rule.language }, hit, keep: "unless-handler-decides" });
  };
  const registrars = [...new Set(regs.map((r) => r.registrar))];
  for (const registrar of registrars) {
    const group = regs.filter((r) => r.registrar === registrar);
    const guarded = group.filter((r) => r.guard);
    if (guarded.length < 2 || guarded.length === group.length) continue;
    for (const r of group.filter((g) => !g.guard)) {
      judge(r, `${r.handler} is registered on ${registrar} without the ${guarded[0]!.guard} its sibling registrations carry (${guarded.length} of ${group.length}, line ${guarded[0]!.stmt.range().start.line + 1})`);
    }
  }
  for (const [plain, variant] of guardedVariants(registrars)) {
    const guarded = regs.filter((r) => r.registrar === variant);
    if (guarded.length < 2) continue;
    for (const r of regs.filter((g) => g.registrar === plain && !g.guard)) {
      judge(r, `${r.handler} is registered with ${plain}, not with ${variant} as ${guarded.length} sibling registrations are (line ${guarded[0]!.stmt.range().start.line + 1})`);
    }
  }
  return out;
}
