// ignored-parameter, one level down: a field of an options struct the caller hands in (a parameter of a
// function of the same file) that no code reads. `Options{Retries: 3}` compiles, and nothing retries.
import type { SgNode } from "@ast-grep/napi";
import { isTestPath } from "../place";
import type { GrammarLanguage } from "../rule-spec";
import { cliFields, unreadCliFields, unreadVariantFields } from "./cli-fields";
import { goMayReadRecord } from "./go-receivers";
import { type Hit, regionOf } from "./hit";
import { attributesBefore, constructs, destructuredRust, fieldReadIn, FUNCTIONS, localTypes, ownMethod, ownMethodNames, paramsOfType, recordType, resultOf } from "./record-types";
import { parsedHere } from "./parsed-records";
import { persistedRecord } from "./persisted-records";
import { nameOf } from "../syntax";
import { occurrences } from "./references";
import type { Candidate } from "./unreferenced";

/** Text after a bare mention of the parameter that keeps it whole but only stores it: `opts: opts`, `w.opts = opts`, `Self { opts, .. }`. */
function storedUnder(before: string, after: string, name: string): string | null | false {
  const keyed = /(\w+)\s*:\s*[&*]?\s*$/.exec(before);
  if (keyed && /^\s*[,}\n]|^\s*$/.test(after)) return keyed[1]!;
  const assigned = /(?:\.(\w+)|\blet\s+(?:mut\s+)?\w+|\b\w+)\s*:?=\s*&?\s*$/.exec(before);
  if (assigned && /^\s*[;\n]|^\s*$/.test(after)) return assigned[1] ?? null;
  // Rust's shorthand `Self { opts, http }` stores it under its own name; an argument of a call (`c.do(ctx, "/jobs",
  // jr, &out)`, whose bracket left open is a parenthesis) hands it on whole.
  if (/[{,]\s*$/.test(before) && /^\s*[,}]/.test(after) && openBracket(before) === "{") return name;
  return false;
}

/** The innermost bracket `text` leaves open, or null. */
function openBracket(text: string): string | null {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (")]}".includes(c)) depth++;
    else if ("([{".includes(c)) {
      if (depth === 0) return c;
      depth--;
    }
  }
  return null;
}

/**
 * `.F` that is read, not only assigned (`opts.F = 3` sets it; `opts.F == 0`, `opts.F += 1` read it). In Rust
 * `x.F(..)` is always a method call (a callable field is called as `(x.F)(..)`): `resp.status()` does not
 * read a field `status`.
 */
export function readsField(before: string, after: string, lang?: string | null): boolean {
  // `=` assigns; `==` compares and `=>` ends a match-arm guard (`if n >= cfg.max =>`): both read.
  // Go: the field's address handed to a flag binder (`flag.IntVar(&o.max, ..)`, `cmd.Flags().StringVarP(&o.x, ..)`)
  // is where the parser writes it, not a read.
  if (lang === "go" && /\w+VarP?\s*\(\s*&\s*[\w.]*\.\s*$/.test(before.slice(-200))) return false;
  return /\.\s*$/.test(before) && !/^\s*=(?![=>])/.test(after) && !(lang === "rust" && /^\s*(::\s*<[^>]*>\s*)?\(/.test(after));
}

/**
 * Exported fields of an exported record type (a Go or Rust struct, a Python class of annotated fields, a TS
 * interface or object type) that a constructor of the same file takes as a parameter (the caller hands the
 * record in to build something: an options or config type) and that nothing in the file reads. The record
 * must be an input only: a function of the file that returns it (other than its own methods: `Default`,
 * builders) makes it an output whose fields callers read; a parameter handed on whole (`json.Marshal(opts)`,
 * `asdict(opts)`, `{ ...opts }`, a library method such as `opts.model_dump()`, a stored copy passed on) may be
 * read field by field elsewhere, by reflection too. Each hit carries the field's name: the scan keeps it
 * only if no other file reads `.field` either.
 */
export function unreadStructFields(node: SgNode, lang: GrammarLanguage, content: string): (Hit & { field: string; record?: string })[] {
  if (lang === "rust" && node.kind() === "enum_item") return unreadVariantFields(node);
  // A record the command-line parser fills is an input by how the framework mounts it: no constructor needed.
  // A record an ORM or database mapper persists is read field by field by the mapper (persisted-records.ts).
  if (cliFields(node, lang)) {
    if (persistedRecord(node, lang)) return [];
    const record = (node.field("name" as never) as SgNode | null)?.text();
    return unreadCliFields(node, lang, content, (b, a) => readsField(b, a, lang)).map((h) => ((lang === "go" || lang === "rust") && record ? { ...h, record } : h));
  }
  const s = recordType(node, lang);
  if (!s || s.fields.length < 2) return [];
  const id = s.name;
  // Cheap text question first: does any parameter list name the type, or any result (a parser's)?
  const taken = lang === "go" ? new RegExp(`\\b\\w+\\s+\\*?${id}\\s*[,)]`) : new RegExp(`\\b\\w+\\??\\s*:\\s*(&\\s*(mut\\s+)?)?(Optional\\[|Readonly<|Partial<)?${id}\\b`);
  const returned = new RegExp(`\\)\\s*(->|:)?\\s*[\\w:<(\\[ ]*\\*?${id}\\b`);
  // Go: a payload a framework hands a function wrapped in a generic type (`job *queue.Job[SendArgs]`): an input.
  const wrapped = lang === "go" && s.exported && new RegExp(`[(,]\\s*\\w+\\s+\\*?[\\w.]+\\[\\s*\\*?${id}\\s*\\]\\s*[,)]`).test(content);
  if (!(s.exported && taken.test(content)) && !returned.test(content) && !wrapped) return [];
  if (persistedRecord(node, lang)) return [];
  // `#[derive(Serialize)]`: serialized whole, every field is read by the encoder.
  if (lang === "rust" && /\bSerialize\b/.test(attributesBefore(node))) return [];
  // Go: the type encodes itself by handing itself whole to an encoder (`func (p *ConnectionOptions) MarshalCapnproto(s ..)
  // error { return pogs.Insert(.., s.Struct, p) }`): a wire record, its fields read by reflection. A marshaler that
  // reads fields one by one (`json.Marshal(map[string]string{"format": o.Format})`) is read like any other code.
  if (lang === "go" && /\)\s*(?:Marshal|Encode|Serialize)/.test(content)) {
    for (const m of content.matchAll(new RegExp(`\\bfunc\\s*\\(\\s*(\\w+)\\s+\\*?${id}\\s*\\)\\s*(?:Marshal|Encode|Serialize)\\w*\\s*\\([^)]*\\)[^{\\n]*\\{`, "g"))) {
      const body = content.slice(m.index! + m[0].length, content.indexOf("\n}", m.index!));
      if (new RegExp(`[(,]\\s*&?${m[1]}\\s*[,)]`).test(body)) return [];
    }
  }
  // A Rust destructuring (`let Options { retries, .. } = opts`) reads fields by pattern.
  if (lang === "rust" && destructuredRust(content, id)) return [];
  const root = node.getRoot().root();
  const fns = root.findAll({ rule: { any: FUNCTIONS[lang].map((kind) => ({ kind })) } });
  const local = localTypes(root, lang);
  const fieldNames = new Set(s.fields.map((f) => f.name));
  const methods = ownMethodNames(root, id, lang);
  // Built by the file's own parser and consumed only here (parsed-records.ts): an input, exported or not.
  const takerNames = new Set(fns.filter((fn) => !ownMethod(fn, id, lang) && paramsOfType(fn, id, lang).length).map((fn) => nameOf(fn)));
  const parsed = wrapped || parsedHere(root, fns, id, lang, fieldNames, takerNames, (fn) => ownMethod(fn, id, lang));
  if (!s.exported && !parsed) return [];
  // `opts.X(...)` with X neither a field nor a method the file gives the type: a library reads the whole value.
  const wholeCall = (after: string) => { const m = /^\s*\??\.\s*(\w+)\s*\(/.exec(after); return !!m && !fieldNames.has(m[1]!) && !methods.has(m[1]!); };
  const words = new RegExp(`(?<![\\w$])${id}(?![\\w$])`);
  const stores = new Set<string>();
  let takers = 0;
  for (const fn of fns) {
    if (ownMethod(fn, id, lang)) continue;
    if (words.test(resultOf(fn))) { if (parsed) continue; return []; }
    const params = paramsOfType(fn, id, lang);
    if (!params.length) continue;
    // Only a constructor's parameter is an options record: the function builds a type of this file from it
    // (`New(opts Options) *Client`, `fn new(cfg: PoolConfig) -> Self`, `Client.__init__(self, opts)`). A
    // predicate or renderer taking an entity (`can_edit(user: &User) -> bool`) reads what it needs of a record.
    const text = (fn.field("body" as never) as SgNode | null)?.text() ?? "";
    // A taker that never mentions the record leaves the whole parameter unread (the unused-parameter rules'
    // business, or a declaration such as a documented webhook whose body is only a docstring).
    const mentions = params.some((p) => new RegExp(`(?<![\\w$])${p.text()}(?![\\w$])`).test(text)) ||
      (lang === "typescript" && params.some((p) => p.parent()?.children().some((c) => c.kind() === "accessibility_modifier" || c.text() === "readonly")));
    if (mentions && constructs(fn, id, lang, local)) takers++;
    for (const p of params) {
      // A TS parameter property (`private opts: Opts`) is stored under its own name.
      if (lang === "typescript" && p.parent()?.children().some((c) => c.kind() === "accessibility_modifier" || c.text() === "readonly")) stores.add(p.text());
      for (const m of text.matchAll(new RegExp(`(?<![\\w$])(?<![^.]\\.)${p.text()}(?![\\w$])`, "g"))) {
        const lineStart = text.lastIndexOf("\n", m.index!) + 1;
        const lineEnd = text.indexOf("\n", m.index!);
        const before = text.slice(lineStart, m.index!);
        const after = text.slice(m.index! + p.text().length, lineEnd < 0 ? undefined : lineEnd);
        if (wholeCall(after)) return [];
        // `opts.Field` reads a field; `opts:` is a key of a literal (`Writer{opts: opts}`), not the parameter.
        if (/^\s*\??\.\s*\w/.test(after) || /^\s*:(?!=)/.test(after)) continue;
        const key = storedUnder(before, after, p.text());
        if (key === false) return [];
        if (key) stores.add(key);
      }
    }
  }
  if (!takers && !parsed) return [];
  const code = content.replace(lang === "python" ? /#[^\n]*/g : /\/\/[^\n]*/g, "");
  // A stored copy handed on whole (`json.Marshal(w.opts)`, `self.opts.model_dump()`) may be read anywhere.
  for (const k of stores) {
    for (const m of code.matchAll(new RegExp(`\\.${k}\\b(?!\\s*=[^=>])`, "g"))) {
      const after = code.slice(m.index! + m[0].length, m.index! + m[0].length + 80);
      if (!/^\s*\??\.\s*\w/.test(after) || wholeCall(after)) return [];
    }
  }
  const out: (Hit & { field: string; record?: string })[] = [];
  for (const f of s.fields) {
    // Go: a `.Field` whose receiver is declared with another type reads that type's field (go-receivers.ts).
    if (fieldReadIn(code, f.name, (b, a) => readsField(b, a, lang) && (lang !== "go" || goMayReadRecord(b, code, id))) || documentedUnused(commentOf(f.decl, lang))) continue;
    const flag = lang === "go" ? flagBinding(root, f.name) : null;
    out.push(flag
      ? { region: regionOf(flag), field: f.name, record: id, message: `command-line flag bound to field '${f.name}' of '${id}' is parsed but never read: it is accepted and has no effect` }
      : { region: regionOf(f.node), field: f.name, record: id, message: `field '${f.name}' of '${id}' is never read: callers set an option the code ignores` });
  }
  return out;
}

/**
 * Go: the flag binder that fills the field (`flag.IntVar(&o.max, "max-workers", ..)`): the option the user
 * types is declared there, so an unread field is reported where its flag is.
 */
function flagBinding(root: SgNode, field: string): SgNode | null {
  const binds = new RegExp(`\\w+VarP?\\s*\\(\\s*&\\s*[\\w.]*\\.\\s*${field}\\s*,`);
  return root.findAll({ rule: { kind: "call_expression" } }).find((c) => binds.test(c.text())) ?? null;
}

/** The doc comment above a field and the comment after it on its line. */
function commentOf(decl: SgNode, lang: GrammarLanguage): string {
  const out: string[] = [];
  for (let p = decl.prev(); p && /comment|attribute_item/.test(String(p.kind())); p = p.prev()) out.push(p.text());
  const next = decl.next();
  if (next && /comment/.test(String(next.kind())) && next.range().start.line === decl.range().end.line) out.push(next.text());
  if (lang === "rust") out.push(decl.text());
  return out.join("\n");
}

/** A field documented as kept but inert: `Deprecated: ...`, `unused`, `reserved`, `has no effect` (not "ignored when X"). */
function documentedUnused(doc: string): boolean {
  return /\b(deprecated|unused|not used|no longer used|reserved|has no effect|no-op|ignored(?!\s+(when|if|unless|for|on)\b))\b|#\[deprecated/i.test(doc);
}

/** Candidates (a field's name, its file) that another non-test file of the same language reads as `.field`. */
export function fieldsReadElsewhere(candidates: Candidate[], files: { path: string; content: string }[]): Set<Candidate> {
  const seen = occurrences(candidates.map((c) => c.name), files);
  const contentOf = new Map(files.map((f) => [f.path, f.content]));
  // A Go package is a directory: the code of every file of the reading file's package, asked for embeddings.
  const pkgs = new Map<string, string>();
  const pkgOf = (file: string) => {
    const dir = dirOf(file);
    let code = pkgs.get(dir);
    if (code === undefined) pkgs.set(dir, (code = files.filter((f) => f.path.endsWith(".go") && dirOf(f.path) === dir).map((f) => f.content).join("\n")));
    return code;
  };
  return new Set(candidates.filter((c) => {
    const local = goPackageLocal(c);
    // Rust: another file's pattern of the record naming the field (`pub async fn create(CreateApiKey { name, for_user, .. }: &CreateApiKey)`).
    if (c.record && c.file.endsWith(".rs") && files.some((f) => f.path !== c.file && f.path.endsWith(".rs") && !isTestPath(f.path) && f.content.includes(c.record!) && destructuredRust(f.content, c.record!, c.name))) return true;
    // TypeScript/JavaScript: another file's parameter pattern naming it (`export async function uploadSourcemaps({
    // serviceKey, apiUrl }: Options)`): the options handed on whole are read there by name.
    if (/\.[cm]?[jt]sx?$/.test(c.file) && files.some((f) => f.path !== c.file && /\.[cm]?[jt]sx?$/.test(f.path) && !isTestPath(f.path) && f.content.includes(c.name) && destructuredTs(f.content, c.name))) return true;
    return (seen.get(c.name) ?? []).some((o) =>
      o.file !== c.file && !isTestPath(o.file) && (!c.language || o.lang === c.language) && (!local || dirOf(o.file) === dirOf(c.file)) && readsField(o.before, o.after, o.lang) &&
      (!c.record || o.lang !== "go" || goMayReadRecord(o.before, contentOf.get(o.file) ?? "", c.record, pkgOf(o.file))));
  }));
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);

/**
 * A parameter's object pattern that names `name` (shorthand, renamed or defaulted): the braces open a parameter and
 * are followed by its type annotation or by the close of a parameter list that opens a body (`}) =>`, `}): T {`).
 * An object literal (`f({ name })`, `return { name }`) builds a value and is not one.
 */
function destructuredTs(content: string, name: string): boolean {
  // A parameter's pattern only: `({ serviceKey, apiUrl }: Options)`, `({ dryRun }) =>`. A local destructuring
  // (`const { verifyTls } = values`) takes apart whatever `values` is, not necessarily these options.
  return new RegExp(`[(,]\\s*\\{[^{}]*(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*(?=[,}:=])[^{}]*\\}\\s*(?::\\s*[\\w<{][^)=]*\\)|\\)\\s*(?::[^{=;]*)?(?:=>|\\{))`).test(content);
}

/**
 * Go visibility decides who can read a field: an unexported field (`priority`) is read only by files of its
 * own package, i.e. its directory. (An exported field of another package's type of the same name is told
 * apart by the receiver's declared type instead: go-receivers.ts.)
 */
function goPackageLocal(c: Candidate): boolean {
  return /\.go$/.test(c.file) && /^[a-z_]/.test(c.name);
}
