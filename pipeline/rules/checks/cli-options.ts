// ignored-parameter for options a parser declares one by one and hands to a command function: argparse's
// `sub.add_argument("--since")` + `sub.set_defaults(func=cmd_status)`. The command is the function the
// parser mounts; an option it never reads (`args.since`) is accepted on the command line and has no effect.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";

/** The attribute argparse stores an option under: `dest=`, else the first long flag, else the positional name. */
export function argparseDest(call: SgNode): string | null {
  const args = (call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
  const dest = args.find((a) => a.kind() === "keyword_argument" && (a.field("name" as never) as SgNode | null)?.text() === "dest");
  if (dest) return /^["'](\w+)["']$/.exec((dest.field("value" as never) as SgNode | null)?.text() ?? "")?.[1] ?? null;
  // `action="help"/"version"`: the parser acts on it, nothing to read.
  if (args.some((a) => a.kind() === "keyword_argument" && /^action$/.test((a.field("name" as never) as SgNode | null)?.text() ?? "") && /["'](help|version)["']/.test(a.text()))) return null;
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
export function unreadCliOptionsCheck({ node }: CheckContext): Hit[] {
  const parser = /^([\w.]+)\.set_defaults$/.exec((node.field("function" as never) as SgNode | null)?.text() ?? "")?.[1];
  const func = (node.field("arguments" as never) as SgNode | null)?.namedChildren()
    .find((a) => a.kind() === "keyword_argument" && (a.field("name" as never) as SgNode | null)?.text() === "func");
  const handlerName = (func?.field("value" as never) as SgNode | null)?.text() ?? "";
  if (!parser || !/^\w+$/.test(handlerName)) return [];
  const handler = topFunction(node.getRoot().root(), handlerName);
  const ns = handler?.field("parameters" as never) as SgNode | null;
  const first = ns?.namedChildren()[0];
  const nsName = (first?.kind() === "identifier" ? first : (first?.field("name" as never) as SgNode | null) ?? first?.namedChildren()[0])?.text();
  const body = (handler?.field("body" as never) as SgNode | null)?.text() ?? "";
  if (!handler || !nsName || !/^\w+$/.test(nsName)) return [];
  // Handed on whole: a call given the namespace itself, `vars(args)`, `getattr(args, name)`.
  if (new RegExp(`[(,]\\s*\\**${nsName}\\s*[,)]`).test(body)) return [];
  const block = node.parent()?.parent();
  if (!block) return [];
  const out: Hit[] = [];
  for (const call of block.findAll({ rule: { kind: "call", has: { field: "function", regex: `^${parser.replace(/\./g, "\\.")}\\.add_argument$` } } })) {
    const dest = argparseDest(call);
    if (!dest || new RegExp(`\\b${nsName}\\s*\\.\\s*${dest}\\b`).test(body)) continue;
    out.push({ region: regionOf(call), message: `option '${dest}' is parsed for '${handlerName}', which never reads it: the flag is accepted and has no effect` });
  }
  return out;
}
