// unwired-auth among TypeScript registration calls: a run of calls in one block that each register a named entry
// (a first argument that is a string: an IPC channel, a route, a command) with a handler, through one registrar
// (`guarded('admin:list-agents', h, { role: 'admin' })`, Fastify's `app.post('/x', { preHandler: requireAdmin }, h)`).
// Two shapes, each judged by the registrations' own convention (the Python counterpart is registration-guard.ts):
// - an option its siblings carry: two or more registrations pass an object whose keys or values name who may call
//   (`role`, `permission`, `scope`, a guard of the file), and one whose handler destroys state passes none;
// - a registrar its siblings avoid: the block registers through wrappers named for a guard (`trustedOnly(..)`,
//   `guarded(..)`, two or more times), and one registration calls a framework's registrar directly
//   (`ipcMain.handle('settings:set-backend-url', ..)`), so the wrappers' check never runs for it.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { fileGuards, guardIsTheException, makesAccessDecision, namesSubject, sharesCarriersAudience } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

interface Registration { call: SgNode; args: SgNode[]; registrar: string; name: string; handler: SgNode | null; option: string | null }

const field = (n: SgNode | null | undefined, name: string): SgNode | null => (n ? (n.field(name as never) as SgNode | null) : null);
const STRING = /^(string|template_string)$/;
const FUNCTION = /^(arrow_function|function_expression|function)$/;

/**
 * The keys and values of an object argument that name who may call (`{ role: 'admin' }`, `{ preHandler: requireAdmin }`),
 * or a guard handed between the name and the handler (Bolt's `app.action("deny_request", requireRole("approver"),
 * deny(deps))`, Express's `router.post("/x", requireAdmin, h)`).
 */
function optionOf(args: SgNode[], isGuard: (n: string) => boolean): string | null {
  for (const a of args.slice(0, -1)) {
    const callee = a.kind() === "call_expression" ? field(a, "function")?.text() : a.kind() === "identifier" || a.kind() === "member_expression" ? a.text() : undefined;
    if (callee && /^[\w$.]+$/.test(callee) && isGuard(callee.replace(/^.*\./, ""))) return a.text().slice(0, 60);
  }
  // ... or in the definition its handler returns (Pothos: `builder.mutationField("x", (t) => t.field({ authScopes: .., resolve }))`).
  const defined = args.flatMap((a) => {
    const body = FUNCTION.test(String(a.kind())) ? field(a, "body") : null;
    return body?.kind() === "call_expression" ? field(body, "arguments")?.namedChildren().filter((o) => o.kind() === "object") ?? [] : [];
  });
  for (const a of [...args, ...defined]) {
    if (a.kind() !== "object") continue;
    for (const pair of a.namedChildren().filter((p) => p.kind() === "pair")) {
      const key = (field(pair, "key")?.text() ?? "").replace(/["'`]/g, "");
      const value = field(pair, "value")?.text() ?? "";
      // A key naming who may call (`role`, `permissions`, `scope`) carries a guard whatever its value; a hook key
      // (`preHandler`, `onRequest`) only when its value is a guard (`upload.single("photo")` is multer, not a check).
      const names = value.match(/[A-Za-z_$][\w$]*/g) ?? [];
      if (/^(roles?|permissions?|scopes?|requires?|guards?|authori[sz]ations?|authScopes|auth)$/i.test(key) || names.some((n) => isGuard(n))) return `${key}: ${value}`.slice(0, 60);
    }
  }
  return null;
}

/** The arguments of a statement's call whose first argument is a string and which hands something more (what the rule matched), or null. */
function registrationArgs(st: SgNode): SgNode[] | null {
  const call = st.kind() === "expression_statement" ? st.namedChildren()[0] : undefined;
  if (call?.kind() !== "call_expression") return null;
  const args = field(call, "arguments")?.namedChildren().filter((a) => !/comment/.test(String(a.kind()))) ?? [];
  return args.length >= 2 && STRING.test(String(args[0]!.kind())) ? args : null;
}

function registrationsOf(block: SgNode): Registration[] {
  const out: Registration[] = [];
  for (const st of block.namedChildren()) {
    const args = registrationArgs(st);
    if (!args) continue;
    const call = st.namedChildren()[0]!;
    const registrar = field(call, "function")?.text() ?? "";
    if (!/^[\w$.]+$/.test(registrar)) continue;
    const handler = args.slice(1).find((a) => FUNCTION.test(String(a.kind()))) ?? null;
    out.push({ call, args, registrar, name: args[0]!.text().replace(/^["'`]|["'`]$/g, ""), handler, option: null });
  }
  return out;
}

/** A registration named for reading (`getSettings`, `list-agents`, `events:search`): open reads are a choice. */
const READ_NAME = /(^|[:/._-])(get|list|find|search|read|show|fetch|count|view|query|lookup|health|status|info|version)(?![a-z])/i;

/** What the handler calls (its callees' last names), for the destructive test. */
const callees = (h: SgNode | null): string => (h ? h.findAll({ rule: { kind: "call_expression" } }).map((c) => (field(c, "function")?.text() ?? "").replace(/^.*\./, "")).join(" ") : "");

/**
 * Reported: a registration carrying none of the options two or more sibling registrations of the same registrar
 * carry, whose name or inline handler says it destroys state; and a direct registration on a framework's registrar
 * (a member call: `ipcMain.handle`) in a block that registers two or more times through wrappers named for a guard,
 * whose inline handler changes something (it takes an argument beyond the event). Not reported: names open by design
 * (sign-in, webhooks, probes), a handler that decides access itself or calls a check its wrapped siblings' wrapper
 * names (`isTrustedSender(event)`).
 */
export function tsRegistrationGuardCheck(ctx: CheckContext): Hit[] {
  // The rule matches each registration statement; its block is read once, from the block's first registration.
  const block = ctx.node.parent();
  if (!block) return [];
  // Only the block's first statement that could register reads the block: the others leave at once.
  const first = block.namedChildren().find((st) => registrationArgs(st) !== null);
  if (first?.id() !== ctx.node.id()) return [];
  const found = registrationsOf(block);
  if (found.length < 3) return [];
  const { isGuard, names } = fileGuards(ctx);
  const verb = names[1] ?? /(?!)/;
  const destructive = new RegExp(param(ctx.params, "destructive", "(?!)"), "i");
  // A guard by the file's own reading, or by its name: a guard verb and who is asking (`requireRole`, `ensureAdmin`).
  const guardLike = (n: string) => isGuard(n) || (verb.test(n) && namesSubject(n));
  const regs = found.map((r) => ({ ...r, option: optionOf(r.args.slice(1), guardLike) }));
  const out: Hit[] = [];
  const decides = (r: Registration) => !!r.handler && (makesAccessDecision(r.handler.text()) || (r.handler.text().match(/[A-Za-z_$][\w$]*\s*\(/g) ?? []).some((c) => isGuard(c.replace(/\s*\($/, ""))));
  for (const registrar of new Set(regs.map((r) => r.registrar))) {
    const group = regs.filter((r) => r.registrar === registrar);
    const carrying = group.filter((r) => r.option);
    if (carrying.length < 2 || carrying.length === group.length) continue;
    const exception = guardIsTheException(carrying.length, group.length);
    for (const r of group.filter((g) => !g.option)) {
      if (exception && !sharesCarriersAudience(r.name, carrying.map((c) => c.name))) continue;
      // A camel-case name read word by word (`requestPasswordReset` is a password reset, authentication's own entry point).
      if (OPEN_BY_DESIGN.test(r.name) || OPEN_BY_DESIGN.test(r.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2")) || decides(r)) continue;
      // Where two thirds or more of three or more carry the option, carrying it is the registrar's convention: a
      // registration that is not a read breaks it whatever it changes (Pothos's `updateEventCapacity` beside four
      // mutations with `authScopes`). Otherwise only one that destroys state is held to the siblings' option.
      // A route (`/api/docs`) is the route checks' to judge, with what they know of routers and audiences.
      const convention = carrying.length >= 3 && carrying.length * 3 >= group.length * 2 && /mutation|command/i.test(registrar) && !READ_NAME.test(r.name) && !r.name.startsWith("/");
      if (!convention && !destructive.test(`${r.name} ${callees(r.handler)}`.replace(/([a-z0-9])([A-Z])/g, "$1_$2"))) continue;
      out.push({ region: regionOf(r.call), message: `'${r.name}' is registered with ${registrar} without the ${carrying[0]!.option} its sibling registrations carry (${carrying.length} of ${group.length}, line ${carrying[0]!.call.range().start.line + 1})` });
    }
  }
  // Wrappers named for a guard (`trustedOnly`, `guarded`, `requireAdmin`): bare functions the block registers through,
  // naming what they register as a channel or a route does (`settings:get`, `/admin/x`). A process or emitter event
  // (`process.on("unhandledRejection", ..)`, `webContents.on("did-fail-load", ..)`) names no such thing.
  const SEPARATOR = /^[\w.-]*[:/]/;
  const wrapped = regs.filter((r) => !r.registrar.includes(".") && SEPARATOR.test(r.name) && (verb.test(r.registrar) || isGuard(r.registrar) || namesSubject(r.registrar)));
  if (wrapped.length >= 2) {
    for (const r of regs.filter((g) => g.registrar.includes(".") && g.handler && SEPARATOR.test(g.name) && /\.(handle|handleOnce|on|once|register|command|route|get|post|put|patch|delete)$/.test(g.registrar))) {
      if (OPEN_BY_DESIGN.test(r.name) || decides(r)) continue;
      // The handler calls a predicate about the sender or caller (`isTrustedSender(event)`): it checks for itself.
      if (/\b(is|has|can)[A-Z_]\w*\s*\(\s*(event|e|evt|ctx|req|request|sender)\b/.test(r.handler!.text())) continue;
      const params = field(r.handler, "parameters")?.namedChildren().length ?? (field(r.handler, "parameter") ? 1 : 0);
      if (params < 2) continue;
      out.push({ region: regionOf(r.call), message: `'${r.name}' is registered on ${r.registrar} directly, outside the ${[...new Set(wrapped.map((w) => w.registrar))].join("/")} wrappers its ${wrapped.length} sibling registrations go through` });
    }
  }
  return out;
}
