// ignored-parameter, the parser's half: a record a function of the file builds from raw input (query
// strings, argv) and the file itself consumes. `parseListOptions(req.query)` fills `includeDeleted`, the
// handler reads `opts.limit` and `opts.cursor`: the flag the client sends is parsed and dropped.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { callEnd, nameOf } from "../syntax";
import { resultOf } from "./record-types";
import { parameterNames } from "./unused-parameter";

const esc = (s: string) => s.replace(/\$/g, "\\$");

/** A binding of a call's result to one local: `let args = f()?`, `const opts = await f(q)`, `opts := f()`, `opts = f()`. */
const BINDING = /(?:\b(?:let(?:\s+mut)?|const|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::\s*[^=\n]+?)?\s*:?=\s*(?:await\s+)?$/;

/** After the call: only Rust/TS error plumbing that hands the same value on (`?`, `.await`, `.map_err(..)?`, `.unwrap()`). */
const PLUMBING = new Set(["map_err", "context", "with_context", "expect", "unwrap", "unwrap_or_else"]);


/**
 * The locals that receive the record from the file's own producers, with the function body each lives in,
 * or null when some call of a producer does anything else with it (returns it, passes it on, destructures it,
 * maps it): then the file is not the record's only consumer.
 */
function boundLocals(content: string, producers: string[], fns: SgNode[]): { name: string; from: number; to: number }[] | null {
  const out: { name: string; from: number; to: number }[] = [];
  for (const p of producers) {
    for (const m of content.matchAll(new RegExp(`(?<![\\w$.])${esc(p)}\\s*\\(`, "g"))) {
      const lineStart = content.lastIndexOf("\n", m.index!) + 1;
      const before = content.slice(lineStart, m.index!);
      if (/\b(fn|function|def|func)\s+$/.test(before)) continue;
      const bound = BINDING.exec(before);
      if (!bound || /[.[]\s*$/.test(before.slice(0, bound.index))) return null;
      const end = callEnd(content, m.index! + m[0].length - 1);
      if (end < 0) return null;
      const stmtEnd = content.slice(end).search(/[;\n]/);
      const rest = content.slice(end, stmtEnd < 0 ? undefined : end + stmtEnd);
      // Only calls of error plumbing may follow (their arguments are closures or messages, not the record).
      const chained = [...rest.replace(/\([^()]*(\([^()]*\)[^()]*)*\)/g, "()").matchAll(/\.\s*(\w+)/g)].map((c) => c[1]!);
      if (chained.some((c) => c !== "await" && !PLUMBING.has(c))) return null;
      const fn = fns.filter((f) => f.range().start.index <= m.index! && f.range().end.index >= end)
        .sort((a, b) => a.range().start.index - b.range().start.index).pop();
      if (!fn) return null;
      out.push({ name: bound[1]!, from: end, to: fn.range().end.index });
    }
  }
  return out;
}

/**
 * Is the record (`id`, fields `fieldNames`) produced by parsers of this file and consumed only here?
 * Every non-own function returning it is a producer and must be a parser (at most one input); each producer
 * must be called in the file, each call
 * bound to a local, and every later mention of that local in its function must read one of the record's
 * fields (`opts.limit`) or hand it to one of the file's own takers of the record (`push(&remote, &args)`;
 * those read it field by field or the caller gives up). Then a field no code reads is input the
 * program parses and throws away.
 */
export function parsedHere(root: SgNode, fns: SgNode[], id: string, lang: GrammarLanguage, fieldNames: Set<string>, takers: Set<string>, own: (fn: SgNode) => boolean): boolean {
  const names = new RegExp(`(?<![\\w$])${esc(id)}(?![\\w$])`);
  const producing = fns.filter((fn) => !own(fn) && names.test(resultOf(fn)));
  // A parser reads one raw source (a query map, a string, argv handed in) or none (the process's own argv
  // or environment); a function of several inputs that returns the record computes a result (fastapi's
  // `solve_dependencies(request, dependant, ...) -> SolvedDependency`), whose unread field is dead output.
  if (producing.some((fn) => parameterNames(fn, lang).filter((p) => !/^(self|cls)$/.test(p.text())).length > 1)) return false;
  const producers = producing.map((fn) => nameOf(fn));
  if (!producers.length || producers.some((p) => !p)) return false;
  const content = root.text();
  const locals = boundLocals(content, producers, fns);
  if (!locals?.length) return false;
  const arg = lang === "rust" ? "&\\s*(?:mut\\s+)?" : "";
  return locals.every(({ name, from, to }) => {
    const body = content.slice(from, to);
    // `...opts` spreads the record (a mention); `x.opts` is another value's member (not one).
    return [...body.matchAll(new RegExp(`(?<![\\w$])(?<![^.]\\.)${esc(name)}(?![\\w$])`, "g"))].every((m) => {
      const after = body.slice(m.index! + name.length);
      const field = /^\s*\??\.\s*(\w+)/.exec(after)?.[1];
      if (field) return fieldNames.has(field);
      const before = body.slice(Math.max(0, m.index! - 200), m.index!);
      // A bare call of the file's own taker (`other::index(&opts)`, `svc.index(opts)` are someone else's).
      const callee = new RegExp(`(?<![\\w$:.])([\\w$]+)\\s*\\(([^()]*,)?\\s*${arg}$`).exec(before)?.[1];
      return !!callee && takers.has(callee) && /^\s*[,)]/.test(after);
    });
  });
}
