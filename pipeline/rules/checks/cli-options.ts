// ignored-parameter for options a parser declares one by one and hands to a command function: argparse's
// `sub.add_argument("--since")` + `sub.set_defaults(func=cmd_status)`, yargs' builder `.option("dry-run")`
// beside its handler. The command is the function the parser mounts; an option it never reads
// (`args.since`, `argv.dryRun`) is accepted on the command line and has no effect.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { unreadAttributeOptions } from "./attribute-options";
import { unreadDeclaredOptions } from "./declared-options";
import { unreadKeyedOptions } from "./keyed-options";
import { type Hit, regionOf } from "./hit";

/** The attribute argparse stores an option under: `dest=`, else the first long flag, else the positional name. */
export function argparseDest(call: SgNode): string | null {
  const args = fieldOf(call, "arguments")?.namedChildren() ?? [];
  const dest = args.find((a) => a.kind() === "keyword_argument" && fieldOf(a, "name")?.text() === "dest");
  if (dest) return /^["'](\w+)["']$/.exec(fieldOf(dest, "value")?.text() ?? "")?.[1] ?? null;
  // `action="help"/"version"`: the parser acts on it, nothing to read.
  if (args.some((a) => a.kind() === "keyword_argument" && /^action$/.test(fieldOf(a, "name")?.text() ?? "") && /["'](help|version)["']/.test(a.text()))) return null;
  const names = args.filter((a) => a.kind() === "string").map((a) => a.text().slice(1, -1));
  if (!names.length) return null;
  const long = names.find((n) => n.startsWith("--")) ?? names.find((n) => !n.startsWith("-")) ?? names[0]!;
  return long.replace(/^-+/, "").replace(/-/g, "_");
}

/** The function defined at the top level of this file under `name`, with its decorators. */
function topFunction(root: SgNode, name: string): SgNode | null {
  return root.find({ rule: { kind: "function_definition", has: { field: "name", regex: `^${name}$` } } });
}

/**
 * The node is `p.set_defaults(func=handler)`. Options added to the same parser `p` in the same block
 * that the handler (a function of this file) never reads through its first parameter are reported at
 * their `add_argument` call. Silent when the handler hands its namespace on whole (`helper(args)`,
 * `vars(args)`, `**vars(args)`), reads it by name (`getattr(args, ..)`), or is not defined in the file.
 */
export function unreadCliOptionsCheck(ctx: CheckContext): Hit[] {
  if (ctx.rule.language === "typescript") return [...unreadYargsOptions(ctx.node), ...unreadDeclaredOptions(ctx.node)];
  const node = ctx.node;
  if (/^(module|source_file)$/.test(String(node.kind()))) return unreadKeyedOptions(node, ctx.rule.language);
  if (node.kind() === "class_definition") return [...unreadMethodOptions(node), ...unreadAttributeOptions(node)];
  const parser = /^([\w.]+)\.set_defaults$/.exec(fieldOf(node, "function")?.text() ?? "")?.[1];
  const func = fieldOf(node, "arguments")?.namedChildren()
    .find((a) => a.kind() === "keyword_argument" && fieldOf(a, "name")?.text() === "func");
  const handlerName = fieldOf(func, "value")?.text() ?? "";
  if (!parser || !/^\w+$/.test(handlerName)) return [];
  const handler = topFunction(node.getRoot().root(), handlerName);
  // The namespace parameter: the one annotated `argparse.Namespace`, else the first (`async def export_data_command(hs,
  // args: argparse.Namespace)`: a dispatcher that calls `args.func(server, args)` hands it second).
  const params = fieldOf(handler, "parameters")?.namedChildren() ?? [];
  const nsParam = params.find((p) => /:\s*(argparse\.)?Namespace\b/.test(p.text())) ?? params[0];
  const nsName = (nsParam?.kind() === "identifier" ? nsParam : fieldOf(nsParam, "name") ?? nsParam?.namedChildren()[0])?.text();
  const body = fieldOf(handler, "body")?.text() ?? "";
  if (!handler || !nsName || !/^\w+$/.test(nsName)) return [];
  // Handed on whole: a call given the namespace itself, `vars(args)`, `getattr(args, name)`.
  if (new RegExp(`[(,]\\s*\\**${nsName}\\s*[,)]`).test(body)) return [];
  const block = node.parent()?.parent();
  if (!block) return [];
  const out: Hit[] = [];
  for (const call of block.findAll({ rule: { kind: "call", has: { field: "function", regex: `^${parser.replace(/\./g, "\\.")}\\.add_argument$` } } })) {
    const dest = argparseDest(call);
    // ... or by key, where the dispatcher hands the handler the namespace as a dict (`args.func(vars(args))`, then
    // `args["source"]`, `args.get("output")`).
    if (!dest || new RegExp(`\\b${nsName}\\s*\\.\\s*${dest}\\b|\\b${nsName}\\s*(?:\\[\\s*|\\.\\s*get\\(\\s*)["']${dest}["']`).test(body)) continue;
    out.push({ region: regionOf(call), message: `option '${dest}' is parsed for '${handlerName}', which never reads it: the flag is accepted and has no effect` });
  }
  return out;
}

/** Python parameter names of a function (plain, typed, defaulted, `*args`, `**options`). */
function paramNames(fn: SgNode): string[] {
  return (fieldOf(fn, "parameters")?.namedChildren() ?? []).map((p) => (p.kind() === "identifier" ? p : fieldOf(p, "name") ?? p.namedChildren().find((c) => c.kind() === "identifier"))?.text() ?? "").filter((n) => n && n !== "self" && n !== "cls");
}

/**
 * A command class that declares its options in one method and consumes them in another (Django's
 * `add_arguments(self, parser)` + `handle(self, *args, **options)`, cliff's `get_parser` + `take_action`):
 * the declaring method adds arguments to a parser it is given; the consuming method is the sibling whose
 * parameter reads declared options (`options["days"]`, `options.get("limit")`, `parsed.days`). A declared
 * option the class never reads under its dest is accepted and has no effect. Silent when the consumer
 * hands its options on whole (`run(**options)`, `self.opts = options`) or reads them by a computed key, and
 * a positional argument when the consumer reads its `*args` parameter (where positionals arrive).
 */
function unreadMethodOptions(cls: SgNode): Hit[] {
  const methods = cls.findAll({ rule: { kind: "function_definition" } }).filter((m) => {
    const holder = m.parent()?.kind() === "decorated_definition" ? m.parent()!.parent() : m.parent();
    return holder?.parent()?.id() === cls.id();
  });
  const out: Hit[] = [];
  for (const decl of methods) {
    const params = paramNames(decl);
    const calls = decl.findAll({ rule: { kind: "call", has: { field: "function", regex: "^\\w+\\.add_argument$" } } })
      .filter((c) => params.includes(fieldOf(c, "function")!.text().split(".")[0]!));
    const dests = calls.map((c) => [c, argparseDest(c)] as const).filter((d): d is readonly [SgNode, string] => !!d[1]);
    if (!dests.length) continue;
    const readsDest = (ns: string, dest: string, body: string) =>
      new RegExp(`\\b${ns}\\s*(\\[\\s*["']${dest}["']\\s*\\]|\\.\\s*get\\s*\\(\\s*["']${dest}["']|\\.\\s*${dest}\\b)`).test(body);
    const consumers = methods.filter((m) => m.id() !== decl.id()).flatMap((m) => {
      const body = fieldOf(m, "body")?.text() ?? "";
      return paramNames(m).filter((ns) => dests.some(([, d]) => readsDest(ns, d, body))).map((ns) => ({ ns, body, splat: splatName(m) }));
    });
    if (consumers.length !== 1) continue;
    const { ns, body, splat } = consumers[0]!;
    // Positional arguments reach the consumer's `*args` (Django's `handle(self, *labels, **options)`): read when it reads that.
    const positionalRead = !!splat && new RegExp(`\\b${splat}\\b`).test(body);
    // Handed on whole or read by a computed key: every option may be read elsewhere.
    if (new RegExp(`([(,]\\s*\\**|=\\s*)${ns}\\s*[,)\\n]|\\b${ns}\\s*\\[\\s*[^"'\\s]|\\b${ns}\\s*\\.\\s*get\\s*\\(\\s*[^"'\\s]|\\b${ns}\\s*\\.\\s*(items|keys|values|copy|update)\\b`).test(body)) continue;
    for (const [call, dest] of dests) {
      if (readsDest(ns, dest, body) || (positionalRead && positional(call))) continue;
      out.push({ region: regionOf(call), message: `option '${dest}' is declared by the command but never read where its options are consumed: the flag is accepted and has no effect` });
    }
  }
  return out;
}

/** The name of a Python function's `*args` parameter, if it has one. */
function splatName(fn: SgNode): string | null {
  const splat = (fieldOf(fn, "parameters")?.namedChildren() ?? []).find((p) => p.kind() === "list_splat_pattern");
  return splat?.namedChildren().find((c) => c.kind() === "identifier")?.text() ?? null;
}

/** An `add_argument("labels", ..)` whose names are all positional (no leading `-`). */
function positional(call: SgNode): boolean {
  const names = (fieldOf(call, "arguments")?.namedChildren() ?? []).filter((a) => a.kind() === "string");
  return names.length > 0 && names.every((a) => !/^["']-/.test(a.text()));
}

/** A named child of a node (null when absent), typed for the grammar-agnostic checks. */
function fieldOf(n: SgNode | null | undefined, name: string): SgNode | null {
  return (n?.field(name as never) as unknown as SgNode | null) ?? null;
}

const FN = /^(arrow_function|function_expression|function_declaration|function)$/;
/** A function node's first parameter (name, type text) and body text. */
function signature(fn: SgNode): { param: SgNode | null; type: string; body: string } {
  const params = fieldOf(fn, "parameters")?.namedChildren() ?? [];
  const first = params[0] ?? fieldOf(fn, "parameter");
  const param = fieldOf(first, "pattern") ?? (first?.kind() === "identifier" ? first : null);
  const type = (fieldOf(first, "type")?.text() ?? "").replace(/^:\s*/, "");
  return { param, type, body: fieldOf(fn, "body")?.text() ?? "" };
}

/** A function bound to a name in this file: a declaration, or a `const x = (..) =>` initialiser. */
function functionsOf(root: SgNode): SgNode[] {
  return root.findAll({ rule: { any: [{ kind: "function_declaration" }, { kind: "arrow_function", inside: { kind: "variable_declarator" } }, { kind: "function_expression", inside: { kind: "variable_declarator" } }] } });
}

/**
 * yargs mounts a command as a builder (it declares the options on the `Argv` it is given) and a handler
 * (it is given the parsed arguments), in one of three forms: `.command(name, desc, builder, handler)` with
 * both inline, a command module (`{ builder, handler }` or `export const builder/handler`), or a builder
 * and a handler typed by yargs' own types (`(y: Argv) => ..`, `(argv: ArgumentsCamelCase<T>) => ..`),
 * one of each in the file.
 */
function yargsPairs(root: SgNode): [SgNode, SgNode][] {
  const out: [SgNode, SgNode][] = [];
  for (const call of root.findAll({ rule: { kind: "call_expression", has: { field: "function", regex: "\\.command$" } } })) {
    const args = fieldOf(call, "arguments")?.namedChildren() ?? [];
    if (args.length >= 4 && FN.test(String(args[2]!.kind())) && FN.test(String(args[3]!.kind()))) out.push([args[2]!, args[3]!]);
  }
  for (const obj of root.findAll({ rule: { kind: "object" } })) {
    const pair = (key: string) => fieldOf(obj.namedChildren().find((p) => p.kind() === "pair" && fieldOf(p, "key")?.text() === key), "value");
    const b = pair("builder"), h = pair("handler");
    if (b && h && FN.test(String(b.kind())) && FN.test(String(h.kind()))) out.push([b, h]);
  }
  const fns = functionsOf(root);
  const named = (n: string) => fns.filter((f) => (f.kind() === "function_declaration" ? fieldOf(f, "name")?.text() : fieldOf(f.parent(), "name")?.text()) === n);
  const [mb, mh] = [named("builder"), named("handler")];
  if (mb.length === 1 && mh.length === 1) out.push([mb[0]!, mh[0]!]);
  else {
    const builders = fns.filter((f) => /^(yargs\.)?Argv\b/.test(signature(f).type));
    const handlers = fns.filter((f) => /^(yargs\.)?(Arguments|ArgumentsCamelCase)\b/.test(signature(f).type));
    if (builders.length === 1 && handlers.length === 1) out.push([builders[0]!, handlers[0]!]);
  }
  return out;
}

const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Options a yargs builder declares (`.option("dry-run", ..)`, `.positional("prefix", ..)`) its handler never reads. */
function unreadYargsOptions(root: SgNode): Hit[] {
  const out: Hit[] = [];
  for (const [builder, handler] of yargsPairs(root)) {
    const { param, body } = signature(handler);
    if (!param) continue;
    const names = param.kind() === "object_pattern" ? param.text() : "";
    const p = param.kind() === "identifier" ? param.text() : "";
    // Handed on whole (`run(argv)`, `{ ...argv }`): read elsewhere.
    if (p && new RegExp(`([(,]\\s*|\\.\\.\\.)${p}\\s*[,)}]`).test(body)) continue;
    if (names && /\.\.\./.test(names)) continue;
    for (const call of builder.findAll({ rule: { kind: "call_expression", has: { field: "function", regex: "\\.(option|positional)$" } } })) {
      const key = /^["'`]([\w-]+)["'`]$/.exec(fieldOf(call, "arguments")?.namedChildren()[0]?.text() ?? "")?.[1];
      if (!key) continue;
      const forms = [...new Set([key, camel(key)])];
      const read = forms.some((f) => new RegExp(`\\b${f}\\b`).test(names) || (p && new RegExp(`\\b${p}\\s*(\\??\\.\\s*${f}\\b|\\[\\s*["'\`]${f}["'\`]\\s*\\])`).test(body)) || new RegExp(`\\{[^}]*\\b${f}\\b[^}]*\\}\\s*=\\s*${p || "\\0"}\\b`).test(body));
      if (read) continue;
      const arg = fieldOf(call, "arguments")?.namedChildren()[0]!;
      out.push({ region: regionOf(arg), message: `option '${key}' is declared by the builder but its handler never reads it: the flag is accepted and has no effect` });
    }
  }
  return out;
}
