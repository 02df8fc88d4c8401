// ignored-parameter for command-line options a Python class declares as attributes, whatever the library:
// a class-body assignment whose value is a declaring call naming a long option (`force = Flag("--force",
// help=..)`, `out = SwitchAttr(["-o", "--out"], str)`). The parser stores the parsed value on the instance
// under the attribute's name, so a class that reads its other options as `self.name` and never reads this one
// accepts the flag and ignores it.
import type { SgNode } from "@ast-grep/napi";
import type { OptionHit } from "./declared-options";
import { regionOf } from "./hit";

const field = (n: SgNode | null | undefined, name: string) => (n?.field(name as never) as SgNode | null | undefined) ?? null;

/** The long option a declaring call names in its first argument (a string, or a list/tuple of strings). */
function longOption(call: SgNode): string | null {
  const first = field(call, "arguments")?.namedChildren()[0];
  if (!first) return null;
  const strings = first.kind() === "string" ? [first] : /^(list|tuple)$/.test(String(first.kind())) ? first.namedChildren().filter((c) => c.kind() === "string") : [];
  const long = strings.map((s) => /^[rbuf]*["']--([A-Za-z][\w-]*)["']$/i.exec(s.text())?.[1]).find((l) => l);
  return long && !/^(help|version)$/.test(long) ? long : null;
}

/** Class attributes declared by a call naming a long option: the attribute's name node and the option. */
function declaredAttributes(cls: SgNode): { name: SgNode; option: string }[] {
  const out: { name: SgNode; option: string }[] = [];
  for (const stmt of field(cls, "body")?.namedChildren() ?? []) {
    const assign = stmt.kind() === "expression_statement" ? stmt.namedChildren()[0] : null;
    if (assign?.kind() !== "assignment") continue;
    const left = field(assign, "left"), right = field(assign, "right");
    if (left?.kind() !== "identifier" || right?.kind() !== "call") continue;
    const option = longOption(right);
    if (option) out.push({ name: left, option });
  }
  return out;
}

/**
 * Declared option attributes the file never reads (`self.force`, `cls.force`, `obj.force`, `getattr(.., "force")`),
 * reported only when the class does read another declared option through `self.` (the parsed values live
 * on the instance). Each hit carries the attribute so the scan keeps it only if no other file reads `.name`.
 */
export function unreadAttributeOptions(cls: SgNode): OptionHit[] {
  const declared = declaredAttributes(cls);
  if (declared.length < 2) return [];
  const code = cls.getRoot().root().text();
  const read = (name: string) => new RegExp(`\\.\\s*${name}\\b|["']${name}["']`).test(code);
  const body = cls.text();
  if (!declared.some((d) => new RegExp(`\\bself\\.${d.name.text()}\\b`).test(body))) return [];
  return declared.filter((d) => !read(d.name.text())).map((d) => ({
    region: regionOf(d.name),
    field: d.name.text(),
    message: `option '--${d.option}' is declared as '${d.name.text()}' but nothing reads it: the flag is accepted and has no effect`,
  }));
}
