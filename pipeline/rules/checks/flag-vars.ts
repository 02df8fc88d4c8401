// ignored-parameter for Go flags bound to package-level variables: `batchSize = cmd.Flag("batch-size",
// ..).Int()` or `limit = flag.Int("limit", 50, ..)` returns a pointer the parser fills; a variable nothing
// dereferences is a flag the program accepts and ignores. Whether anything reads it is a question for
// every walked file (finish-scan's `if-unreferenced`).
import type { SgNode } from "@ast-grep/napi";
import { type Hit, regionOf } from "./hit";

/** Import paths of flag parsers whose definitions return a pointer filled at parse time. */
const FLAG_PACKAGE = /^(flag|github\.com\/spf13\/pflag|github\.com\/alecthomas\/kingpin(\/v\d+)?|gopkg\.in\/alecthomas\/kingpin\.v\d+)$/;

/** Calls of those packages that do not define a value: they build parsers, parse, or look flags up. */
const NOT_A_DEFINITION = /^(New|NewFlagSet|Parse|MustParse|Lookup|Set|Usage|Command|CommandLine|Arg|Args|NArg|NFlag|Visit|VisitAll|Var|Func)$/;

/** The names the file imports flag packages under (`flag`, `pflag`, `kingpin`, or an alias). */
export function flagPackages(root: SgNode): Set<string> {
  const out = new Set<string>();
  for (const spec of root.findAll({ rule: { kind: "import_spec" } })) {
    const path = /"([^"]+)"/.exec(spec.text())?.[1] ?? "";
    if (!FLAG_PACKAGE.test(path)) continue;
    const alias = (spec.field("name" as never) as SgNode | null)?.text();
    out.add(alias && alias !== "_" && alias !== "." ? alias : /kingpin/.test(path) ? "kingpin" : path.split("/").pop()!);
  }
  return out;
}

/** The innermost receiver of a call chain and the chain's calls, outermost first (`app.Flag("x").Default("1").Int()`). */
function chain(expr: SgNode): { root: string; calls: { name: string; firstArg: string }[] } | null {
  const calls: { name: string; firstArg: string }[] = [];
  let n: SgNode | null = expr;
  while (n?.kind() === "call_expression") {
    const fn = n.field("function" as never) as SgNode | null;
    if (fn?.kind() !== "selector_expression") return null;
    const args = (n.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
    calls.push({ name: (fn.field("field" as never) as SgNode | null)?.text() ?? "", firstArg: args[0]?.kind() === "interpreted_string_literal" ? args[0].text() : "" });
    n = fn.field("operand" as never) as SgNode | null;
  }
  return n?.kind() === "identifier" && calls.length ? { root: n.text(), calls } : null;
}

/**
 * The node is a package-level `var_spec`. It defines a flag when its value is a call chain rooted in a flag
 * package (directly, or through package-level variables of the file built from one: `app = kingpin.New(..)`,
 * `serveCmd = app.Command(..)`) and it names the flag: kingpin's `.Flag("batch-size", ..)`/`.Arg(..)` in the
 * chain, or std flag/pflag's `flag.Int("limit", ..)` as the outermost call. The hit lands on the variable's
 * name; the scan keeps it only if no other line of the repository mentions it.
 */
export function flagVariable(spec: SgNode): (Hit & { name: string }) | null {
  const names = spec.fieldChildren("name" as never) as SgNode[];
  const values = (spec.field("value" as never) as SgNode | null)?.namedChildren() ?? [];
  if (names.length !== 1 || values.length !== 1 || names[0]!.text() === "_") return null;
  const root = spec.getRoot().root();
  const packages = flagPackages(root);
  if (!packages.size) return null;
  const c = chain(values[0]!);
  if (!c || !rootedInFlagPackage(c.root, packages, root, 0)) return null;
  const named = c.calls.slice(1).some((k) => /^(Flag|Arg)$/.test(k.name) && k.firstArg) ||
    (packages.has(c.root) ? c.calls.length === 1 && !!c.calls[0]!.firstArg && !NOT_A_DEFINITION.test(c.calls[0]!.name)
      : c.calls.length === 1 && /^[A-Z]\w*$/.test(c.calls[0]!.name) && !!c.calls[0]!.firstArg && !NOT_A_DEFINITION.test(c.calls[0]!.name) && flagSet(c.root, root, packages));
  if (!named) return null;
  const name = names[0]!;
  return { name: name.text(), region: regionOf(name), message: `flag variable '${name.text()}' is defined but never read: the flag is accepted and has no effect` };
}

/** A package-level variable of the file whose value is a chain rooted in a flag package (followed a few steps). */
function rootedInFlagPackage(id: string, packages: Set<string>, root: SgNode, depth: number): boolean {
  if (packages.has(id)) return true;
  if (depth > 3) return false;
  const def = packageVar(id, root);
  const c = def ? chain(def) : null;
  return !!c && rootedInFlagPackage(c.root, packages, root, depth + 1);
}

/** `fs = flag.NewFlagSet(..)` / `pflag.NewFlagSet(..)`: a flag set whose `fs.Int("x", ..)` defines flags. */
function flagSet(id: string, root: SgNode, packages: Set<string>): boolean {
  const def = packageVar(id, root);
  const c = def ? chain(def) : null;
  return !!c && packages.has(c.root) && c.calls.length === 1 && c.calls[0]!.name === "NewFlagSet";
}

/** The value of a package-level `var id = ..` of the file. */
function packageVar(id: string, root: SgNode): SgNode | null {
  for (const spec of root.findAll({ rule: { kind: "var_spec", inside: { kind: "source_file", stopBy: { kind: "function_declaration" } } } })) {
    const names = spec.fieldChildren("name" as never) as SgNode[];
    if (names.length === 1 && names[0]!.text() === id) return (spec.field("value" as never) as SgNode | null)?.namedChildren()[0] ?? null;
  }
  return null;
}
