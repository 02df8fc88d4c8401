// unwired-auth in a route table written as data: an array of route (or route-group) records where a sibling
// record carries an access option (`authentication: true`, `options: { auth: "jwt" }`, `preHandler: [requireAdmin]`)
// and a record that changes state carries none (moleculer-web `routes`, hapi `server.route([..])`); or sibling
// registrations of route records whose group options guard some (go-zero `server.AddRoutes(routes, rest.WithJwt(..))`).
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

/** Go route records: a composite literal with a path and something it mounts (`{Method: .., Path: "/x", Handler: h}`). */
function goRecords(call: SgNode): { node: SgNode; path: string }[] {
  return call.findAll({ rule: { kind: "literal_value" } }).flatMap((lit) => {
    const keyed = lit.children().filter((c) => c.kind() === "keyed_element");
    const key = (k: SgNode) => /^\s*(\w+)\s*:/.exec(k.text())?.[1] ?? "";
    const path = keyed.find((k) => /^(path|pattern|route)$/i.test(key(k)) && /:\s*"/.test(k.text()));
    const mounts = keyed.some((k) => /handle|action/i.test(key(k)) || /:\s*func\s*\(/.test(k.text()));
    return path && mounts ? [{ node: lit, path: /"([^"]*)"/.exec(path.text())![1]! }] : [];
  });
}

/** Does a registration hand its group an access option: an option call or a listed middleware that is a guard or names who is asking? */
function goGroupGuarded(call: SgNode, records: readonly SgNode[], isGuard: (name: string) => boolean): boolean {
  const args = call.field("arguments" as never) as SgNode | null;
  if (!args) return false;
  const inRecord = (n: SgNode) => records.some((r) => n.range().start.index >= r.range().start.index && n.range().end.index <= r.range().end.index);
  const last = (t: string) => t.replace(/^[\s\S]*\./, "");
  const options = args.findAll({ rule: { kind: "call_expression" } }).filter((c) => !inRecord(c)).map((c) => last((c.field("function" as never) as SgNode | null)?.text() ?? ""));
  const listed = args.findAll({ rule: { kind: "literal_element" } }).filter((e) => !inRecord(e) && /^[\w.]+$/.test(e.text())).map((e) => last(e.text()));
  return [...options, ...listed].some((n) => isGuard(n) || SUBJECT.test(n));
}

/** How many leading path segments two routes share, parameters aside (`/admin/orders/export` and `/admin/orders/:id`: 2). */
function sharedSegments(a: string, b: string): number {
  const seg = (p: string) => p.split("/").filter((s) => s && !/^[:{*<]/.test(s));
  const [x, y] = [seg(a), seg(b)];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * Go: sibling registrations of route records on one receiver in one block, each with its group options.
 * Reported: a route of a group with no access option whose nearest routes by path (the most leading segments
 * shared) are all in guarded groups: `/admin/orders/export` registered in the public group while every other
 * `/admin/..` route is registered behind `WithJwt`. Not reported: routes open by design, routes that share as
 * much of their path with another unguarded route, and files where no group is guarded.
 */
export function unguardedGroupCallCheck(ctx: CheckContext): Hit[] {
  const { node } = ctx;
  const fn = node.field("function" as never) as SgNode | null;
  const block = node.parent()?.parent();
  if (fn?.kind() !== "selector_expression" || node.parent()?.kind() !== "expression_statement" || !block) return [];
  const own = goRecords(node);
  if (!own.length) return [];
  const { isGuard } = fileGuards(ctx);
  if (goGroupGuarded(node, own.map((r) => r.node), isGuard)) return [];
  const groups = block.namedChildren().map((st) => (st.kind() === "expression_statement" ? st.child(0) : null))
    .filter((c): c is SgNode => c?.kind() === "call_expression" && c.id() !== node.id() && (c.field("function" as never) as SgNode | null)?.text() === fn.text())
    .map((c) => { const records = goRecords(c); return { records, guarded: goGroupGuarded(c, records.map((r) => r.node), isGuard) }; });
  const guardedPaths = groups.filter((g) => g.guarded).flatMap((g) => g.records.map((r) => r.path));
  if (!guardedPaths.length) return [];
  const openPaths = groups.filter((g) => !g.guarded).flatMap((g) => g.records.map((r) => r.path));
  return own.flatMap((r) => {
    if (OPEN_BY_DESIGN.test(r.path)) return [];
    const nearestGuarded = Math.max(...guardedPaths.map((p) => sharedSegments(r.path, p)));
    const nearestOpen = Math.max(0, ...[...openPaths, ...own.filter((o) => o !== r).map((o) => o.path)].map((p) => sharedSegments(r.path, p)));
    if (nearestGuarded === 0 || nearestGuarded <= nearestOpen) return [];
    const at = r.node.children().find((c) => c.kind() === "keyed_element" && /^\s*(path|pattern|route)\s*:/i.test(c.text())) ?? r.node;
    return [{ region: regionOf(at), message: `${r.path} is registered in a group with no access option, while the routes nearest to it by path are registered in guarded groups` }];
  });
}
