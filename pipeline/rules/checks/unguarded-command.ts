// unwired-auth on a CLI: commands are routes too. A destructive subcommand registered bare in a command
// chain whose sibling subcommands go through a guard middleware.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { guardTest, guardVocabulary, sameFileGuards } from "./guard-shape";
import { type Hit, param, regionOf } from "./hit";

interface Command { call: SgNode; name: string; describe: string; middlewares: SgNode | null }

/** `.command("name <arg>", "describe", builder, handler, [middlewares])` on a yargs-style chain. */
function commandOf(call: SgNode): Command | null {
  const fn = call.field("function" as never) as SgNode | null;
  if (fn?.kind() !== "member_expression" || (fn.field("property" as never) as SgNode | null)?.text() !== "command") return null;
  const args = ((call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  if (!args[0] || !/string/.test(String(args[0].kind())) || args.length < 2) return null;
  const text = (n: SgNode | undefined) => (n && /string/.test(String(n.kind())) ? n.text().replace(/^["'`]|["'`]$/g, "") : "");
  const last = args[args.length - 1]!;
  return { call, name: text(args[0]).split(/\s+/)[0]!, describe: text(args[1]), middlewares: args.length >= 5 && last.kind() === "array" ? last : null };
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

/**
 * Reported: a subcommand whose own name or description says it destroys or rewrites state (`destructive`,
 * the CLI's counterpart of an HTTP DELETE/POST), registered with no middleware guard, in a command chain
 * where a sibling command passes one in its middleware slot. What sits in that slot is middleware by where
 * yargs mounts it; a same-file guard by shape, the guard vocabulary, or a name stating a requirement
 * (`requireOperator`, `ensureAdmin`) is a guard there. Not reported: a chain with no guarded command
 * (nothing says this CLI guards commands), read-only commands, global `.middleware(..)` on the chain.
 */
export function unguardedCommandCheck({ node, params, rule, file }: CheckContext): Hit[] {
  const own = commandOf(node);
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  if (!own || !destructive.test(`${own.name} ${own.describe}`)) return [];
  const names = guardVocabulary(param<string[]>(params, "names", []));
  const isGuard = guardTest(sameFileGuards(node.getRoot().root(), rule.language, file), names);
  const verb = names[1] ?? /(?!)/;
  const guards = (c: Command) => (c.middlewares?.namedChildren() ?? []).some((m) => /^[A-Za-z_$][\w$.]*$/.test(m.text()) && (isGuard(m.text()) || verb.test(m.text().replace(/^.*\./, ""))));
  if (guards(own)) return [];
  const chain = chainCommands(node);
  const sibling = chain.find((c) => c.call.id() !== node.id() && guards(c));
  if (!sibling) return [];
  return [{ region: regionOf(node), message: `command ${own.name} changes state but is registered without the guard middleware its sibling command goes through (line ${sibling.call.range().start.line + 1})` }];
}
