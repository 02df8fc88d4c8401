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

/**
 * The function's doc comment says what the parameter does: every word of its name appears as a word of the
 * prose (`// List returns orders, optionally filtered by status` for `status`; `// ... at the given bitrate
 * (kbps)` for `bitrateKbps`; `/// \`category\` restricts the listing`). The caller was told the value is
 * honoured, whatever receives the function (a router, a task registry) and whatever interface it may meet.
 */
export function docPromises(doc: string, name: string): boolean {
  const words = identifierWords(name);
  if (!doc || !words.length || name.length < 2) return false;
  // A lint allowance (`#[allow(unused_variables)]`, `pylint: disable`, `eslint-disable`, `noqa`) says the drop is known.
  if (/\ballow\s*\(\s*unused|\bunused_variables\b|pylint:\s*disable|eslint-disable|\bnoqa\b|nolint/i.test(doc)) return false;
  return words.every((w) => proseWords(doc).has(w));
}

/**
 * The doc's prose: comment markers stripped, attributes, and the per-parameter reference left out (`@param x`,
 * `:param x:`, an `Args:`/`Parameters` section): a signature's reference lists every parameter, imposed or not;
 * only the description of what the function does promises anything.
 */
function proseWords(doc: string): Set<string> {
  const kept: string[] = [];
  for (const line of doc.split("\n")) {
    const text = line.replace(/^\s*(\/\/+!?|\/\*+|\*+\/?|#+|"""|''')/, " ");
    if (/^\s*#!?\[/.test(line) || /^\s*(@(param|arg|argument|prop|property|type)\b|:(param|arg|type)\b)/.test(text)) continue;
    if (/^\s*(Args|Arguments|Parameters|Params|Keyword Args|Kwargs|Attributes)\s*:?\s*$/.test(text) || /^\s*#\s*(Arguments|Parameters)\b/.test(line)) break;
    kept.push(text);
  }
  return new Set(identifierWords(kept.join(" ")));
}
