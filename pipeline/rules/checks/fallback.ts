// swallowed-error: a try whose failure leaves a fallback value the code goes on with. A parse of a value in
// memory used as a probe (`try { body = JSON.parse(text) } catch {}` with `text` used after), and a try
// that assigns a variable already holding a fallback that its next use tests (`mime = None; try: ... mime =
// sniff(f) except Exception: pass; if not mime: ...`).
import type { SgNode } from "@ast-grep/napi";
import { escapeRegExp, scriptScope } from "../syntax";
import type { GrammarLanguage } from "../rule-spec";
import { removes } from "./removes-existing";

const field = (n: SgNode, name: string): SgNode | null => n.field(name as never) as SgNode | null;
/**
 * A parse of a value already in memory: `JSON.parse(s)`, `json.loads(s)`, `schema.parse(x)`, or a decoding of one
 * (`decodeURIComponent(s)`, `atob(s)`, `x.decode(..)`): it throws only on malformed input and leaves the input as it was.
 */
const PARSE = /^(await\s+)?(JSON\.parse|json\.loads|[\w$.]+\.(loads|parse|decode)|decodeURI(?:Component)?|atob)\s*\(([\s\S]*)\)$/;
/** Reads a file, the network or a process: the parse of what those return is not of a value in memory. */
const FETCHES = /\b(read\w*|fetch|request|query|execute|recv|open|get|post|urlopen|loads?)\s*\(/i;

/** The text of the function after `stmt` (the code a failure falls through to) and before it. */
function around(stmt: SgNode): { before: string; after: string } {
  const fn = scriptScope(stmt);
  const t = fn.text();
  const start = stmt.range().start.index - fn.range().start.index;
  const end = stmt.range().end.index - fn.range().start.index;
  return { before: t.slice(0, start), after: t.slice(end) };
}

const statementsOf = (block: SgNode) => block.namedChildren().filter((c) => !/comment/.test(String(c.kind())));
const uses = (text: string, name: string) => new RegExp(`(?<![\\w$.])${escapeRegExp(name)}(?![\\w$])`).test(text);

/** `x = JSON.parse(s)`, `const x = ...`, or the bare call: the parse, its argument and what it is bound to. */
function parseIn(st: SgNode): { arg: string; target: string | null } | null {
  let value: SgNode | null = st.kind() === "expression_statement" ? st.child(0) : null;
  let target: string | null = null;
  if (value && /^(assignment|assignment_expression)$/.test(String(value.kind()))) {
    target = field(value, "left")?.text() ?? null;
    value = field(value, "right");
  } else if (/^(lexical_declaration|variable_declaration)$/.test(String(st.kind()))) {
    const decl = st.namedChildren().find((c) => c.kind() === "variable_declarator");
    target = decl ? field(decl, "name")?.text() ?? null : null;
    value = decl ? field(decl, "value") : null;
  }
  const m = value ? PARSE.exec(value.text().trim()) : null;
  if (!m || FETCHES.test(m[4]!)) return null;
  return { arg: m[4]!.split(",")[0]!.trim(), target };
}

/**
 * A parse of a value in memory as a probe: the try block starts with the parse and otherwise only computes
 * from it (`computes`), and the failure leaves something to go on with: the parse's result was discarded
 * and the try acts on the answer (a validity test), it was parsed in place (`t.error = JSON.parse(t.error)`), the target held a value
 * before, or the code after the handler uses the raw value (directly or through one local made from it).
 */
export function parseProbe(guarded: SgNode, computes: (st: SgNode) => boolean): boolean {
  if (!/block/.test(String(guarded.kind()))) return false;
  const [first, ...rest] = statementsOf(guarded);
  const parse = first && parseIn(first);
  if (!parse || !rest.every(computes) || removes(guarded.text())) return false;
  // Reads of the parsed value (`payload.get("error")`) are lookups in memory, not input.
  const tail = rest.map((s) => s.text()).join("\n").replace(/(\)|[\w$]+)\.get\s*\(/g, "$1.at(");
  if (FETCHES.test(tail)) return false;
  // A discarded parse is a validity test when the try goes on to act on the answer (`json.loads(body)` then
  // set a JSON content type); alone, it tests nothing.
  if (!parse.target) return rest.length > 0;
  if (parse.target === parse.arg) return true;
  const stmt = guarded.parent()!;
  const { before, after } = around(stmt);
  if (new RegExp(`(?<![\\w$.])${escapeRegExp(parse.target)}\\s*(:[^=\\n]+)?=(?!=)`).test(before)) return true;
  const roots = parse.arg.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? [];
  const made = roots.flatMap((r) => new RegExp(`(?<![\\w$.])${escapeRegExp(r)}\\s*(?::[^=\\n]+)?=(?!=)\\s*([^\\n;]+)`).exec(before)?.[1]?.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? []);
  return [...roots, ...made].some((r) => r !== parse.target && uses(after, r));
}

/** Names the try block assigns, at any depth (`mime = ...` inside `if detections:`). */
function assigned(block: SgNode, lang: GrammarLanguage): string[] {
  return block.findAll({ rule: { kind: lang === "python" ? "assignment" : "assignment_expression" } })
    .map((a) => field(a, "left")).filter((l): l is SgNode => !!l && l.kind() === "identifier").map((l) => l.text());
}

/** The first use of `name` in `text` tests it: `if not x`, `x is None`, `x or y`, `if x:`, `!x`, `x ?? y`, `x?.`. */
function firstUseTests(text: string, name: string): boolean {
  const m = new RegExp(`(?<![\\w$.])${escapeRegExp(name)}(?![\\w$])`).exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + name.length);
  if (/(\bnot\s+|!\s*)$/.test(before)) return true;
  if (/^\s*(is\s+(not\s+)?None\b|[!=]=\s*(None|null|undefined)\b|or\b|\?\?|\?\.|\|\|)/.test(after)) return true;
  return /\b(if|elif|while)\s*\(?\s*$/.test(before) && /^\s*(\)|:)/.test(after);
}

/**
 * A try that only computes (`computes`) a variable that already held a fallback before it, whose first use
 * after the handler tests it: the failure leaves the fallback, and the code handles it.
 */
export function testedFallback(guarded: SgNode, lang: GrammarLanguage, computes: (st: SgNode) => boolean): boolean {
  if (!/block/.test(String(guarded.kind())) || lang !== "python" && lang !== "typescript") return false;
  const stmts = statementsOf(guarded);
  if (!stmts.length || !stmts.every(computes) || removes(guarded.text())) return false;
  const { before, after } = around(guarded.parent()!);
  return assigned(guarded, lang).some((v) =>
    new RegExp(`(?<![\\w$.])${escapeRegExp(v)}\\s*(:[^=\\n]+)?=(?!=)`).test(before) && firstUseTests(after, v));
}

/** A call into a native library loaded right there (`ctypes.CDLL("libc.so.6").malloc_trim(0)`), or its import. */
const NATIVE = /^((import|from)\s+ctypes\b[^\n]*|([\w.]*\b)?(CDLL|cdll\.LoadLibrary|windll\.\w+|cdll\.\w+)\s*\([^)]*\)\s*\.\s*\w+\s*\([^)]*\))\s*(#[^\n]*)?$/;

/**
 * Python: a platform probe. The try only imports ctypes and calls a function of a native library it loads
 * in the same expression (`ctypes.CDLL("libc.so.6").mallopt(-8, 2)`): on a platform without that library
 * or symbol the call cannot be made, and nothing was asked of it but a tuning.
 */
export function nativeProbe(guarded: SgNode): boolean {
  if (!/block/.test(String(guarded.kind()))) return false;
  const stmts = statementsOf(guarded);
  return stmts.some((st) => !/^(import|from)\b/.test(st.text())) && stmts.every((st) => NATIVE.test(st.text().trim()));
}
