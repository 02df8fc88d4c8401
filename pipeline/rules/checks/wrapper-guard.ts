// unwired-auth among registrations whose handler goes through wrappers: a run of registration calls of one registrar
// (`route("POST", "/orgs/:orgId/seats", withUser(withOrgRole("owner", changeSeats)))`, NATS micro's
// `admin.AddEndpoint("refund", h.authed(auth.RoleAdmin, h.Refund), ..)`) where the writes go through a guard wrapper
// and one write does not (`withUser(cancel)`, `h.public(h.Void)`): the registrations' own convention is the evidence.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { namesSubject } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";
import { type AnchoredHit, hitsAt } from "./judged-once";
import { OPEN_BY_DESIGN } from "./unguarded-route";

const field = (n: SgNode | null | undefined, name: string): SgNode | null => (n ? (n.field(name as never) as SgNode | null) : null);
const STRING = /^(string|template_string|interpreted_string_literal|raw_string_literal)$/;
const WRITE_VERB = /^["'`](POST|PUT|PATCH|DELETE)["'`]$/i;
/**
 * A wrapper named for access whatever it checks (`SecurityCheck`, `AuthorizeHost`, `aclGuard`); a check of the payload
 * (`requireJSON`, express-validator's `checkSchema`) is no guard.
 */
const GUARD_NAME = /(Security|Access|Permission|Privilege|Authori[sz]|Authentic|Acl|ACL|Rbac|RBAC|Policy|Guard)|^(acl|rbac|guard|protect|authori[sz]|authentic)/;

interface Registration { call: SgNode; registrar: string; strings: string[]; wrappers: string[]; guards: string[]; handler: string }

const argsOf = (call: SgNode): SgNode[] => (field(call, "arguments")?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));

/**
 * The wrappers a handler argument goes through, outermost first, and the handler it ends in (`withUser(withOrgRole(
 * "owner", f))`). A wrapper is a guard when its name or the arguments it is handed besides the handler name who may
 * call (`withOrgRole`, `h.authed(auth.RoleAdmin, ..)`).
 */
function unwrap(arg: SgNode): { wrappers: string[]; guards: string[]; handler: string } | null {
  const wrappers: string[] = [];
  const guards: string[] = [];
  let n: SgNode | null = arg;
  for (let depth = 0; n && n.kind() === "call_expression" && depth < 4; depth++) {
    const callee = field(n, "function")?.text() ?? "";
    if (!/^[\w$.]+$/.test(callee)) return null;
    const name = callee.replace(/^.*\./, "");
    const args = argsOf(n);
    wrappers.push(name);
    if (namesSubject(name) || GUARD_NAME.test(name) || args.slice(0, -1).some((a) => namesSubject(a.text()))) guards.push(name);
    n = args.at(-1) ?? null;
  }
  if (!n || !wrappers.length || !/^(identifier|member_expression|selector_expression|field_expression)$/.test(String(n.kind()))) return null;
  return { wrappers, guards, handler: n.text().replace(/^.*\./, "") };
}

function registrationsOf(calls: SgNode[]): Registration[] {
  const out: Registration[] = [];
  for (const call of calls) {
    const args = argsOf(call);
    if (args.length < 2 || !STRING.test(String(args[0]!.kind()))) continue;
    const registrar = field(call, "function")?.text() ?? "";
    if (!/^[\w$.]+$/.test(registrar)) continue;
    const unwrapped = args.slice(1).filter((a) => a.kind() === "call_expression").map(unwrap).find((u) => u !== null) ?? null;
    const plain = args.slice(1).find((a) => /^(identifier|member_expression|selector_expression)$/.test(String(a.kind())));
    if (!unwrapped && !plain) continue;
    const strings = args.filter((a) => STRING.test(String(a.kind()))).map((a) => a.text());
    out.push({ call, registrar, strings, wrappers: unwrapped?.wrappers ?? [], guards: unwrapped?.guards ?? [], handler: unwrapped?.handler ?? plain!.text().replace(/^.*\./, "") });
  }
  return out;
}

/**
 * Reported: a registration that writes (a POST/PUT/PATCH/DELETE verb among its strings, or a name, path or handler
 * the rule's `writes` words match) and lacks a wrapper named for who may call (`withOrgRole`, `authed`) that two or
 * more registrations of the same registrar carry, more than half of the group or of its writes. Not reported: names
 * open by design (sign-in, webhooks, health) and registrations that go through no wrapper at all while their
 * siblings' wrappers are not guards.
 */
/** The matched registration calls of one file, judged together (judged-once.ts). */
export const wrapperGuardCheck = (ctx: CheckContext): Hit[] => hitsAt(ctx, judgeFile);

function judgeFile(ctx: CheckContext, calls: SgNode[]): AnchoredHit[] {
  const writes = new RegExp(param(ctx.params, "writes", "(?!)"), "i");
  const regs = registrationsOf(calls);
  if (regs.length < 3) return [];
  const writer = (r: Registration) => r.strings.some((s) => WRITE_VERB.test(s)) || writes.test(`${r.strings.join(" ")} ${r.handler}`.replace(/([a-z0-9])([A-Z])/g, "$1_$2"));
  const out: AnchoredHit[] = [];
  for (const registrar of new Set(regs.map((r) => r.registrar))) {
    const group = regs.filter((r) => r.registrar === registrar);
    if (group.length < 3) continue;
    const writers = group.filter(writer);
    for (const guard of new Set(group.flatMap((r) => r.guards))) {
      const carrying = group.filter((r) => r.guards.includes(guard));
      const carryingWriters = writers.filter((r) => r.guards.includes(guard));
      if (carrying.length < 2 || (carrying.length * 2 <= group.length && carryingWriters.length * 2 <= writers.length)) continue;
      for (const r of writers) {
        // A registration going through another guard the siblings do not use (gonic's `userChain` beside `adminChain`)
        // is a different level, not a missing one: only one whose guards the siblings also have lacks theirs.
        if (r.guards.some((g) => !carrying.every((c) => c.guards.includes(g)))) continue;
        if (r.guards.includes(guard) || r.strings.some((s) => OPEN_BY_DESIGN.test(s.replace(/["'`]/g, ""))) || OPEN_BY_DESIGN.test(r.handler)) continue;
        // Nothing wraps it while the siblings' other wrappers are plain: a convention of wrapping, not of guarding.
        if (!r.wrappers.length && !carrying.every((c) => c.wrappers.length)) continue;
        out.push({ at: r.call.range().start.index, region: regionOf(r.call), message: `${r.strings.map((s) => s.replace(/["'`]/g, "")).join(" ")} is registered with ${registrar} without the ${guard} wrapper ${carrying.length} of its ${group.length - 1} sibling registrations go through (line ${carrying[0]!.call.range().start.line + 1})` });
      }
    }
  }
  return out;
}
