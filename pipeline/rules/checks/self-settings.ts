// ignored-parameter for a Python class that consumes its own settings: its body declares two or more annotated
// fields with a literal default (`timeout_seconds: int = 30`, `verify_tls: bool = True`: a dataclass, a pydantic
// model, any framework's configurable component) and its methods read at least two of them as `self.name`. A
// setting that nothing reads is one an operator can set and that has no effect.
import type { SgNode } from "@ast-grep/napi";
import { type Hit, regionOf } from "./hit";

const field = (n: SgNode | null | undefined, name: string) => (n?.field(name as never) as SgNode | null | undefined) ?? null;

/** A literal default: a number, a boolean, a string (not an f-string). */
const LITERAL = /^(-?\d[\d_.eE]*|True|False|[rbu]*("[^"\n]*"|'[^'\n]*'))$/i;

/** The whole instance handed on (`asdict(self)`, `self.model_dump()`, `vars(self)`, `getattr(self, name)`): any field may be read. */
const WHOLE = /\b(asdict|astuple|vars|fields|replace|getattr)\s*\(\s*self\b|\bself\.(__dict__|model_dump|dict|json|to_dict|_asdict|model_fields)\b|\*\*\s*self\b/;

/** `name: T = literal` statements of the class body, private and constant names left out. */
function settings(cls: SgNode): { name: SgNode; text: string }[] {
  const out: { name: SgNode; text: string }[] = [];
  for (const stmt of field(cls, "body")?.namedChildren() ?? []) {
    const assign = stmt.kind() === "expression_statement" ? stmt.namedChildren()[0] : null;
    if (assign?.kind() !== "assignment" || !field(assign, "type")) continue;
    const left = field(assign, "left");
    const value = field(assign, "right")?.text() ?? "";
    if (left?.kind() !== "identifier" || /^_|^[A-Z0-9_]+$/.test(left.text()) || !LITERAL.test(value)) continue;
    out.push({ name: left, text: left.text() });
  }
  return out;
}

/**
 * Settings of a class that reads two or more of its settings through `self` and never hands itself on whole,
 * which the file never reads (`.name`, `"name"`). Each hit carries the field: the scan keeps it only when no
 * other file reads `.name` either.
 */
export function unreadSelfSettings(cls: SgNode): (Hit & { field: string })[] {
  const declared = settings(cls);
  if (declared.length < 2) return [];
  const body = cls.text();
  if (WHOLE.test(body)) return [];
  const selfRead = declared.filter((d) => new RegExp(`\\bself\\.${d.text}\\b`).test(body));
  if (selfRead.length < 2) return [];
  const code = cls.getRoot().root().text();
  return declared
    .filter((d) => !new RegExp(`\\.\\s*${d.text}\\b|["']${d.text}["']`).test(code))
    .map((d) => ({ region: regionOf(d.name), field: d.text, message: `setting '${d.text}' is declared with a default but nothing reads it: setting it has no effect` }));
}
