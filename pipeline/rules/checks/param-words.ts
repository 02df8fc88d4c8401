// What a parameter is named for: the words of its name and of its declared type.
import type { SgNode } from "@ast-grep/napi";

/** Words of an identifier: requestTimeoutMs → request, timeout, ms; max_age → max, age. */
export function identifierWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[_\W]+/).filter(Boolean);
}

/** Containers whose (first) argument is the real type: `Option<Filter>`, `Partial<ListOptions>`, `Optional[Policy]`, `Annotated[bool, Option()]`. */
const WRAPPERS = /^(Annotated|Option|Optional|Box|Arc|Rc|Cow|Vec|Partial|Readonly|Required|Array|ReadonlyArray|Promise|List|list|Sequence|Iterable)$/;

/** The name of a parameter's declared type, unwrapped (`*service.Filter` → Filter, `&Option<Scope>` → Scope). */
export function typeName(param: SgNode): string {
  const holder = param.parent();
  const type = holder && (holder.field("type" as never) as SgNode | null);
  let t = (type?.text() ?? "").replace(/^[:\s]+/, "");
  for (let i = 0; i < 4; i++) {
    t = t.replace(/^(&\s*('\w+\s+)?(mut\s+)?|\*|\[\]|\.\.\.|readonly\s+|impl\s+|dyn\s+)+/, "").trim();
    // `X<...>` (a generic), `X[...]` (Python's subscript); TS's `X['field']` is a field's type, not X.
    const m = /^([\w.:]+)\s*(?:<\s*(.*)>|\[\s*(?!["'`])(.*)\])$/s.exec(t);
    if (!m) break;
    const head = m[1]!.split(/\.|::/).pop()!;
    if (!WRAPPERS.test(head)) { t = m[1]!; break; }
    t = (m[2] ?? m[3]!).split(",")[0]!;
  }
  return /^[\w.:]+$/.test(t) ? t.split(/\.|::/).pop()! : "";
}

