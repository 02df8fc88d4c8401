// unwired-auth on a CLI: commands are routes too. A destructive subcommand registered bare in a command
// chain whose sibling subcommands go through a guard middleware.
import type { SgNode } from "@ast-grep/napi";
import { ancestor, escapeRegExp, statementCall } from "../syntax";
import type { CheckContext } from "./check";
import { calleeName } from "./bound-guard";
import { fileGuards, SUBJECT } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";

interface Command { call: SgNode; name: string; describe: string; middlewares: SgNode | null }

/** `.command("name <arg>", "describe", builder, handler, [middlewares])` on a yargs-style chain. */
function commandOf(call: SgNode): Command | null {
  const fn = call.field("function" as never) as SgNode | null;
  if (fn?.kind() !== "member_expression" || (fn.field("property" as never) as SgNode | null)?.text() !== "command") return null;
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  if (!args[0] || !/string/.test(String(args[0].kind()))) return null;
  const text = (n: SgNode | undefined) => (n && /string/.test(String(n.kind())) ? n.text().replace(/^["'`]|["'`]$/g, "") : "");
  const last = args[args.length - 1]!;
  // The description is the second argument (yargs) or a chained call's string (`.describe("..")`, `.description("..")`).
  const property = (t: SgNode) => {
    const fn = t.field("function" as never) as SgNode | null;
    return fn ? (fn.field("property" as never) as SgNode | null)?.text() ?? "" : "";
  };
  const chained = tailOf(call).filter((t) => /^(describe|description|summary|help|about)$/.test(property(t)))
    .map((t) => ((t.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [])[0])
    .filter((a): a is SgNode => !!a && /string/.test(String(a.kind())));
  return { call, name: text(args[0]).split(/\s+/)[0]!, describe: [text(args[1]), ...chained.map((a) => text(a))].join(" "), middlewares: args.length >= 5 && last.kind() === "array" ? last : null };
}

/**
 * A guard in a middleware slot (yargs' middleware array, a decorator on a handler): what sits there wraps
 * the command by where it is mounted, so a name stating a requirement (`requireOperator`) or naming who is
 * asked for (`admin_only`, `needs_admin_ticket`) is a guard, besides same-file guards and the vocabulary.
 */
function slotGuard(isGuard: (name: string) => boolean, names: readonly RegExp[]): (name: string) => boolean {
  const [subject = /(?!)/, verb = /(?!)/] = names;
  return (name) => isGuard(name) || verb.test(name) || subject.test(name);
}

/** Every `.command(..)` call of the method chain this one belongs to, outermost first. */
function chainCommands(node: SgNode): Command[] {
  let top = node;
  while (top.parent()?.kind() === "member_expression" && top.parent()!.parent()?.kind() === "call_expression") top = top.parent()!.parent()!;
  const out: Command[] = [];
  for (let c: SgNode | null = top; c?.kind() === "call_expression";) {
    const cmd = commandOf(c);
    if (cmd) out.push(cmd);
    const fn = c.field("function" as never) as SgNode | null;
    c = fn?.kind() === "member_expression" ? (fn.field("object" as never) as SgNode | null) : null;
  }
  return out;
}

/** The calls chained after this one (`.option(..)`, `.action(h)` after `.command(..)`), innermost first. */
function tailOf(call: SgNode): SgNode[] {
  const out: SgNode[] = [];
  for (let c = call; c.parent()?.kind() === "member_expression" && c.parent()!.parent()?.kind() === "call_expression";) out.push((c = c.parent()!.parent()!));
  return out;
}

/** The identifier a chain starts from (`cli` of `cli.command(..).action(..)`). */
function rootOf(call: SgNode): string {
  let c: SgNode | null = call;
  while (c && /^(call_expression|member_expression)$/.test(String(c.kind()))) c = (c.field("function" as never) ?? c.field("object" as never)) as SgNode | null;
  return c?.text() ?? "";
}

/**
 * Commands registered by the sibling statements of this one's block on the same root (cac, commander:
 * `cli.command("push").action(h)` then `cli.command("prune").action(requireOperator(h))`), besides its own chain.
 */
function siblingCommands(node: SgNode): Command[] {
  let stmt: SgNode | null = node;
  while (stmt && stmt.kind() !== "expression_statement") stmt = stmt.parent();
  const root = rootOf(node);
  const calls = (stmt?.parent()?.children() ?? []).filter((s) => s.kind() === "expression_statement" && s.id() !== stmt!.id())
    .flatMap((s) => s.findAll({ rule: { kind: "call_expression", has: { field: "function", kind: "member_expression", has: { field: "property", regex: "^command$" } } } }));
  return calls.map(commandOf).filter((c): c is Command => !!c && rootOf(c.call) === root);
}

/**
 * Reported: a subcommand whose own name or description says it destroys or rewrites state (`destructive`,
 * the CLI's counterpart of an HTTP DELETE/POST), registered with no middleware guard, in a command chain
 * where a sibling command passes one in its middleware slot. What sits in that slot is middleware by where
 * yargs mounts it; a same-file guard by shape, the guard vocabulary, or a name stating a requirement
 * (`requireOperator`, `ensureAdmin`) is a guard there. Not reported: a chain with no guarded command
 * (nothing says this CLI guards commands), read-only commands, global `.middleware(..)` on the chain.
 */
export function unguardedCommandCheck(ctx: CheckContext): Hit[] {
  const { node, params } = ctx;
  const own = commandOf(node);
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  if (!own || !destructive.test(`${own.name} ${own.describe}`)) return [];
  const { names, isGuard } = fileGuards(ctx);
  const slot = slotGuard(isGuard, names);
  // A guard in the middleware slot, or wrapping the handler a chained call hands over (`.action(requireOperator(h))`).
  const wraps = (c: Command) => tailOf(c.call).some((t) => ((t.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [])
    .some((a) => a.kind() === "call_expression" && slot(calleeName(a)) && ((a.field("arguments" as never) as SgNode | null)?.namedChildren().length ?? 0) > 0));
  // ... or a check the handler makes first (`.action(async (o) => { requireOperator(o); .. })`) that is a
  // guard of the file, or a requirement whose definition reads a credential and stops the command.
  const root = node.getRoot().root();
  const checks = (name: string) => isGuard(name) || (slot(name) && stopsWithoutCredential(root, name));
  const leads = (c: Command) => tailOf(c.call).some((t) => ((t.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [])
    .some((a) => { const first = firstCall(a); return !!first && checks(calleeName(first)); }));
  const guards = (c: Command) => wraps(c) || leads(c) || (c.middlewares?.namedChildren() ?? []).some((m) => /^[A-Za-z_$][\w$.]*$/.test(m.text()) && slot(m.text().replace(/^.*\./, "")));
  if (guards(own)) return [];
  const chain = [...chainCommands(node), ...siblingCommands(node)];
  const sibling = chain.find((c) => c.call.id() !== node.id() && guards(c));
  if (!sibling) return [];
  const property = (node.field("function" as never) as SgNode).field("property" as never) as SgNode;
  return [{ region: { start: regionOf(property).start, end: regionOf(node).end }, message: `command ${own.name} changes state but is registered without the guard middleware its sibling command goes through (line ${sibling.call.range().start.line + 1})` }];
}

/** The call a function literal's body makes first (`requireOperator(opts)`, `await ensureAdmin(ctx)`), if its first statement is one. */
function firstCall(fn: SgNode): SgNode | null {
  if (!/^(arrow_function|function_expression|function)$/.test(String(fn.kind()))) return null;
  const body = fn.field("body" as never) as SgNode | null;
  const first = body?.kind() === "statement_block" ? body.namedChildren().find((s) => !/comment/.test(String(s.kind()))) : null;
  return first ? statementCall(first) : null;
}

/** The file defines `name` as a function that reads a credential (token, key, role..) and stops (throws, exits) without it. */
function stopsWithoutCredential(root: SgNode, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  const named = { field: "name", regex: `^${escapeRegExp(name)}$` };
  const def = root.find({ rule: { any: [{ kind: "function_declaration", has: named }, { kind: "variable_declarator", has: named }] } } as never);
  const text = def?.text() ?? "";
  return SUBJECT.test(text) && /\bthrow\b|\bexit\s*\(/.test(text);
}

/** The decorators of the file's function of that name (`@requires_operator def cmd_x(..)` -> `requires_operator`). */
function decoratorsOf(root: SgNode, name: string): string[] | null {
  const def = root.find({ rule: { kind: "function_definition", has: { field: "name", regex: `^${name}$` } } } as never);
  if (!def) return null;
  const holder = def.parent();
  if (holder?.kind() !== "decorated_definition") return [];
  return holder.children().filter((c) => c.kind() === "decorator").map((d) => d.text().replace(/^@\s*/, "").replace(/\(.*$/s, "").replace(/^.*\./, ""));
}

/** `x.set_defaults(func=handler)` after `x = sub.add_parser("name", help="..")`: the subcommand's name, help and handler. */
function subcommandOf(call: SgNode, scope: SgNode): { name: string; help: string; handler: string } | null {
  const m = /^([A-Za-z_]\w*)\s*\.\s*set_defaults\s*\([^)]*\bfunc\s*=\s*([A-Za-z_]\w*)/s.exec(call.text());
  if (!m) return null;
  const parser = new RegExp(`(?<![\\w.])${m[1]}\\s*=\\s*[\\w.]+\\.add_parser\\(\\s*["']([^"']+)["']([^)]*)\\)`).exec(scope.text());
  if (!parser) return null;
  return { name: parser[1]!, help: /\bhelp\s*=\s*["']([^"']*)["']/.exec(parser[2]!)?.[1] ?? "", handler: m[2]! };
}

/**
 * argparse: a destructive subparser whose handler (`set_defaults(func=cmd_drop)`, a function of this file)
 * carries no guard decorator, in a parser whose sibling subcommand's handler does (`@requires_operator`).
 * A decorator wraps the handler it sits on, so a name stating a requirement is a guard there, as are
 * same-file guards by shape and the guard vocabulary.
 */
export function unguardedSubparserCheck(ctx: CheckContext): Hit[] {
  const { node, params } = ctx;
  const scope = ancestor(node, /^function_definition$/);
  const own = scope ? subcommandOf(node, scope) : null;
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  if (!scope || !own || !destructive.test(`${own.name} ${own.help}`)) return [];
  const root = node.getRoot().root();
  const { names, isGuard } = fileGuards(ctx);
  const slot = slotGuard(isGuard, names);
  const guardedHandler = (h: string) => (decoratorsOf(root, h) ?? []).some(slot);
  const ownDecorators = decoratorsOf(root, own.handler);
  if (ownDecorators === null || guardedHandler(own.handler)) return [];
  const sibling = scope.findAll({ rule: { kind: "call", regex: "\\.set_defaults\\s*\\(" } } as never)
    .filter((c) => c.id() !== node.id())
    .find((c) => { const s = subcommandOf(c, scope); return !!s && s.handler !== own.handler && guardedHandler(s.handler); });
  if (!sibling) return [];
  return [{ region: regionOf(node), message: `subcommand ${own.name} changes state but its handler ${own.handler} lacks the guard decorator its sibling's handler carries (line ${sibling.range().start.line + 1})` }];
}
