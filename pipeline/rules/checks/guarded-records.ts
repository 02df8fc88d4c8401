// unwired-auth in a Go route table written as records (`[]caddy.AdminRoute{{Pattern: "/x/purge", Handler:
// caddy.AdminHandlerFunc(a.requireToken(a.handlePurge))}, ..}`, any slice literal of keyed records that pair a path with
// a handler): where most records hand their handler through a guard and a record whose path or handler says it changes
// state hands its own through none, that route is open while its table's convention is not. The records' own
// convention is the evidence, whatever the framework calls the fields.
import type { SgNode } from "@ast-grep/napi";
import { identifierWords } from "../syntax";
import type { CheckContext } from "./check";
import { fileGuards, makesAccessDecision } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";

/**
 * Paths open by design, by their own segments: sign-in and sign-up, OAuth callbacks, webhooks (which verify their own
 * signature), probes. A write under `/sessions/` or `/token/` (`/gate/sessions/revoke`) is an admin action, not a login.
 */
const OPEN_PATH = /(^|\/)(log-?in|log-?out|sign-?in|sign-?up|sign-?out|register|oauth\w*|callbacks?|webhooks?|hooks?|health\w*|ready\w*|live\w*|ping)(\/|$)/i;

/** A route record: its path (a keyed string starting with `/`) and the rest of its fields' text. */
interface RouteRecord { node: SgNode; path: string; rest: string }

function recordsOf(literal: SgNode): RouteRecord[] {
  const body = literal.field("body" as never) as SgNode | null;
  const out: RouteRecord[] = [];
  for (const el of body?.namedChildren().filter((k) => k.kind() !== "comment") ?? []) {
    const value = el.kind() === "literal_element" ? el.namedChildren()[0] : el;
    if (value?.kind() !== "literal_value") return [];
    const keyed = value.namedChildren().filter((k) => k.kind() === "keyed_element");
    const pathEl = keyed.find((k) => /^\s*\w+\s*:\s*"\/[^"]*"\s*$/.test(k.text()));
    if (!pathEl || keyed.length < 2) return [];
    out.push({ node: value, path: /"(\/[^"]*)"/.exec(pathEl.text())![1]!, rest: keyed.filter((k) => k !== pathEl).map((k) => k.text()).join("\n") });
  }
  return out;
}

/** The names called in a record's fields, bare (`caddy.AdminHandlerFunc(a.requireToken(a.handlePurge))` → AdminHandlerFunc, requireToken). */
const calledNames = (text: string): string[] => [...text.matchAll(/([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1]!);
/** The handler a record names last (`a.handleRevoke`). */
const handlerName = (text: string): string => /([A-Za-z_]\w*)\s*\)*\s*,?\s*$/.exec(text.trim())?.[1] ?? "";

/**
 * Reported: a record of a slice literal of three or more route records, where two or more records and at least half
 * hand their handler through a guard (a function of the file that decides access, or one named for a guard), whose
 * own fields call no guard and whose path or handler name says it changes state (the rule's `writes` words), unless
 * the path is open by design (login, webhooks, probes).
 */
export function guardedRecordsCheck(ctx: CheckContext): Hit[] {
  const records = recordsOf(ctx.node);
  if (records.length < 3) return [];
  const { isGuard } = fileGuards(ctx);
  const guardOf = new Map(records.map((r) => [r, calledNames(r.rest).find((n) => isGuard(n))]));
  const guarded = records.filter((r) => guardOf.get(r));
  if (guarded.length < 2 || guarded.length * 2 < records.length) return [];
  const writes = new RegExp(param(ctx.params, "writes", "(?!)"), "i");
  const names = [...new Set(guarded.map((r) => guardOf.get(r)!))];
  const out: Hit[] = [];
  for (const r of records) {
    if (guardOf.get(r) || OPEN_PATH.test(r.path)) continue;
    // A handler of the file that decides access itself (`if r.Header.Get("X-Admin-Token") != a.token { return 401 }`).
    const handler = handlerName(r.rest);
    const def = handler ? new RegExp(`^func\\s*(?:\\([^)]*\\)\\s*)?${handler}\\s*\\(`, "m").exec(ctx.file.content) : null;
    if (def && makesAccessDecision(ctx.file.content.slice(def.index, ctx.file.content.indexOf("\n}", def.index)))) continue;
    const words = [...r.path.split(/[/{}:.*-]+/).flatMap((seg) => identifierWords(seg)), ...identifierWords(handler)];
    if (!words.some((w) => writes.test(w))) continue;
    out.push({ region: regionOf(r.node), message: `${ctx.rule.message}: ${r.path} hands its handler through no guard, while ${guarded.length} of the table's ${records.length} routes go through ${names.join(", ")} (${guarded.slice(0, 3).map((g) => g.path).join(", ")})` });
  }
  return out;
}
