// ignored-parameter for command-line options a TypeScript program declares by shape, whatever the library:
// a flag declared by a call that names it and describes it (`.option("--exclude <glob>", "files to skip")`,
// siblings on one parser), or a table of option specs beside the function that receives the parsed values
// (`{ args: { out: {..}, jobs: {..} }, run({ args }) {..} }`). An option whose key nothing reads is
// accepted on the command line and has no effect.
import type { SgNode } from "@ast-grep/napi";
import { type Hit, regionOf } from "./hit";

export type OptionHit = Hit & { field: string };

const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The key a parser stores a declared flag under: the last long name, `--no-x` as `x`, dashes camel-cased. */
export function flagKey(spec: string): string | null {
  const longs = [...spec.matchAll(/(?:^|[\s,|])--([A-Za-z][\w-]*)/g)].map((m) => m[1]!);
  const long = longs[longs.length - 1];
  if (!long || /^(help|version)$/.test(long)) return null;
  return camel(long.replace(/^no-/, ""));
}

/** Is the key (or its kebab form) mentioned anywhere in the file outside the spans given? */
function mentionedOutside(code: string, forms: string[], spans: [number, number][]): boolean {
  return forms.some((f) => [...code.matchAll(new RegExp(`(?<![\\w$-])${f.replace(/[$]/g, "\\$")}(?![\\w$-])`, "g"))]
    .some((m) => !spans.some(([a, b]) => m.index! >= a && m.index! < b)));
}

/**
 * Flag declarations: calls whose first argument is a string naming a long flag and whose second is a
 * description (a plain string with a space). Only calls of a method that declares two or more flags in the file count (siblings
 * of one parser; a lone `args.includes("--force")` test reads the command line, it declares nothing).
 */
function flagDeclarations(root: SgNode): { call: SgNode; key: string }[] {
  const found: { call: SgNode; key: string; method: string }[] = [];
  for (const call of root.findAll({ rule: { kind: "call_expression", has: { field: "arguments", has: { kind: "string", nthChild: 1, regex: "^.\\s*-" } } } })) {
    const args = (call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
    // The description is prose: a plain string with a space (`setProperty("--accent", `${h}%`)` sets a CSS variable).
    if (args.length < 2 || args[1]!.kind() !== "string" || !/\s/.test(args[1]!.text())) continue;
    const key = flagKey(args[0]!.text().slice(1, -1));
    const method = /\.(\w+)$/.exec((call.field("function" as never) as SgNode | null)?.text() ?? "")?.[1];
    if (key && method) found.push({ call, key, method });
  }
  const count = new Map<string, number>();
  for (const f of found) count.set(f.method, (count.get(f.method) ?? 0) + 1);
  return found.filter((f) => count.get(f.method)! >= 2);
}

/**
 * One entry of an option table: an object literal (`{ type: "string", alias: "o" }`) or a declaring call
 * whose only argument is one (`flag({ long: "dry-run" })`, `t.option({ .. })`): the spec is data either way.
 */
function isOptionSpec(v: SgNode | null): boolean {
  if (!v) return false;
  if (v.kind() === "object") return true;
  if (v.kind() !== "call_expression") return false;
  const args = (v.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
  return args.length === 1 && args[0]!.kind() === "object";
}

/**
 * Option tables: a property of an object literal whose value is an object of two or more option specs (each
 * an object literal or a declaring call given one), where a function-valued sibling property receives the parsed table under the same
 * key (`run({ args })`, `run(ctx) { ctx.args.x }`): the registration pairs declaration and consumer.
 */
function optionTables(root: SgNode): { key: SgNode; spec: SgNode; name: string }[] {
  const out: { key: SgNode; spec: SgNode; name: string }[] = [];
  // The native matcher narrows to tables whose value holds an object-valued entry; the rest is judged here.
  const specValue = { any: [{ kind: "object" }, { kind: "call_expression", has: { field: "arguments", has: { kind: "object" } } }] };
  for (const pair of root.findAll({ rule: { kind: "pair", has: { field: "value", kind: "object", has: { kind: "pair", has: { field: "value", ...specValue } } } } } as never)) {
    const table = (pair.field("key" as never) as SgNode | null)?.text().replace(/^["']|["']$/g, "") ?? "";
    const specs = (pair.field("value" as never) as SgNode).namedChildren().filter((c) => c.kind() === "pair");
    if (!/^\w+$/.test(table) || specs.length < 2 || !specs.every((s) => isOptionSpec(s.field("value" as never) as SgNode | null))) continue;
    const siblings = pair.parent()?.namedChildren() ?? [];
    let whole = false;
    const consumer = siblings.some((s) => {
      const fn = s.kind() === "method_definition" ? s : (s.field("value" as never) as SgNode | null);
      if (!fn || !/^(method_definition|arrow_function|function_expression)$/.test(String(fn.kind()))) return false;
      const params = (fn.field("parameters" as never) as SgNode | null)?.text() ?? "";
      const body = (fn.field("body" as never) as SgNode | null)?.text() ?? "";
      const first = /^\(?\s*(\w+)/.exec(params)?.[1];
      const ref = new RegExp(`[{,]\\s*${table}\\s*[,}:=]`).test(params) ? table : first && new RegExp(`(?<![\\w$.])${first}\\s*\\??\\.\\s*${table}\\b`).test(body) ? `${first}\\s*\\??\\.\\s*${table}` : null;
      if (!ref) return receivesEntries(fn, specs, (w) => { whole = w; });
      // Handed on whole (`paginate(items, ctx.params)`, `{ ...args }`): whoever receives it may read any key.
      if (new RegExp(`([(,]|\\.\\.\\.)\\s*(?<![\\w$.])${ref}\\s*[,)}]`).test(body)) { whole = true; return false; }
      return true;
    });
    if (!consumer || whole) continue;
    for (const s of specs) {
      const key = s.field("key" as never) as SgNode;
      out.push({ key, spec: s, name: key.text().replace(/^["'`]|["'`]$/g, "") });
    }
  }
  return out;
}

/**
 * A consumer given the parsed table itself rather than under its key (`handler: async ({ task, out }) =>`):
 * its first parameter destructures only keys of the table, at least one; a rest element hands the rest on.
 */
function receivesEntries(fn: SgNode, specs: SgNode[], handedOn: (whole: boolean) => void): boolean {
  const param = (fn.field("parameters" as never) as SgNode | null)?.namedChildren()[0];
  const pattern = param?.kind() === "object_pattern" ? param : (param?.field("pattern" as never) as SgNode | null | undefined);
  if (pattern?.kind() !== "object_pattern") return false;
  const keys = new Set(specs.map((s) => (s.field("key" as never) as SgNode).text().replace(/^["'`]|["'`]$/g, "")));
  const names: string[] = [];
  for (const m of pattern.namedChildren()) {
    if (m.kind() === "rest_pattern") { handedOn(true); return false; }
    const name = m.kind() === "shorthand_property_identifier_pattern" ? m.text()
      : m.kind() === "pair_pattern" || m.kind() === "object_assignment_pattern" ? (m.namedChildren()[0]?.text() ?? "") : "";
    names.push(name.replace(/^["'`]|["'`]$/g, ""));
  }
  return names.length > 0 && names.every((n) => keys.has(n));
}

/**
 * Members of a type literal or interface named like the option (`opts: G & { 'dry-run': boolean }`): a type says
 * the parsed value has the key, it does not read it. Spans of those members, to be left out of the search.
 */
function typeMembers(root: SgNode, forms: string[]): [number, number][] {
  if (!/\b(interface|type)\b|:\s*[\w.]*\s*&?\s*\{/.test(root.text())) return [];
  return root.findAll({ rule: { kind: "property_signature" } })
    .filter((m) => forms.includes(((m.field("name" as never) as SgNode | null)?.text() ?? "").replace(/^["'`]|["'`]$/g, "")))
    .map((m) => [m.range().start.index, m.range().end.index] as [number, number]);
}

/**
 * Declared options whose key (camel-cased, or as declared) the file never mentions again: not read as
 * `opts.key`, `opts["key"]`, a destructured `{ key }`, nor handed on under that name. Each hit carries the
 * key so the scan keeps it only when no other file reads `.key` either (options handed on whole).
 */
export function unreadDeclaredOptions(root: SgNode): OptionHit[] {
  const code = root.text();
  const out: OptionHit[] = [];
  for (const { call, key } of flagDeclarations(root)) {
    const arg = (call.field("arguments" as never) as SgNode).namedChildren()[0]!;
    const spec = arg.text().slice(1, -1);
    const kebab = /--(?:no-)?([A-Za-z][\w-]*)(?![\s\S]*--)/.exec(spec)?.[1] ?? key;
    // The call's own arguments (the description may name the option) are the declaration, not a read.
    const { start, end } = (call.field("arguments" as never) as SgNode).range();
    const forms = [...new Set([key, kebab])];
    if (mentionedOutside(code, forms, [[start.index, end.index], ...typeMembers(root, forms)])) continue;
    out.push({ region: regionOf(arg), field: key, message: `option '--${kebab}' is declared but nothing reads it: the flag is accepted and has no effect` });
  }
  for (const { key, spec, name } of optionTables(root)) {
    // The spec itself (its description may name what the option does) is the declaration, not a read.
    const { start, end } = spec.range();
    const forms = [...new Set([name, camel(name)])].filter((f) => /^[\w$]+$/.test(f) || f === name);
    if (mentionedOutside(code, forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), [[start.index, end.index]])) continue;
    out.push({ region: regionOf(key), field: camel(name), message: `option '${name}' is declared in the command's option table but never read: the flag is accepted and has no effect` });
  }
  return out;
}
