// unwired-auth in a route table written as data: an array of route (or route-group) records where a sibling
// record carries an access option (`authentication: true`, `options: { auth: "jwt" }`, `preHandler: [requireAdmin]`)
// and a record that changes state carries none (moleculer-web `routes`, hapi `server.route([..])`).
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { fileGuards, makesAccessDecision, SUBJECT } from "./guard-shape";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

/** A route that changes state, as a table spells it: `"DELETE /stock"` (an alias key or value) or `method: "POST"`. */
const STATE_CHANGING = /^["'`](POST|PUT|PATCH|DELETE)\s+\/|^["'`](POST|PUT|PATCH|DELETE)["'`]$/i;
/** Values that switch an option off: an explicit `false` is a decision (a public route group), not an omission. */
const OFF = /^(false|null|undefined|\[\s*\]|["'`]{2})$/;
const unquote = (t: string) => t.replace(/^["'`]|["'`]$/g, "");

interface Record_ { node: SgNode; pairs: SgNode[] }

/** The record's pairs and those of the option objects directly inside it (`options: { auth: .. }`), no deeper. */
function pairsOf(obj: SgNode): SgNode[] {
  const own = obj.children().filter((p) => p.kind() === "pair");
  return [...own, ...own.flatMap((p) => (valueOf(p)?.kind() === "object" ? valueOf(p)!.children().filter((q) => q.kind() === "pair") : []))];
}

const keyOf = (pair: SgNode) => unquote((pair.field("key" as never) as SgNode | null)?.text() ?? "");
const valueOf = (pair: SgNode) => (pair.field("value" as never) as SgNode | null);

/**
 * How a record stands on access: "on" when an option key names who is asking with a value that is not off,
 * or any option hands in a guard (`preHandler: [requireAdmin]`); "off" when such a key is explicitly off;
 * "none" when the record says nothing.
 */
function access(rec: Record_, isGuard: (name: string) => boolean): "on" | "off" | "none" {
  let off = false;
  for (const p of rec.pairs) {
    const value = valueOf(p);
    if (!value) continue;
    const key = keyOf(p);
    if (SUBJECT.test(key) && !STATE_CHANGING.test(`"${key}"`)) {
      if (OFF.test(value.text().trim())) off = true;
      else return "on";
    }
    if (value.kind() !== "object" && [value, ...value.findAll({ rule: { kind: "identifier" } })].some((i) => i.kind() === "identifier" && isGuard(i.text()))) return "on";
  }
  return off ? "off" : "none";
}

/**
 * Does the record register a route that changes state: a route map's `"DELETE /x"` key, or a `method: "POST"`
 * option beside the handler it mounts (a function, or a `handler:`)? A list of requests a client sends has
 * methods and paths but mounts nothing, so it is no route table.
 */
function changesState(rec: Record_): boolean {
  const own = rec.node.children().filter((p) => p.kind() === "pair");
  const mounts = own.some((p) => /^handler$/i.test(keyOf(p)) || /^(arrow_function|function_expression|function)$/.test(String(valueOf(p)?.kind())))
    || rec.node.children().some((c) => c.kind() === "method_definition");
  return rec.pairs.some((p) => STATE_CHANGING.test((p.field("key" as never) as SgNode | null)?.text() ?? ""))
    || (mounts && own.some((p) => /^method$/i.test(keyOf(p)) && STATE_CHANGING.test(valueOf(p)?.text() ?? "")));
}

/** The record's own path (`path: "/admin"`, `url`, `prefix`), if it states one. */
function pathOf(rec: Record_): SgNode | null {
  return rec.node.children().find((p) => p.kind() === "pair" && /^(path|url|prefix)$/.test(keyOf(p)) && /string/.test(String(valueOf(p)?.kind()))) ?? null;
}

/**
 * Reported: a record of an array of route records that registers a state-changing route and says nothing
 * about access, where a sibling record of the same array turns an access option on or hands in a guard.
 * Not reported: a record that switches access off explicitly (a decided public group), a record whose path
 * is open by design (webhooks, login, health), and a record whose inline handler decides access itself.
 */
export function unguardedGroupCheck(ctx: CheckContext): Hit[] {
  const records: Record_[] = ctx.node.namedChildren().filter((c) => c.kind() === "object").map((node) => ({ node, pairs: pairsOf(node) }));
  if (records.length < 2) return [];
  const { isGuard } = fileGuards(ctx);
  const stands = records.map((r) => access(r, isGuard));
  const guarded = records.find((_, i) => stands[i] === "on");
  if (!guarded) return [];
  return records.flatMap((rec, i) => {
    if (stands[i] !== "none" || !changesState(rec) || makesAccessDecision(rec.node.text())) return [];
    const path = pathOf(rec);
    if (path && OPEN_BY_DESIGN.test(unquote(valueOf(path)!.text()))) return [];
    const at = path ?? rec.node;
    return [{ region: regionOf(at), message: `this route record changes state and sets no access option, while its sibling record (line ${guarded.node.range().start.line + 1}) does` }];
  });
}
