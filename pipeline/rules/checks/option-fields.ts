// ignored-parameter, field by field: an options object is read through its fields, so a field its declared
// type promises that the function never reads is an option the function ignores (`opts.limit`).
import type { SgNode } from "@ast-grep/napi";
import { type Hit, param, regionOf } from "./hit";
import { identifierWords, typeName } from "./param-words";

/** Fields of `interface Name {...}` / `type Name = {...}` declared in the file (methods left out). */
function declaredFields(root: SgNode, typeName: string): string[] {
  if (!typeName) return [];
  const source = root.text();
  const m = new RegExp(`\\b(?:interface\\s+${typeName}\\b[^{;]*|type\\s+${typeName}\\s*=\\s*)\\{`).exec(source);
  if (!m) return [];
  // Comments hold prose, not members: an arrow in one (`segment ID -> name`) or a parenthesis would unbalance the count.
  const text = withoutComments(source);
  // The members at depth 0 of the body, split on `;`, `,` and line ends.
  const members: string[] = [];
  let depth = 0, cur = "";
  for (let i = m.index + m[0].length; i < text.length; i++) {
    const ch = text[i]!;
    if (depth === 0 && ch === "}") { members.push(cur); break; }
    if ("{([<".includes(ch)) depth++;
    else if ("})]".includes(ch) || (ch === ">" && text[i - 1] !== "=")) depth--;
    if (depth === 0 && /[;,\n]/.test(ch)) { members.push(cur); cur = ""; } else cur += ch;
  }
  return members.map((f) => /^\s*(?:\/\*[\s\S]*?\*\/\s*)?(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:/.exec(f)?.[1]).filter((k): k is string => !!k);
}

/** `text` with its line and block comments blanked (same length, line ends kept); quoted text is left whole. */
export function withoutComments(text: string): string {
  return text.replace(COMMENT_OR_QUOTE, (t) => (t.startsWith("//") || t.startsWith("/*") ? t.replace(/[^\n]/g, " ") : t));
}
const COMMENT_OR_QUOTE = /(["'\x60])(?:\\.|(?!\1)[^\\\n])*\1|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;

/**
 * A collection of the type rather than one value of it (`Condition[]`, `Array<Row>`, `ReadonlyArray<T>`, `Set<T>`,
 * `Map<K, T>`, `Record<K, T>`): its elements' fields are read through whatever names an element (`items.map((w) =>
 * w.value)`), never through the parameter, so the parameter's own reads say nothing about the fields.
 */
function isCollection(typeText: string): boolean {
  const t = typeText.replace(/^[:\s]+/, "").replace(/\s*\|\s*(?:undefined|null)\b/g, "").trim();
  return /\[\s*\]\s*\)?$/.test(t) || /^(?:readonly\s+)?\w+\[\s*\]/.test(t) || /^(?:Readonly)?(?:Array|ReadonlyArray|Set|ReadonlySet|Map|ReadonlyMap|Record|Iterable|AsyncIterable)\s*</.test(t);
}

/**
 * An English compound names a kind of its last word (`ListOptions` are options, `OptionItem` is an item, `RetryPolicy`
 * a policy): a type or parameter is an options object by its head word, not by any word it holds. The singular
 * `option` is one entry of a menu (`option: Option`, `{ value, label }`), not a bag of settings.
 */
function headWord(identifier: string): string {
  return identifierWords(identifier).pop() ?? "";
}

/** Keys a destructuring pattern pulls out, or null when it keeps the rest (`...rest`: nothing is left unread). */
function patternKeys(pattern: string): string[] | null {
  if (/\.\.\./.test(pattern)) return null;
  const inner = pattern.replace(/^\s*\{|\}\s*$/g, "");
  return inner.split(",").map((p) => /^\s*([A-Za-z_$][\w$]*)/.exec(p)?.[1]).filter((k): k is string => !!k);
}

/**
 * The declared fields of a TS/JS options parameter the body never reads, when its type is this function's
 * own (the file annotates nothing else with it). `name` is the parameter's name
 * (null for a destructured parameter, whose `pattern` lists what it reads). The parameter must not escape:
 * a use other than `opts.field`, `opts?.field` or `const { a, b } = opts` hands the whole object on, and
 * whoever receives it may read the rest.
 */
export function unreadOptionFields(root: SgNode, body: SgNode, typeName: string, name: string | null, pattern: string | null): string[] {
  const declared = declaredFields(root, typeName);
  if (declared.length < 2) return [];
  // A type several functions take is shared: each reads its part (a middleware's options handed to helpers).
  const annotations = root.text().match(new RegExp(`:\\s*(?:Partial<|Readonly<|Required<)?${typeName}\\b(?!\\s*\\[)`, "g")) ?? [];
  if (annotations.length > 1) return [];
  const read = new Set<string>();
  if (pattern !== null) {
    const keys = patternKeys(pattern);
    if (!keys) return [];
    keys.forEach((k) => read.add(k));
  }
  if (name) {
    const fields = fieldsReadThrough(body.text(), name);
    if (!fields) return [];
    fields.forEach((f) => read.add(f));
  }
  return declared.filter((f) => !read.has(f));
}

/**
 * The fields `text` reads through `name` (`name.a`, `name?.b`, `const { c, d } = name`), or null when the
 * object escapes whole (passed on, spread, returned, a `...rest`) or is never mentioned: then whoever
 * receives it may read the rest. `name` may be a path (`opts.input`).
 */
export function fieldsReadThrough(text: string, name: string): Set<string> | null {
  const read = new Set<string>();
  const id = name.replace(/[$.]/g, "\\$&");
  // Spread whole (`{ ...scope, key }`, `f(...args)`): whoever receives the copy may read every field.
  if (new RegExp(`\\.\\.\\.\\s*${id}(?![\\w$])`).test(text)) return null;
  let uses = 0;
  for (const m of text.matchAll(new RegExp(`(?<![\\w$.])${id}(?![\\w$])`, "g"))) {
    uses++;
    const after = text.slice(m.index! + name.length);
    const member = /^\s*\??\.\s*([A-Za-z_$][\w$]*)/.exec(after);
    if (member) { read.add(member[1]!); continue; }
    const destructured = /(?:const|let|var)\s+(\{[^{}=]*\})\s*=\s*$/.exec(text.slice(0, m.index!));
    const keys = destructured && /^\s*[;\n)]/.test(after) ? patternKeys(destructured[1]!) : null;
    if (!keys) return null;
    keys.forEach((k) => read.add(k));
  }
  return uses ? read : null;
}

const gates = new WeakMap<Record<string, unknown>, RegExp>();

/** A necessary condition read from the parameter list's text: some word of `words`/`typeWords` occurs in it. */
function gate(check: Record<string, unknown>): RegExp {
  let re = gates.get(check);
  if (!re) gates.set(check, (re = new RegExp([...param<string[]>(check, "words", []), ...param<string[]>(check, "typeWords", [])].join("|"), "i")));
  return re;
}

let lastContent: string | null = null;
let lastDeclared = new Set<string>();

/** The identifiers a file writes after `interface` or `type`: one pass per file, not one per parameter and function. */
function declaredTypeNames(content: string): Set<string> {
  if (content !== lastContent) {
    lastContent = content;
    lastDeclared = new Set([...content.matchAll(/\b(?:interface|type)\s+(?=([A-Za-z_$][\w$]*))/g)].map((m) => m[1]!));
  }
  return lastDeclared;
}

/** Identifiers of `text` that name an interface or a type literal `content` declares (what `declaredFields` can read). */
function localTypes(text: string, content: string): Set<string> {
  const out = new Set<string>();
  const declared = declaredTypeNames(content);
  for (const t of new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
    // Only a name the file declares after `interface`/`type` can match (a `$` may end it early: `a$b`).
    if (!declared.has(t) && ![...declared].some((d) => d.startsWith(`${t}$`))) continue;
    const id = t.replace(/\$/g, "\\$");
    if (new RegExp(`\\binterface\\s+${id}\\b|\\btype\\s+${id}\\s*=\\s*\\{`).test(content)) out.add(t);
  }
  return out;
}

/**
 * Hits for the TS/JS options parameters of a function (named for options by their name or their declared
 * type, `words`/`typeWords`) whose declared fields go unread, one per parameter, naming the fields.
 * `content` is the file's text (the root's): the cheap questions are asked of it before any tree is walked.
 */
export function optionFieldHits(fn: SgNode, body: SgNode, check: Record<string, unknown>, content: string): (Hit & { param: string; inlineField?: string })[] {
  const list = fn.field("parameters" as never) as SgNode | null;
  const text = list?.text() ?? "";
  if (!list || !/:/.test(text) || !gate(check).test(text)) return [];
  // Only a type declared in this file has fields the floor can read, and its name is one of the
  // identifiers of the parameter list whatever wraps it (`Readonly<Partial<Opts>>`, `ns.Opts`).
  const local = localTypes(text, content);
  const inlineTyped = /:\s*\{/.test(text);
  if (!local.size && !inlineTyped) return [];
  const words = new Set(param<string[]>(check, "words", []));
  const typeWords = new Set(param<string[]>(check, "typeWords", []));
  const out: (Hit & { param: string; inlineField?: string })[] = [];
  for (const p of list.namedChildren()) {
    // Text first (one call instead of several per parameter): a parameter typed in place holds `: {`, one of a
    // local type names it.
    const own = p.text();
    if (!(inlineTyped && /:\s*\{/.test(own)) && ![...local].some((t) => own.includes(t))) continue;
    const pat = p.field("pattern" as never) as SgNode | null;
    if (!pat || !p.field("type" as never)) continue;
    // A parameter property (`constructor(private readonly opts: BackendOptions)`) is kept on the instance, and the
    // class's other methods read it (`this.opts.apiKey`): the record-level reading judges it (unread-fields.ts).
    if (p.children().some((c) => c.kind() === "accessibility_modifier" || c.text() === "readonly")) continue;
    // An options object typed in place (`opts: { limit: number; cursor?: string }`): the literal is the promise,
    // a claim where a call of the repository sets the field (never-passed.ts `optionPassed`).
    const inline = inlineOptionFields(p, pat, body, words);
    if (inline) {
      const fn_ = nameOfFunction(fn);
      for (const [f, at] of inline) out.push({ region: regionOf(at), param: pat.text(), inlineField: f, message: `option '${f}' of '${pat.text()}' is never read${fn_ ? ` by '${fn_}'` : ""}: the function ignores what its options promise` });
      continue;
    }
    const type = typeName(pat);
    if (!local.has(type)) continue;
    const name = pat.kind() === "identifier" ? pat.text() : null;
    if (!name && pat.kind() !== "object_pattern") continue;
    if (isCollection((p.field("type" as never) as SgNode).text())) continue;
    const optionish = (typeWords.has(headWord(type)) || (!!name && words.has(headWord(name)))) && headWord(type) !== "option" && headWord(name ?? "") !== "option";
    if (!optionish) continue;
    const fields = unreadOptionFields(fn.getRoot().root(), body, type, name, name ? null : pat.text());
    if (!fields.length) continue;
    const what = name ?? type;
    // Each unread field is reported where the type declares it: that line is the promise the function
    // breaks (a reviewer writes "ListOptions.includeArchived is never read"), and two unread fields are two
    // findings. The region runs on to the parameter that takes the type, the other half of the evidence
    // (a reviewer may point at the function instead). The parameter alone is the anchor only when the
    // declaration cannot be found.
    const where = fieldDeclarations(p, type);
    const fn_ = nameOfFunction(fn);
    const param = regionOf(pat);
    for (const f of fields) {
      const at = where.get(f);
      const field = at ? regionOf(at) : param;
      const region = field.start.line < param.start.line ? { start: field.start, end: param.end } : field;
      out.push({ region, param: what, message: `option '${f}' of '${what}' is never read${fn_ ? ` by '${fn_}'` : ""}: the function ignores what its options promise` });
    }
  }
  return out;
}

/** The property signatures of the parameter's object type: inline (`opts: { limit: number }`) or declared in the file by name. */
function fieldDeclarations(param: SgNode, type: string): Map<string, SgNode> {
  const inline = param.field("type" as never) as SgNode | null;
  const holder = inline?.find({ rule: { kind: "object_type" } }) ?? param.getRoot().root().find({
    rule: { any: [{ kind: "interface_declaration" }, { kind: "type_alias_declaration" }], has: { field: "name", regex: `^${type.replace(/\$/g, "\\$")}$` } },
  });
  const out = new Map<string, SgNode>();
  for (const sig of holder?.findAll({ rule: { kind: "property_signature" } }) ?? []) {
    const key = sig.field("name" as never) as SgNode | null;
    // Only the type's own members, not those of a nested object type (`form?: { validateFields?: .. }` declares
    // `form`): a member sits in the holder's own body (an object type, an interface's body, an alias's value).
    const body = sig.parent();
    const own = !!body && (body.id() === holder!.id() || body.parent()?.id() === holder!.id());
    if (key && own && !out.has(key.text())) out.set(key.text(), key);
  }
  return out;
}

/**
 * The unread fields of an options parameter typed by an object literal in place (`opts: { limit: number; cursor?:
 * string }`), named for options by `words`: two fields or more, each read through the name (`opts.limit`) or not at
 * all. Null when the parameter is not one, or when the object is handed on whole (fieldsReadThrough answers null).
 */
function inlineOptionFields(p: SgNode, pat: SgNode, body: SgNode, words: ReadonlySet<string>): Map<string, SgNode> | null {
  const annotation = p.field("type" as never) as SgNode | null;
  const literal = annotation?.namedChildren()[0];
  if (pat.kind() !== "identifier" || literal?.kind() !== "object_type" || !words.has(headWord(pat.text()))) return null;
  const declared = fieldDeclarations(p, "");
  if (declared.size < 2) return null;
  const read = fieldsReadThrough(body.text(), pat.text());
  if (!read) return null;
  const unread = new Map([...declared].filter(([f]) => !read.has(f)));
  return unread.size ? unread : null;
}

function nameOfFunction(fn: SgNode): string | null {
  const own = fn.field("name" as never) as SgNode | null;
  if (own) return own.text();
  const parent = fn.parent();
  return parent?.kind() === "variable_declarator" || parent?.kind() === "pair" ? ((parent.field("name" as never) ?? parent.field("key" as never)) as SgNode | null)?.text() ?? null : null;
}
