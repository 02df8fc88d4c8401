// Record types as each language declares them (Go and Rust structs, Python classes with annotated fields,
// TS interfaces and object type aliases), and the functions around them: who takes one, who builds what.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { goReceiverType, nameOf } from "../syntax";
import { typeName } from "./param-words";
import { conformance, isPublic } from "./public-api";
import { parameterNames } from "./unused-parameter";

export interface RecordField { name: string; node: SgNode; decl: SgNode }
export interface RecordType { name: string; fields: RecordField[]; exported: boolean }

/** The record's name and its fields a caller can set (exported in Go, `pub` in Rust, not `_` in Python; every field of a private type). */
export function recordType(node: SgNode, lang: GrammarLanguage): RecordType | null {
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  const fields: RecordField[] = [];
  if (lang === "go" || lang === "rust") {
    const body = lang === "go" ? (node.field("type" as never) as SgNode | null)?.find({ rule: { kind: "field_declaration_list" } }) : node.field("body" as never) as SgNode | null;
    if (!body || body.kind() !== "field_declaration_list") return null;
    // A private type's fields are all set by its own module, whatever their visibility.
    const own = lang === "go" ? !/^[A-Z]/.test(name) : !isPublic(node, lang);
    for (const decl of body.namedChildren().filter((d) => d.kind() === "field_declaration")) {
      if (lang === "rust" && !own && !decl.children().some((c) => c.kind() === "visibility_modifier")) continue;
      for (const f of decl.namedChildren().filter((c) => c.kind() === "field_identifier")) {
        if (lang === "rust" || own || /^[A-Z]/.test(f.text())) fields.push({ name: f.text(), node: f, decl });
      }
    }
  } else if (lang === "python") {
    // `retries: int = 3` at class level: a dataclass, pydantic model, attrs class or NamedTuple field.
    for (const stmt of (node.field("body" as never) as SgNode | null)?.namedChildren() ?? []) {
      const a = stmt.kind() === "expression_statement" ? stmt.namedChildren()[0] : null;
      const left = a?.kind() === "assignment" && a.field("type" as never) ? a.field("left" as never) as SgNode | null : null;
      if (left?.kind() === "identifier" && !left.text().startsWith("_") && !/ClassVar/.test((a!.field("type" as never) as SgNode).text())) fields.push({ name: left.text(), node: left, decl: stmt });
    }
  } else {
    const body = node.find({ rule: { any: [{ kind: "interface_body" }, { kind: "object_type" }] } });
    for (const sig of body?.namedChildren().filter((c) => c.kind() === "property_signature") ?? []) {
      const key = sig.field("name" as never) as SgNode | null;
      if (key?.kind() === "property_identifier") fields.push({ name: key.text(), node: key, decl: sig });
    }
  }
  const exported = lang === "go" ? /^[A-Z]/.test(name) : lang === "python" ? !name.startsWith("_")
    : lang === "rust" ? isPublic(node, lang) : node.parent()?.kind() === "export_statement";
  return { name, fields, exported };
}

/** Functions and methods of a file, as this language's grammar names them. */
export const FUNCTIONS: Record<GrammarLanguage, string[]> = {
  go: ["function_declaration", "method_declaration"],
  rust: ["function_item"],
  python: ["function_definition"],
  typescript: ["function_declaration", "method_definition", "arrow_function", "function_expression"],
};

/** The type a method belongs to: a Go receiver's type, a Rust `impl` target, a Python or TS class. */
function ownerOf(fn: SgNode, lang: GrammarLanguage): string {
  if (lang === "go") return goReceiverType(fn);
  for (let p = fn.parent(); p; p = p.parent()) {
    if (p.kind() === "impl_item") return ((p.field("type" as never) as SgNode | null)?.text() ?? "").replace(/<[\s\S]*$/, "");
    if (/^(class_definition|class_declaration|class)$/.test(String(p.kind()))) return nameOf(p);
    if (FUNCTIONS[lang].includes(String(p.kind()))) return "";
  }
  return "";
}

/** The record's own methods (they read it, they do not take it from a caller). */
export function ownMethod(fn: SgNode, type: string, lang: GrammarLanguage): boolean {
  return ownerOf(fn, lang) === type;
}

/** Declared results: Go `result`, Rust `return_type`, Python and TS return annotations. */
export function resultOf(fn: SgNode): string {
  return ((fn.field("result" as never) ?? fn.field("return_type" as never)) as SgNode | null)?.text() ?? "";
}

/** Parameters typed as the record; TS parameter properties (`constructor(private opts: Opts)`) included. */
export function paramsOfType(fn: SgNode, type: string, lang: GrammarLanguage): SgNode[] {
  if (lang !== "typescript") return parameterNames(fn, lang).filter((p) => typeName(p) === type);
  const list = fn.field("parameters" as never) as SgNode | null;
  return (list?.namedChildren() ?? []).map((p) => p.field("pattern" as never) as SgNode | null)
    .filter((p): p is SgNode => p?.kind() === "identifier" && typeName(p) === type);
}

/**
 * The function builds a type this file declares, other than the record, from what it takes: it returns one
 * (`*Client`, `(*Writer, error)`, `Self` in `impl Pool`, `-> Client`) or is the constructor of one
 * (Python `__init__`, TS `constructor`), or is a Python function a framework registers (a route handler:
 * the request body is the record the client hands in).
 */
export function constructs(fn: SgNode, type: string, lang: GrammarLanguage, local: Set<string>): boolean {
  // A Python function a framework registers (`@app.post("/items")`, `@router.command()`) takes the record
  // from the request or the command line: the client hands it in, as a caller hands a constructor options.
  if (lang === "python" && conformance(fn, lang) === "registered") return true;
  const own = ownerOf(fn, lang);
  if ((lang === "python" && nameOf(fn) === "__init__") || (lang === "typescript" && nameOf(fn) === "constructor")) return own !== type && local.has(own);
  const names: string[] = builtFrom(resultOf(fn), lang).match(/[A-Za-z_]\w*/g) ?? [];
  if (lang === "rust" && names.includes("Self")) names.push(own);
  // An error type the function may return (`Result<(), Forbidden>`, a Go type with an `Error()` method) is no product.
  return names.some((n) => n !== type && local.has(n) && !errorTypes(fn.getRoot().root(), lang).has(n));
}

/** The success half of a result: `Result<Pool, Error>` → `Pool`; other results whole. */
function builtFrom(result: string, lang: GrammarLanguage): string {
  const m = lang === "rust" ? /^\s*(?:->\s*)?(?:[\w:]*::)?Result\s*<([\s\S]*)>\s*$/.exec(result) : null;
  if (!m) return result;
  let depth = 0;
  for (let i = 0; i < m[1]!.length; i++) {
    const ch = m[1]![i]!;
    if ("<([".includes(ch)) depth++;
    else if (">)]".includes(ch)) depth--;
    else if (ch === "," && depth === 0) return m[1]!.slice(0, i);
  }
  return m[1]!;
}

const errorTypeCache = new WeakMap<SgNode, Set<string>>();

/** Types of the file that are errors: a Go receiver of `Error() string`, a Rust `impl ... Error for T` or `Display`-only marker. */
function errorTypes(root: SgNode, lang: GrammarLanguage): Set<string> {
  let out = errorTypeCache.get(root);
  if (out) return out;
  out = new Set<string>();
  const text = root.text();
  if (lang === "go") for (const m of text.matchAll(/func\s*\(\s*\w*\s*\*?(\w+)\s*\)\s*Error\s*\(\s*\)\s*string/g)) out.add(m[1]!);
  if (lang === "rust") for (const m of text.matchAll(/impl\b[^{]*\bError\s+for\s+(\w+)/g)) out.add(m[1]!);
  errorTypeCache.set(root, out);
  return out;
}

/** Names of the types (structs, classes) the file declares. */
export function localTypes(root: SgNode, lang: GrammarLanguage): Set<string> {
  const kinds = lang === "go" ? [{ kind: "type_spec" }] : lang === "rust" ? [{ kind: "struct_item" }, { kind: "enum_item" }]
    : lang === "python" ? [{ kind: "class_definition" }] : [{ kind: "class_declaration" }, { kind: "interface_declaration" }];
  return new Set(root.findAll({ rule: { any: kinds } }).map((t) => (t.field("name" as never) as SgNode | null)?.text() ?? "").filter(Boolean));
}

/** Methods the record's own type defines in the file (Go receivers, Rust impls, class bodies). */
export function ownMethodNames(root: SgNode, type: string, lang: GrammarLanguage): Set<string> {
  return new Set(root.findAll({ rule: { any: FUNCTIONS[lang].map((kind) => ({ kind })) } }).filter((f) => ownMethod(f, type, lang)).map((f) => nameOf(f)).filter(Boolean));
}

/** The attributes and comments stacked above a Rust item (`#[derive(..)]`, `/// doc`), nearest last. */
export function attributesBefore(node: SgNode): string {
  const out: string[] = [];
  for (let p = node.prev(); p && /attribute_item|comment/.test(String(p.kind())); p = p.prev()) out.push(p.text());
  return out.join("\n");
}

/** Does the file destructure the record (`let Options { retries, .. } = opts`)? A pattern reads its fields. */
export function destructuredRust(content: string, type: string, field?: string): boolean {
  return [...content.matchAll(rustPattern(type))].some((m) => !field || new RegExp(`(^|[{,\\s])${field}\\s*[,}:]`).test(m[1]!));
}

/**
 * A Rust pattern of the record: braces followed, past any closing parentheses, by what only follows a pattern (a
 * `let` or `if let`'s `=`, a parameter's `: Type`, a match arm's `=>` or guard, an or-pattern's `|`, a `for`'s
 * `in`): `let Options { retries, .. } = opts`, `Form(Form { apple, name }): Form<T>`, `Cmd::Run(Args { to, .. }) =>`.
 * A struct expression is followed by `;`, `,`, `?` or a method call instead.
 */
const rustPattern = (type: string) => new RegExp(`\\b${type}\\s*(\\{[^{}]*\\})(?:\\s*\\))*\\s*(?:=(?![=])|:(?!:)|\\||\\bin\\b|\\bif\\b)`, "g");

/** Is `.field` read anywhere in the (comment-free) code, by the caller's judgement of each occurrence? */
export function fieldReadIn(code: string, field: string, readsField: (before: string, after: string) => boolean): boolean {
  return [...code.matchAll(new RegExp(`\\.\\s*${field}\\b`, "g"))].some((m) => readsField(code.slice(0, m.index! + 1), code.slice(m.index! + m[0].length)));
}
