// ignored-parameter for records a framework fills from outside input: a struct the CLI framework fills from
// the command line (kong, go-flags and go-arg struct tags in Go; clap's derive in Rust) or a Rust request
// record (Deserialize-only, taken by a handler as its query or body), one of whose fields nothing reads.
// The user passes `--compression zstd` or `?cursor=..`, the parser accepts it, and nothing changes.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { type Hit, regionOf } from "./hit";
import { attributesBefore, destructuredRust, fieldReadIn } from "./record-types";

export interface CliField { name: string; node: SgNode; decl: SgNode }

/** Go struct tag keys that bind a field to the command line (kong, go-flags, go-arg). */
const GO_CLI_TAG = /`[^`]*\b(help|short|long|arg|flag|placeholder|enum|negatable)\s*:\s*"/;
/**
 * Go struct tag keys that bind a field to a part of an HTTP request only (go-zero's `path:`/`form:`/`header:`,
 * gin's `uri:`/`form:`, echo's `param:`/`query:`): a struct carrying one is a request the framework fills by
 * reflection, an input by how it is mounted. Its `json:` fields are the same request's body.
 */
const GO_REQUEST_TAG = /`[^`]*\b(path|form|query|uri|param|header)\s*:\s*"(?!-")/;
const GO_BODY_TAG = /`[^`]*\bjson\s*:\s*"(?!-")/;
/** Go tags that make a field a subcommand or an embedded group, not a value the command reads. */
const GO_NOT_VALUE = /`[^`]*\b(cmd|embed|subcommand|command|group)\s*:\s*"|`[^`]*\bkong\s*:\s*"-"/;
/** Rust field attributes that make a field a subcommand or a flattened group, or skip the parser. */
const RS_NOT_VALUE = /#\[(command|clap|arg|bpaf)\s*\([^\]]*\b(subcommand|flatten|skip|external)\b/;
/** Derives that make a type the command line's own: clap's `Parser`/`Args`/`Subcommand`, bpaf's `Bpaf`. */
const RS_CLI_DERIVE = /#\[derive\([^)]*\b(Parser|Args|Subcommand|Bpaf)\b/;

/** Fields serde never fills or the author marked as kept but unread. */
const RS_INERT = /#\[serde\([^\]]*\bskip\b|#\[(allow|expect)\([^\]]*\bdead_code\b/;

/**
 * Derives Deserialize and only value traits besides: no Serialize (never sent back out), no other crate's
 * derive (`Insertable`, `Validate`, `FromRow` read the fields themselves), no `dead_code` allowance.
 */
function requestShaped(node: SgNode): boolean {
  const attrs = attributesBefore(node);
  if (!/#\[derive\([^)]*\bDeserialize\b/.test(attrs) || /\bSerialize\b|\bdead_code\b/.test(attrs)) return false;
  const derives = [...attrs.matchAll(/#\[derive\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(",").map((d) => d.trim().replace(/^.*::/, ""))).filter(Boolean);
  return !derives.some((d) => !/^(Deserialize|Debug|Clone|Copy|Default|PartialEq|Eq|Hash|PartialOrd|Ord)$/.test(d));
}

/**
 * A Rust record only ever filled from a request: it derives Deserialize but not Serialize (never sent back
 * out), no `dead_code` allowance covers it, and a handler of the file takes it as the request's input, by
 * an extractor (`Query<T>`, `Json<T>`, `Form<T>`) or a typed parse of the request (`let q: T =
 * req.parse_queries()`, `req.parse_json::<T>()`). Each field is a query or body parameter a client sends.
 */
function requestInput(node: SgNode): boolean {
  if (!requestShaped(node)) return false;
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  if (!/^\w+$/.test(name)) return false;
  const text = node.getRoot().root().text();
  // The value handed on whole (`Json(new_user): Json<T>` then `.values(new_user)`) may be read field by field elsewhere.
  for (const m of text.matchAll(new RegExp(`\\b(?:Query|Json|Form)\\s*\\(\\s*(\\w+)\\s*\\)\\s*:\\s*\\w+\\s*<\\s*${name}\\s*>|\\blet\\s+(\\w+)\\s*:\\s*${name}\\b`, "g"))) {
    const v = m[1] ?? m[2]!;
    if (new RegExp(`(?<![\\w.])${v}\\b(?!\\s*[.:])`).test(text.slice(m.index! + m[0].length))) return false;
  }
  return new RegExp(`\\b(Query|Json|Form|Valid\\w*)\\s*<\\s*${name}\\s*>|:\\s*${name}\\s*=\\s*\\w+\\s*\\.\\s*parse_(queries|json|form|body)\\b|\\.parse_(queries|json|form|body)\\s*::\\s*<\\s*${name}\\s*>`).test(text) ||
    loadedHere(name, node.getRoot().root(), 0) || takenAsInput(name, node.getRoot().root());
}

/** Standard containers and smart pointers: a parameter `Vec<T>` or `Arc<T>` holds records, it does not extract one. */
const RS_CONTAINER = /^(Vec|VecDeque|Option|Box|Arc|Rc|RefCell|Cell|Mutex|RwLock|Cow|HashMap|BTreeMap|HashSet|BTreeSet|Result|PhantomData)$/;

/**
 * How a function of the file receives the record, whatever the framework calls its types: wrapped by an
 * extractor in a parameter's type (`query: TypedQuery<T>`, `body: web::Json<T>`; not a container such as
 * `Vec<T>`), parsed from one of the function's own parameters by a typed call (`req.query::<T>()`; a local
 * such as a client's response is not an input), taken by value by a function a framework attribute mounts
 * (`#[command] fn sync(req: T)`), or built by the record's own associated function from the parameter it is
 * given (`fn from_request(r: &Request) -> Self`). Each field is something the client sends.
 */
function takenAsInput(name: string, root: SgNode): boolean {
  const type = new RegExp(`^&?\\s*(mut\\s+)?(?:\\w+::)*(\\w+)\\s*<\\s*${name}\\s*>$`);
  for (const fn of root.findAll({ rule: { kind: "function_item" } })) {
    const params = ((fn.field("parameters" as never) as SgNode | null)?.namedChildren() ?? []).filter((p) => p.kind() === "parameter");
    const typeOf = (p: SgNode) => (p.field("type" as never) as SgNode | null)?.text() ?? "";
    const body = (fn.field("body" as never) as SgNode | null)?.text() ?? "";
    if (params.some((p) => { const m = type.exec(typeOf(p)); return !!m && !RS_CONTAINER.test(m[2]!); })) return true;
    const names = params.map((p) => (p.field("pattern" as never) as SgNode | null)?.text() ?? "").filter((n) => /^\w+$/.test(n));
    if (names.some((n) => new RegExp(`(?<![\\w.])${n}\\s*\\.\\s*\\w+\\s*::\\s*<\\s*${name}\\s*>\\s*\\(`).test(body))) return true;
    const byValue = params.some((p) => typeOf(p) === name);
    if (byValue && /#\[\s*[\w:]+\s*(\(|\]|\{)/.test(attributesBefore(fn).replace(/#\[\s*(doc|allow|cfg|inline|must_use|deprecated|instrument|tracing::instrument)\b[^\]]*\]/g, ""))) return true;
    const returns = (fn.field("return_type" as never) as SgNode | null)?.text() ?? "";
    if (names.length && (returns === "Self" || returns === name) && ownImpl(fn, name) &&
      names.some((n) => new RegExp(`(?<![\\w.])${n}\\s*\\.`).test(body))) return true;
  }
  return false;
}

/** A function of `impl Name { .. }` (not of a trait impl, whose signature the trait imposes). */
function ownImpl(fn: SgNode, name: string): boolean {
  const impl = fn.parent()?.parent();
  return impl?.kind() === "impl_item" && !impl.field("trait" as never) && (impl.field("type" as never) as SgNode | null)?.text() === name;
}

/** A deserializer entry point: serde's `from_str`/`from_slice`/`from_reader`/`from_value`/`from_env` (toml, serde_json, serde_yaml, envy), the config crate's `try_deserialize`, figment's `extract`. */
const DESERIALIZES = /\b\w+::from_(str|slice|reader|value|env)\b|\.\s*(try_deserialize|extract)\s*(::\s*<[^>]*>\s*)?\(/;

/**
 * The same holds for a configuration file: a record a function of this file deserializes and returns
 * (`fn load(path) -> Result<Config>` over `toml::from_str`), or a record nested in one by a field's type
 * (`pub delivery: DeliveryConfig`, `Option<TlsConfig>`): each field is a setting an operator writes.
 */
function loadedHere(name: string, root: SgNode, depth: number): boolean {
  const word = new RegExp(`(?<![\\w:])${name}\\b`);
  const loads = root.findAll({ rule: { kind: "function_item" } }).some((fn) =>
    word.test((fn.field("return_type" as never) as SgNode | null)?.text() ?? "") && DESERIALIZES.test((fn.field("body" as never) as SgNode | null)?.text() ?? ""));
  if (loads || depth > 2) return loads;
  return root.findAll({ rule: { kind: "struct_item" } }).some((st) => {
    const outer = (st.field("name" as never) as SgNode | null)?.text() ?? "";
    return outer !== name && !!(st.field("body" as never) as SgNode | null)?.findAll({ rule: { kind: "field_declaration" } })
      .some((f) => word.test((f.field("type" as never) as SgNode | null)?.text() ?? "")) && requestShaped(st) && loadedHere(outer, root, depth + 1);
  });
}

/**
 * A Go type with methods declared on it in its file is a domain type (a model, a settings object that
 * validates itself, an interface implementation), not a request record: its tagged fields are state the
 * program round-trips (bound in, serialized back out for a UI to read), so the request reading does not apply.
 */
function goHasMethods(spec: SgNode): boolean {
  const name = (spec.field("name" as never) as SgNode | null)?.text();
  return !!name && new RegExp(`^func\\s*\\(\\s*\\w*\\s*\\*?${name}(\\s*\\[[^\\]]*\\])?\\s*\\)`, "m").test(spec.getRoot().root().text());
}

/**
 * Go fields whose address a flag binder of the same file is handed, with the flag's name right after
 * (`fs.IntVar(&c.priority, "priority", 2, ..)`, pflag's `StringVarP(&o.out, "out", "o", ..)`): the parser
 * writes them, so each is an option the command promises to honour. Two or more such fields of the type make
 * it the command's option record (one bound field may be a lone setting stored for another reason).
 */
function flagBoundFields(node: SgNode, decls: SgNode[]): Set<string> {
  const names = decls.flatMap((d) => d.namedChildren().filter((c) => c.kind() === "field_identifier").map((c) => c.text()));
  if (!names.length) return new Set();
  const text = node.getRoot().root().text();
  const re = new RegExp(`\\(\\s*&\\s*\\w+\\.(${names.join("|")})\\s*,\\s*"[^"\\n]+"`, "g");
  const bound = new Set([...text.matchAll(re)].map((m) => m[1]!));
  return bound.size >= 2 ? bound : new Set();
}

/**
 * The options of a command-line record, or null when the type is not one. Go: fields carrying a CLI tag
 * (`help:"..."`, `short:"v"`, `arg:""`), a type from another package (`kong.VersionFlag`: the framework
 * acts on it) left out. Rust: every field of a `#[derive(Parser)]`/`#[derive(Args)]` struct, `pub` or not
 * (a binary's own type), subcommands and flattened groups left out.
 */
export function cliFields(node: SgNode, lang: GrammarLanguage): CliField[] | null {
  const list = lang === "go" ? (node.field("type" as never) as SgNode | null)?.find({ rule: { kind: "field_declaration_list" } })
    : lang === "rust" ? node.field("body" as never) as SgNode | null : null;
  if (!list || list.kind() !== "field_declaration_list") return null;
  const decls = list.namedChildren().filter((d) => d.kind() === "field_declaration");
  if (lang === "rust" && !RS_CLI_DERIVE.test(attributesBefore(node)) && !requestInput(node)) return null;
  // A type named for what goes out (`CollectEvalDataResponse`, `ListReply`) is an answer the handler fills and
  // serializes, whatever binding tags its generator copied onto it: its fields are written, never read.
  // A file that binds or decodes a request into something (`c.ShouldBind(&req)` for an MFA `ChallengeResponse`) may be
  // binding this type: then its name says nothing.
  const outgoing = lang === "go" && /(Response|Resp|Reply|Result|Output|Answer)$/.test((node.field("name" as never) as SgNode | null)?.text() ?? "") && !/(?:\w*Bind\w*|Decode|Unmarshal|BodyParser)\s*\(/.test(node.getRoot().root().text());
  const request = lang === "go" && !outgoing && decls.some((d) => GO_REQUEST_TAG.test(d.text())) && !goHasMethods(node);
  const flagged = lang === "go" ? flagBoundFields(node, decls) : new Set<string>();
  if (lang === "go" && !request && !flagged.size && !decls.some((d) => GO_CLI_TAG.test(d.text()))) return null;
  const out: CliField[] = [];
  for (const decl of decls) {
    const type = (decl.field("type" as never) as SgNode | null)?.text() ?? "";
    const bound = GO_CLI_TAG.test(decl.text()) || (request && (GO_REQUEST_TAG.test(decl.text()) || GO_BODY_TAG.test(decl.text()))) ||
      decl.namedChildren().some((c) => c.kind() === "field_identifier" && flagged.has(c.text()));
    if (lang === "go" && (!bound || GO_NOT_VALUE.test(decl.text()) || /^\*?[a-z]\w*\./.test(type))) continue;
    if (lang === "rust" && (RS_NOT_VALUE.test(attributesBefore(decl) + decl.text()) || RS_INERT.test(attributesBefore(decl)))) continue;
    for (const f of decl.namedChildren().filter((c) => c.kind() === "field_identifier")) out.push({ name: f.text(), node: f, decl });
  }
  return out;
}

/**
 * Go: a request type the file only hands over as a zero value (`reflector.SetRequest(&op, new(logRequest), ..)`,
 * `AddReqStructure(&archiveRequest{})`): a description of the API for a spec generator, read by reflection; the handler
 * that serves the route parses the request itself. Any other use (a variable, a decode target) keeps it judged.
 */
function describedOnly(code: string, name: string): boolean {
  if (!/^\w+$/.test(name)) return false;
  const uses = [...code.matchAll(new RegExp(String.raw`(?<![\w.])${name}(?!\w)`, "g"))].map((m) => ({ before: code.slice(Math.max(0, m.index! - 12), m.index!), after: code.slice(m.index! + name.length, m.index! + name.length + 4) }));
  const rest = uses.filter((u) => !/\btype\s+$/.test(u.before));
  return rest.length > 0 && rest.every((u) => (/[(,]\s*new\(\s*$/.test(u.before) && /^\s*\)/.test(u.after)) || (/[(,]\s*&?\s*$/.test(u.before) && /^\s*\{\s*\}/.test(u.after)));
}

/**
 * Options of a command-line record that this file never reads as `.field` (the scan then asks the other
 * files). A record destructured (`let Cli { dry_run, .. } = cli`) or handed on whole to something that
 * reads it by reflection (`json.Marshal(c)`, `serde`) is judged elsewhere, so it is left alone here.
 */
export function unreadCliFields(node: SgNode, lang: GrammarLanguage, content: string, readsField: (before: string, after: string) => boolean): (Hit & { field: string })[] {
  const fields = cliFields(node, lang);
  if (!fields?.length) return [];
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  if (lang === "rust" && (destructuredRust(content, name) || /\bSerialize\b/.test(attributesBefore(node)))) return [];
  const code = content.replace(/\/\/[^\n]*/g, "");
  if (lang === "go" && describedOnly(code, name)) return [];
  const out: (Hit & { field: string })[] = [];
  for (const f of fields) {
    // Rust: a field named `_w` is declared unused, as rustc's dead-code lint reads a leading `_`.
    if (fieldReadIn(code, f.name, readsField) || /\b(deprecated|unused|hidden|no-op|has no effect)\b/i.test(f.decl.text() + attributesBefore(f.decl)) || (lang === "rust" && /^_\w/.test(f.name))) continue;
    const what = (lang === "rust" && requestInput(node)) || (lang === "go" && GO_REQUEST_TAG.test(node.text())) ? "input field" : "command-line option";
    // Go: the flag the user types is declared where the field's address is bound (`fs.IntVar(&c.max, "max", ..)`).
    const binder = lang === "go" ? node.getRoot().root().findAll({ rule: { kind: "call_expression", regex: `^[\\w.]+\\(\\s*&\\s*\\w+\\.${f.name}\\s*,\\s*"` } })[0] : undefined;
    out.push({ region: regionOf(binder ?? f.node), field: f.name, message: `${what} '${f.name}' of '${name}' is parsed but never read: it is accepted and has no effect` });
  }
  return out;
}

/**
 * Options of a subcommand declared as a struct variant of a command-line enum (clap's `Subcommand`, bpaf's
 * `Bpaf`: `Run { #[arg(long)] max_retries: u32 }`). A variant's fields are read only by patterns, so a field
 * is unread when every pattern of the variant in the file leaves it to `..` (`Cmd::Run { poll_ms, .. }`).
 * A variant no pattern names, or one bound without `..` (every field named), is left alone.
 */
export function unreadVariantFields(node: SgNode): (Hit & { field: string })[] {
  // Any derive-based parser, by shape: a derived enum whose variant fields carry `long`/`short` attributes
  // (`#[structopt(long)]`, `#[arg(short, long)]`) is a command line, whatever the crate calls its derive.
  const attrs = attributesBefore(node);
  // The derive must be some crate's own (a std derive registers no field attributes, so `#[arg(long)]` under
  // `#[derive(Debug)]` alone is not a parser's).
  const derives = [...attrs.matchAll(/#\[derive\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(",").map((d) => d.trim().replace(/^.*::/, ""))).filter(Boolean);
  const crateDerive = derives.some((d) => !/^(Debug|Clone|Copy|Default|PartialEq|Eq|Hash|PartialOrd|Ord|Serialize|Deserialize)$/.test(d));
  // `long`/`short` as the attribute's own arguments: the words inside a string (thiserror's `#[error("name too
  // long: {length}")]`) are a message, not a flag.
  const unquoted = node.text().replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (!RS_CLI_DERIVE.test(attrs) && !(crateDerive && /#\[\w+\s*\([^\]]*\b(long|short)\b/.test(unquoted))) return [];
  const root = node.getRoot().root();
  const out: (Hit & { field: string })[] = [];
  for (const variant of node.findAll({ rule: { kind: "enum_variant" } })) {
    const list = variant.field("body" as never) as SgNode | null;
    const vname = (variant.field("name" as never) as SgNode | null)?.text() ?? "";
    if (!list || list.kind() !== "field_declaration_list" || !vname) continue;
    const patterns = root.findAll({ rule: { kind: "struct_pattern" } }).filter((p) =>
      new RegExp(`(^|::)${vname}$`).test((p.field("type" as never) as SgNode | null)?.text() ?? ""));
    // A pattern that names every field (no `..`) is judged by data flow: a field it binds that the match arm
    // never reads (`Cmd::Work { concurrency, dry_run } => run(dry_run)`) is dropped as surely as one left to `..`.
    if (!patterns.length || patterns.some((p) => !p.children().some((c) => c.kind() === "remaining_field_pattern") && !armOf(p))) continue;
    const named = new Set(patterns.flatMap((p) => p.children().filter((c) => c.kind() === "field_pattern")
      .filter((c) => p.children().some((k) => k.kind() === "remaining_field_pattern") || readInArm(p, c))
      .map((c) => ((c.field("name" as never) as SgNode | null) ?? c.find({ rule: { kind: "shorthand_field_identifier" } }))?.text() ?? "")));
    for (const decl of list.namedChildren().filter((d) => d.kind() === "field_declaration")) {
      if (RS_NOT_VALUE.test(attributesBefore(decl) + decl.text()) || /\b(deprecated|unused|hidden|no-op|has no effect)\b/i.test(decl.text() + attributesBefore(decl))) continue;
      const f = decl.field("name" as never) as SgNode | null;
      if (!f || named.has(f.text())) continue;
      out.push({ region: regionOf(f), field: f.text(), message: `command-line option '${f.text()}' of '${vname}' is parsed but never read: every match on the subcommand leaves it to '..' or binds it unread` });
    }
  }
  return out;
}

/** The match arm whose pattern is `p` (directly, not nested in another pattern), or null. */
function armOf(p: SgNode): SgNode | null {
  const mp = p.parent();
  return mp?.kind() === "match_pattern" && mp.parent()?.kind() === "match_arm" ? mp.parent() : null;
}

/** The field pattern's binding (`concurrency`, `concurrency: n`) is read in its arm (guard or value); `_` binds nothing. */
function readInArm(p: SgNode, field: SgNode): boolean {
  const arm = armOf(p);
  if (!arm) return true;
  const binding = (field.field("pattern" as never) as SgNode | null) ?? field.find({ rule: { kind: "shorthand_field_identifier" } });
  const name = binding?.text() ?? "";
  if (!/^[A-Za-z_]\w*$/.test(name)) return true;
  if (/^_/.test(name)) return false;
  const { start, end } = p.range();
  const at = arm.range().start.index;
  const text = arm.text();
  const rest = text.slice(0, start.index - at) + text.slice(end.index - at);
  return new RegExp(`(?<![\\w.])${name}\\b|\\{${name}[}:]`).test(rest);
}
