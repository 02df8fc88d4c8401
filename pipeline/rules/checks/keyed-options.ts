// ignored-parameter for options declared by name and read back by the same name as a string key, the way
// getopts-style builders (`opts.optopt("", "prefetch", "messages in flight", "N")` then
// `matches.opt_str("queue")`) and usage-text parsers (`docopt(__doc__)` then `args["--dry-run"]`) work: a
// declared name that no other string of the file repeats is an option nothing looks up.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { type Hit, regionOf } from "./hit";

const NAME = /^[A-Za-z][\w-]*$/;
const HELP = /^(h|help|V|version)$/;

interface Declared { at: SgNode; names: string[]; spans: [number, number][]; line?: number }

/** The text of a string literal without its quotes (Rust `"x"`, Python `'x'`/`"x"`), or null for anything else. */
function literal(n: SgNode): string | null {
  if (!/^(string_literal|string|interpreted_string_literal)$/.test(String(n.kind()))) return null;
  return /^(["'])(.*)\1$/s.exec(n.text())?.[2] ?? null;
}

/**
 * Rust: method calls that declare one option each, several on one receiver: a call whose three or more string
 * arguments hold a description (a literal with a space) and one or more names (a short and a long). The long name is
 * the option; any of the names repeated elsewhere reads it.
 */
function builderDeclarations(root: SgNode): Declared[] {
  const byReceiver = new Map<string, Declared[]>();
  for (const call of root.findAll({ rule: { kind: "call_expression", has: { field: "function", kind: "field_expression" } } })) {
    const args = (call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
    const strings = args.map(literal);
    // Three or more strings (names, a description, a value hint): a `map.insert("k", "a b")` pair is no declaration.
    if (strings.filter((s) => s !== null).length < 3 || !strings.some((s) => s !== null && /\s/.test(s))) continue;
    const names = strings.filter((s): s is string => s !== null && NAME.test(s));
    if (!names.length || names.some((n) => HELP.test(n))) continue;
    const receiver = ((call.field("function" as never) as SgNode).field("value" as never) as SgNode | null)?.text() ?? "";
    const list = byReceiver.get(receiver) ?? [];
    const nameArgs = args.filter((a) => { const s = literal(a); return s !== null && NAME.test(s); });
    list.push({ at: nameArgs[nameArgs.length - 1]!, names, spans: [[call.range().start.index, call.range().end.index]] });
    byReceiver.set(receiver, list);
  }
  return [...byReceiver.values()].filter((l) => l.length >= 2).flat();
}

/**
 * Go: calls made for their effect (an expression statement: the result, a pointer to the value, is dropped) that
 * declare one option each on a receiver, two or more on one: the first argument is the option's name and a
 * description in prose sits among the arguments (`wk.String("queue", "default", opt.Description("queue to read"))`,
 * `cmd.Flags().Int("workers", 4, "parallel workers")`). The value is then looked up by that name.
 */
function goDeclarations(root: SgNode): Declared[] {
  const byReceiver = new Map<string, Declared[]>();
  for (const call of root.findAll({ rule: { kind: "call_expression", inside: { kind: "expression_statement" }, has: { field: "function", kind: "selector_expression" } } })) {
    if (call.parent()?.kind() !== "expression_statement") continue;
    const args = (call.field("arguments" as never) as SgNode | null)?.namedChildren() ?? [];
    const name = args[0] ? literal(args[0]) : null;
    if (!name || !NAME.test(name) || HELP.test(name) || args.length < 2) continue;
    if (!args.slice(1).some((a) => a.findAll({ rule: { kind: "interpreted_string_literal" } }).concat(a.kind() === "interpreted_string_literal" ? [a] : []).some((x) => /\w\s+\w/.test(literal(x) ?? "")))) continue;
    const receiver = ((call.field("function" as never) as SgNode).field("operand" as never) as SgNode | null)?.text() ?? "";
    const list = byReceiver.get(receiver) ?? [];
    list.push({ at: args[0]!, names: [name], spans: [[call.range().start.index, call.range().end.index]] });
    byReceiver.set(receiver, list);
  }
  // The receiver is also handed the command's function, defined in this file (`wk.SetCommandFn(runWorker)`): the
  // declarations and the code that reads them meet here. Options declared on a receiver whose reader lives
  // elsewhere (cobra's `cmd.Flags()` read in another file) are left alone.
  const text = root.text();
  const local = new Set(root.findAll({ rule: { kind: "function_declaration" } }).map((f) => (f.field("name" as never) as SgNode | null)?.text() ?? ""));
  const handed = (r: string) => /^\w+$/.test(r) && [...text.matchAll(new RegExp(`(?<![\\w.])${r}\\.\\w+\\(\\s*(\\w+)\\s*\\)`, "g"))].some((m) => local.has(m[1]!));
  return [...byReceiver.entries()].filter(([r, l]) => l.length >= 2 && handed(r)).flatMap(([, l]) => l);
}

/**
 * Python: the module's docstring handed to a parser (`docopt(__doc__)`): every `--long` option listed on an
 * indented line of the usage text is declared there.
 */
function usageDeclarations(root: SgNode): Declared[] {
  if (!root.find({ rule: { kind: "call", has: { field: "arguments", has: { kind: "identifier", regex: "^__doc__$" } } } })) return [];
  const first = root.namedChildren()[0];
  const doc = first?.kind() === "expression_statement" ? first.child(0) : null;
  if (doc?.kind() !== "string") return [];
  const out: Declared[] = [];
  const seen = new Set<string>();
  for (const m of doc.text().matchAll(/^[ \t]+(?:-\w[ ,]+)?(--[A-Za-z][\w-]*)/gm)) {
    const name = m[1]!;
    if (seen.has(name) || HELP.test(name.slice(2))) continue;
    seen.add(name);
    const line = doc.range().start.line + doc.text().slice(0, m.index! + m[0].length).split("\n").length - 1;
    out.push({ at: doc, names: [name], spans: [[doc.range().start.index, doc.range().end.index]], line });
  }
  return out;
}

/**
 * Declared options no other string literal of the file names. Only when the file does look options up by
 * name (another declared option is read by its string): otherwise the parsed result is read some other way
 * (handed on whole, converted to a record) and nothing here can tell.
 */
export function unreadKeyedOptions(root: SgNode, lang: GrammarLanguage): Hit[] {
  const declared = lang === "rust" ? builderDeclarations(root) : lang === "python" ? usageDeclarations(root) : lang === "go" ? goDeclarations(root) : [];
  if (declared.length < 2) return [];
  const spans = declared.flatMap((d) => d.spans);
  const kind = lang === "rust" ? "string_literal" : lang === "go" ? "interpreted_string_literal" : "string";
  const keys = new Set(root.findAll({ rule: { kind } })
    .filter((s) => !spans.some(([a, b]) => s.range().start.index >= a && s.range().start.index < b))
    .map(literal).filter((s): s is string => s !== null));
  const read = declared.filter((d) => d.names.some((n) => keys.has(n)));
  if (!read.length) return [];
  return declared.filter((d) => !read.includes(d)).map((d) => {
    const name = d.names[d.names.length - 1]!;
    // An option of a usage text is reported on its own line of the text.
    const region = d.line === undefined ? regionOf(d.at) : { start: { line: d.line, column: 0 }, end: { line: d.line, column: 0 } };
    return { region, message: `option '${name}' is declared but never looked up by name: the flag is accepted and has no effect` };
  });
}
