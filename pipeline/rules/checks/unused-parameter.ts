// ignored-parameter: a function whose body never reads a parameter its signature promises to honour.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { type Hit, param, regionOf } from "./hit";
import { optionFieldHits } from "./option-fields";
import { overwrittenBeforeRead } from "./overwritten";
import { identifierWords, typeName } from "./param-words";
import { classOf, conformance, isPublic, vuexSlot } from "./public-api";
import { nameOf, pyBases, pyOwner, rustAttributes } from "../syntax";
import { declaredDeprecated } from "./declared-deprecated";
import { lintAllowsUnused } from "./lint-allows-unused";
import { droppedScopes, queriedColumns } from "./queried-columns";

const PARAM_KINDS: Record<GrammarLanguage, string[]> = {
  typescript: ["required_parameter", "optional_parameter"],
  python: ["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"],
  rust: ["parameter"],
  go: ["parameter_declaration"],
};

/** Identifier nodes that name the function's own parameters (destructuring and splats are skipped). */
export function parameterNames(fn: SgNode, lang: GrammarLanguage): SgNode[] {
  const list = fn.field("parameters" as never) as SgNode | null;
  if (!list) return [];
  const out: SgNode[] = [];
  for (const p of list.namedChildren()) {
    const kind = String(p.kind());
    if (!PARAM_KINDS[lang].includes(kind)) continue;
    if (lang === "python" && kind === "identifier") { out.push(p); continue; }
    // `constructor(private opts: X)` stores the parameter as a field: it is read through `this`. (The text
    // answers without walking the children unless a decorator comes first.)
    if (lang === "typescript") {
      const text = p.text();
      const stored = text.startsWith("@")
        ? p.children().some((c) => c.kind() === "accessibility_modifier" || c.text() === "readonly")
        : /^(public|private|protected|readonly)\b/.test(text);
      if (stored) continue;
    }
    // FastAPI's `_: User = Depends(require_admin)`: a dependency taken for its effect (a guard), not its value.
    if (lang === "python" && /=\s*(Depends|Security)\s*\(/.test(p.text())) continue;
    if (lang === "go") { out.push(...p.fieldChildren("name" as never) as SgNode[]); continue; }
    const first = (lang === "python" && kind === "typed_parameter") ? p.namedChildren()[0] : (p.field("pattern" as never) ?? p.field("name" as never)) as SgNode | null;
    const firstKind = first ? String(first.kind()) : "";
    if (firstKind === "identifier") out.push(first!);
    else if (lang === "typescript" && firstKind === "object_pattern") out.push(...destructuredNames(first!));
  }
  return out;
}

/**
 * Names bound by a destructured parameter (`{ orgId, pageSize }`, `{ limit = 10 }`, `{ timeout: ms }`).
 * A pattern with a rest element is skipped: pulling a prop out so `...rest` does not forward it is
 * deliberate (`function Button({ variant, ...rest })`).
 */
function destructuredNames(pattern: SgNode): SgNode[] {
  const kids = pattern.namedChildren();
  if (kids.some((k) => k.kind() === "rest_pattern")) return [];
  const out: SgNode[] = [];
  for (const k of kids) {
    if (k.kind() === "shorthand_property_identifier_pattern") out.push(k);
    else if (k.kind() === "object_assignment_pattern") {
      const left = k.field("left" as never) as SgNode | null;
      if (left?.kind() === "shorthand_property_identifier_pattern") out.push(left);
    } else if (k.kind() === "pair_pattern") {
      const value = k.field("value" as never) as SgNode | null;
      if (value?.kind() === "identifier") out.push(value);
    }
  }
  return out;
}

/** A parameter with a default value (`timeout=30.0`, `limit = 10`): no caller is obliged to pass it. */
function hasDefault(param: SgNode, lang: GrammarLanguage): boolean {
  const holder = param.parent();
  if (!holder) return false;
  if (lang === "python") return /^(default_parameter|typed_default_parameter)$/.test(String(holder.kind()));
  return lang === "typescript" && !!holder.field("value" as never);
}

/**
 * A parameter a decorator of the function itself declares (`@click.option("--dry-run", is_flag=True)`,
 * `@click.argument("path")`, typer's `@app.option`) or the parameter's own marker (`typer.Option(...)` in its
 * annotation or default): the framework passes what the function asked for,
 * so the parameter is the function's own option, not a signature imposed from outside. The same holds for a
 * typed, defaulted parameter of a handler a decorator mounts on a URL path: the client's query parameter.
 */
function declaredByDecorator(fn: SgNode, name: string, param?: SgNode, readsSome = false): boolean {
  // typer's and cyclopts' way: the parameter declares itself (`dry_run: Annotated[bool, typer.Option("--dry-run")]`,
  // `keep: int = typer.Option(7)`), in its annotation or its default.
  const own = param?.parent();
  if (own && own.kind() !== "parameters" && /(^|[^\w])(Option|Argument)\s*\(/.test(own.text())) return true;
  const holder = fn.parent();
  if (holder?.kind() !== "decorated_definition") return false;
  // A handler mounted on a URL path (`@get("/")`, `@app.get("/notes")`, `@bp.route("/x")`): a typed parameter
  // with a default (`tag: Optional[str] = None`) is a query parameter the framework binds by name. Only when the
  // handler works with its other inputs: one that reads none (a documented placeholder) drops nothing in particular.
  if (readsSome && own?.kind() === "typed_default_parameter" && holder.children().some((d) => d.kind() === "decorator" && /^@[\w.]+\(\s*[rf]?["']\//.test(d.text()))) return true;
  return holder.children().some((d) => d.kind() === "decorator" && (/\.(option|argument)\s*\(/.test(d.text())
    ? [...d.text().matchAll(/["']-{0,2}([A-Za-z_][\w-]*)(?:\/[^"'\n]*)?["']/g)].some((m) => m[1]!.replace(/-/g, "_") === name)
    : describedBy(d.text(), name)));
}

/** The decorator that declares and describes the parameter (`@opt("since", "..")`): where the user-facing option is written. */
function describingDecorator(fn: SgNode, name: string): SgNode | null {
  const holder = fn.parent();
  if (holder?.kind() !== "decorated_definition") return null;
  return holder.children().find((d) => d.kind() === "decorator" && !/\.(option|argument)\s*\(/.test(d.text()) && describedBy(d.text(), name)) ?? null;
}

/**
 * Any library's declaring decorator, by shape: a call whose first argument is a string naming the parameter
 * (`"since"`, `"--since"`) and whose second describes it in prose (`@opt("since", "only rows after this date")`):
 * the function asks the framework for that value by name, so the parameter is its own promise.
 */
function describedBy(decorator: string, name: string): boolean {
  // An argparse-style argument the decorator declares and binds to the parameter (errbot's `@arg_botcmd("--to",
  // dest="to_version", help=..)`): the command promises the option by the parameter's own name.
  if (new RegExp(`^@[\\w.]+\\(\\s*["']-{1,2}[A-Za-z][\\w-]*["'][\\s\\S]*\\bdest\\s*=\\s*["']${name}["']`).test(decorator)) return true;
  const m = /^@[\w.]+\(\s*["']-{0,2}([A-Za-z_][\w-]*)["']\s*,\s*(?:[rf]?["']([^"'\n]*)["'])/.exec(decorator);
  if (m && m[1]!.replace(/-/g, "_") === name && /\w\s+\w/.test(m[2]!)) return true;
  // ... or a keyword of the decorator named for the parameter with prose as its value (discord.py's
  // `@app_commands.describe(count="How many messages to scan", user="Only delete this member's messages")`).
  const kw = new RegExp(`^@[\\w.]+\\([\\s\\S]*[(,]\\s*${name}\\s*=\\s*[rf]?(["'])((?:(?!\\1)[^\\n])*)\\1`).exec(decorator);
  return !!kw && /\w\s+\w/.test(kw[2]!);
}

/**
 * A Python method whose base class, defined in the same file, declares the same method abstract
 * (`@abc.abstractmethod` or a body that raises NotImplementedError) with the parameters this one drops,
 * and which is the base's only implementation there: a base several classes implement is a plugin
 * protocol (DRF's `BaseRenderer.render(data, media_type, renderer_context)`), each taking what it needs.
 */
function declaredAbstractHere(fn: SgNode): boolean {
  const owner = pyOwner(fn);
  const baseNames = (cls: SgNode | null): string[] => (pyBases(cls).match(/[A-Za-z_]\w*/g) ?? []).filter((b) => b !== "object");
  const bases = baseNames(owner);
  if (!owner || !bases.length) return false;
  const name = nameOf(fn);
  const classes = owner.getRoot().root().findAll({ rule: { kind: "class_definition" } });
  const implementations = (base: string) => classes.filter((c) => baseNames(c).includes(base)).length;
  return classes.some((cls) => bases.includes(nameOf(cls)) && implementations(nameOf(cls)) === 1 &&
    cls.findAll({ rule: { kind: "function_definition" } }).some((m) => nameOf(m) === name && pyOwner(m)?.id() === cls.id() &&
      (/@(abc\.)?abstractmethod\b/.test(m.parent()?.text() ?? "") || /^\s*raise NotImplementedError\b/m.test((m.field("body" as never) as SgNode | null)?.text() ?? ""))));
}

const STUB_BODY = /^(pass|\.\.\.|raise NotImplementedError\b.*|throw new Error\(.*\);?|(todo|unimplemented|unreachable|panic)!?\(.*\);?|return;?)$/s;

/** One statement that fails with a "not implemented"/TODO message: `return errors.New("not implemented")`, `Err(anyhow!("todo"))`. */
const NOT_IMPLEMENTED = /^(return\b|throw\b|raise\b|panic|Err\(|bail!|Promise\.reject)[^;]*["'`][^"'`]*(not\s+(yet\s+)?implemented|unimplemented|\btodo\b)/i;

/** A literal result: `false`, `nil`, `None`, `0`, `""`, `Ok(())`, an error built from a literal message. */
const LITERAL = String.raw`(true|false|True|False|nil|None|null|undefined|-?\d+|"[^"\n]*"|'[^'\n]*'|Ok\(\(\)\)|(errors\.New|fmt\.Errorf|new Error)\(\s*"[^"\n]*"\s*\))`;

/**
 * One statement that refuses the operation or answers a constant: `return false`, `return nil,
 * errors.New("unsupported")`, `raise SendfileNotAvailableError(...)`, `panic("unsupported")`. Such a
 * body ignores every parameter by design (a null or refusing implementation of an interface method);
 * constant verifiers are the *-constant-verifier rules' business.
 */
const REFUSAL = new RegExp(String.raw`^((return\s+)?${LITERAL}(\s*,\s*${LITERAL})*|raise\s+[\w.]+(\(.*\))?|throw\s+.*|panic!?\(.*\)|(return\s+)?Err\(.*\))\s*;?$`, "s");

/** A body that is empty or only a stub, docstring, refusal or constant says nothing about parameter use. */
function isStubBody(body: SgNode): boolean {
  const stmts = body.namedChildren().filter((c) => !/comment/.test(String(c.kind())) && !(c.kind() === "expression_statement" && c.child(0)?.kind() === "string"));
  const inner = stmts.length === 1 && stmts[0]!.kind() === "statement_list" ? stmts[0]!.namedChildren() : stmts;
  if (inner.length === 0) return true;
  // Whatever it prepares first, a body that ends by failing "not implemented" never does its job: a stub.
  // ... and so does one that ends in Rust's `todo!(..)`/`unimplemented!(..)` after its checks.
  const last = inner[inner.length - 1]!.text().trim();
  if (NOT_IMPLEMENTED.test(last) || /^(todo|unimplemented)!\s*[({[]/.test(last)) return true;
  if (inner.length !== 1) return false;
  const only = inner[0]!.text().trim();
  return STUB_BODY.test(only) || NOT_IMPLEMENTED.test(only) || REFUSAL.test(only);
}

const IDENT_KINDS: Record<GrammarLanguage, { kind: string }[]> = {
  typescript: [{ kind: "identifier" }, { kind: "shorthand_property_identifier" }],
  python: [{ kind: "identifier" }],
  rust: [{ kind: "identifier" }],
  go: [{ kind: "identifier" }],
};

/** Where every parameter name of the file's functions occurs as an identifier (name → start offsets), and each function's parameters. */
export interface IdentifierIndex { uses(): Map<string, number[]>; params: Map<number, SgNode[]> }

/**
 * Python spells an attribute's name and a keyword argument's name as identifiers too: `interaction.user` and
 * `purge(user=x)` name no variable `user`.
 */
function notAVariable(n: SgNode, lang: GrammarLanguage, source?: string): boolean {
  if (lang !== "python") return false;
  // The text first (a parent lookup per identifier is the costly part): only a name after a dot or before a lone `=`.
  if (source !== undefined) {
    const { start, end } = n.range();
    if (!/\.\s*$/.test(source.slice(Math.max(0, start.index - 8), start.index)) && !/^\s*=(?!=)/.test(source.slice(end.index, end.index + 8))) return false;
  }
  const p = n.parent();
  if (!p) return false;
  if (p.kind() === "attribute") return (p.field("attribute" as never) as SgNode | null)?.id() === n.id();
  if (p.kind() === "keyword_argument") return (p.field("name" as never) as SgNode | null)?.id() === n.id();
  return false;
}

function escapeName(n: string): string {
  return n.replace(/\$/g, "\\$");
}

/**
 * One query per file instead of one per function: the identifiers whose text is a parameter name of
 * any matched function, with their offsets (napi calls dominate the floor's cost, not traversal).
 */
export function indexParameterUses(fns: SgNode[], lang: GrammarLanguage, root: SgNode): IdentifierIndex {
  const params = new Map(fns.map((f) => [f.id(), parameterNames(f, lang)] as const));
  let uses: Map<string, number[]> | null = null;
  // Built on the first question the text cannot answer (most files never ask).
  return {
    params,
    uses() {
      if (uses) return uses;
      uses = new Map();
      const names = new Set([...params.values()].flat().map((p) => p.text()));
      if (!names.size) return uses;
      const source = lang === "python" ? root.text() : undefined;
      for (const n of root.findAll({ rule: { any: IDENT_KINDS[lang], regex: `^(${[...names].map(escapeName).join("|")})$` } })) {
        if (notAVariable(n, lang, source)) continue;
        const name = n.text();
        const at = n.range().start.index;
        const list = uses.get(name);
        if (list) list.push(at); else uses.set(name, [at]);
      }
      return uses;
    },
  };
}

/**
 * An occurrence the text alone proves is an identifier being read: `name.` or `name?.` (a member access
 * on it) not itself after a `.`/`::`, with nothing before it in the body that could open a string or
 * comment (every earlier line and the line's prefix hold balanced `'`/`"` and no backtick, backslash,
 * `#` or `/`). Anything else is left to the syntax tree.
 */
function surelyRead(text: string, name: string): boolean {
  const re = new RegExp(`(?<![\\w$])${escapeName(name)}(?=\\s*\\??\\.\\s*[A-Za-z_0-9$])`, "g");
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    if (/(\.|::|->)\s*$/.test(before) || /[`\\#/]/.test(before)) continue;
    if (before.split("\n").every((l) => (l.split('"').length - 1) % 2 === 0 && (l.split("'").length - 1) % 2 === 0)) return true;
  }
  return false;
}

/** Names of `names` the body reads: textually present, then proven by the text or by the syntax tree. */
function readIn(body: SgNode, names: string[], lang: GrammarLanguage, index: IdentifierIndex | null): Set<string> {
  const text = body.text();
  // Rust format strings read a variable by name (`println!("{limit}")`); a raw identifier by its bare name
  // (`r#type` as `"{type}"`), so that name is not in the text as written.
  const formatted = lang === "rust" ? names.filter((n) => new RegExp(`\\{${escapeName(n.replace(/^r#/, ""))}[}:]`).test(text)) : [];
  const present = names.filter((n) => !formatted.includes(n) && new RegExp(`(?<![\\w$])${escapeName(n)}(?![\\w$])`).test(text));
  if (!present.length) return new Set(formatted);
  const sure = present.filter((n) => surelyRead(text, n));
  const rest = present.filter((n) => !sure.includes(n));
  if (!rest.length) return new Set([...formatted, ...sure]);
  const { start, end } = body.range();
  const ids = index
    ? new Set(rest.filter((n) => (index.uses().get(n) ?? []).some((at) => at >= start.index && at < end.index)))
    : new Set(body.findAll({ rule: { any: IDENT_KINDS[lang], regex: `^(${rest.map(escapeName).join("|")})$` } }).filter((n) => !notAVariable(n, lang)).map((n) => n.text()));
  return new Set([...formatted, ...sure, ...rest.filter((n) => ids.has(n))]);
}

/** A log macro's invocation (`tracing::info!(..)`, `debug!(..)`, `log::warn!(..)`), to its closing bracket on one statement. */
const LOG_MACRO = /(?<![\w:])(?:(?:tracing|log)::)?(?:trace|debug|info|warn|error|event)!\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g;

/**
 * Names the body reads only inside log macros, when some other name it reads is read outside them: the function works
 * with the others and records this one. A body that only logs (an event hook) logs what it was handed: its work.
 */
function onlyLogged(body: string, read: readonly string[]): string[] {
  if (!/!\s*\(/.test(body)) return [];
  const unlogged = body.replace(LOG_MACRO, " ");
  if (unlogged === body) return [];
  // (a column of the same name in the SQL it runs is text, not a read: `values ($1, $2, $3, 300, $4)`)
  const bare = unlogged.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  // ... a name a format string outside the log reads (`format!("{limit}")`) is read.
  const named = (n: string) => new RegExp(`(?<![\\w$])${escapeName(n)}(?![\\w$])`).test(bare) || new RegExp(`\\{${escapeName(n.replace(/^r#/, ""))}[}:]`).test(unlogged);
  const outside = read.filter(named);
  // ... and only a name the function's own SQL spells as a column it sets with another value (`insert into monitors
  // (.., interval_secs, ..) values (.., 300, ..)`): a log's context alone (`conn_id`, `attempt`, a bucket named in a
  // warning) is what tracing is for.
  const spelled = (n: string) => [...unlogged.matchAll(/"(?:[^"\\]|\\.)*"/g)].some((m) => /\b(insert\s+into|update\s+\w+\s+set|values\s*\(|select\s+[\s\S]*\bfrom)\b/i.test(m[0]) && new RegExp(`(?<![\\w$])${escapeName(n)}(?![\\w$])`).test(m[0]));
  return outside.length ? read.filter((n) => !named(n) && spelled(n)) : [];
}

/**
 * Parameters read outside the body's identifiers: Python's `locals()` hands every local, parameters included, to
 * whatever takes it (`db.one(SQL, locals())`, `"%(fee)s" % locals()`); a Rust attribute on the function may read
 * one (`#[instrument(fields(uuid = ?eventid))]` records it on the tracing span the macro opens).
 */
function readAround(fn: SgNode, body: SgNode, names: string[], lang: GrammarLanguage): string[] {
  if (lang === "python") return /(?<![\w.])(locals|vars)\(\s*\)/.test(body.text()) || carriesQuery(fn, body) ? names : [];
  if (lang === "typescript") return readInDefaults(fn, names);
  if (lang !== "rust") return [];
  const attrs = rustAttributes(fn).join("\n");
  return attrs ? names.filter((n) => new RegExp(`(?<![\\w$])${escapeName(n)}(?![\\w$])`).test(attrs)) : [];
}

/**
 * TypeScript: names a later parameter's default reads (`{ defaultExpanded = false, expanded = defaultExpanded }`,
 * `(start, end = start + 1)`, `{ prefix, idGenerator = () => generateId({ prefix }) }`): the parameter is read where
 * the signature itself uses it.
 */
function readInDefaults(fn: SgNode, names: string[]): string[] {
  const params = fn.field("parameters" as never) as SgNode | null;
  if (!params || !params.text().includes("=")) return [];
  const defaults = params.findAll({ rule: { any: [{ kind: "object_assignment_pattern" }, { kind: "assignment_pattern" }, { kind: "required_parameter" }, { kind: "optional_parameter" }] } })
    .map((p) => (p.field("right" as never) ?? p.field("value" as never)) as SgNode | null)
    .filter((v): v is SgNode => !!v);
  if (!defaults.length) return [];
  // ... an object shorthand too (`idGenerator = () => generateId({ prefix })` reads `prefix`).
  const read = new Set(defaults.flatMap((v) => [v, ...v.findAll({ rule: { any: [{ kind: "identifier" }, { kind: "shorthand_property_identifier" }] } })]).filter((n) => /^(identifier|shorthand_property_identifier)$/.test(String(n.kind()))).map((n) => n.text()));
  return names.filter((n) => read.has(n));
}

/**
 * A web handler that hands on its request's whole URL or query string (`str(request.url)`, `request.url.query`,
 * `dict(request.query_params)`, not one `.get(..)` of it): the query parameters it declares travel with it, read
 * wherever that string goes (khoj's automations store the calling URL and replay it).
 */
function carriesQuery(fn: SgNode, body: SgNode): boolean {
  const request = /(?:^|[(,]\s*)(\w+)\s*:\s*(?:[\w.]+\.)?Request\b/.exec((fn.field("parameters" as never) as SgNode | null)?.text() ?? "")?.[1];
  if (!request) return false;
  // The URL whole, its query, or a copy of it (`.replace(..)`); not one part of it (`request.url.path`).
  const url = new RegExp(`(?<![\\w.])${request}\\.url\\b(?!\\s*\\.\\s*(?!query\\b|replace\\b|include_query_params\\b)\\w)`);
  const query = new RegExp(`(?<![\\w.])${request}\\.query_params\\b(?!\\s*(\\.\\s*get\\s*\\(|\\[))`);
  return url.test(body.text()) || query.test(body.text());
}

export interface UnusedResult { hits: (Hit & { param: string; sole?: boolean; option?: boolean; criterion?: boolean; optional?: { index: number; keywordOnly: boolean }; inlineField?: string })[]; name: string | null; owner: string | null; member?: boolean }

/**
 * Where an optional parameter (a default, TypeScript's `x?:`) sits among those a caller fills (`self`/`cls`
 * and TypeScript's `this:` left out), and whether only a keyword reaches it (after Python's `*` or `*args`).
 */
function optionalSlot(fn: SgNode, param: SgNode, lang: GrammarLanguage): { index: number; keywordOnly: boolean } | undefined {
  const holder = param.parent();
  if (!holder || !(hasDefault(param, lang) || (lang === "typescript" && holder.kind() === "optional_parameter"))) return undefined;
  // A decorated function is called by what registers it (a resolver, a route, a task): its callers are not in sight.
  if (fn.parent()?.kind() === "decorated_definition" || fn.children().some((c) => c.kind() === "decorator")) return undefined;
  // Only a default that switches nothing on (None, False, 0, an empty value, TypeScript's absent `x?:`): a default
  // that promises behaviour (`timeout=10.0`, `verify=True`) is broken for every caller that relies on it.
  const value = (holder.field("value" as never) as SgNode | null)?.text().trim() ?? "";
  if (value && !/^(None|False|false|null|undefined|0|""|''|\[\s*\]|\{\s*\}|\(\s*\)|void 0)$/.test(value)) return undefined;
  const list = fn.field("parameters" as never) as SgNode | null;
  let index = 0;
  let keywordOnly = false;
  for (const p of list?.namedChildren() ?? []) {
    if (/comment/.test(String(p.kind()))) continue;
    if (p.range().start.index === holder.range().start.index || p.range().start.index === param.range().start.index) return { index, keywordOnly };
    const text = p.text();
    if (lang === "python" && (p.kind() === "keyword_separator" || p.kind() === "list_splat_pattern" || /^\*\w/.test(text))) { keywordOnly = true; continue; }
    if (/^(self|cls)\b/.test(text) || /^this\s*:/.test(text)) continue;
    index++;
  }
  return undefined;
}

/**
 * `siblingOptions` (Python): typed parameters with a default (`notify: bool = True`, `status: Optional[S] = None`)
 * that the body never reads while it reads another typed, defaulted sibling. The function declares its own
 * options by that shape; a framework that calls it by position cannot make it declare an optional
 * parameter, and one that binds by name (job queues, resolvers, CLI builders from signatures) passes the
 * value because the function asked for it. So the drop stands even when the function is passed as a value.
 * Not for a method of a class with a base (it may implement a hook whose parameters the base chose).
 */
function siblingOptions(fn: SgNode, params: { node: SgNode; text: string }[], read: Set<string>, lang: GrammarLanguage, check: Record<string, unknown>): Set<string> {
  if (lang !== "python" || !param(check, "siblingOptions", false)) return new Set();
  // A method of a class with a base may implement the base's hook: the base chose the parameters.
  if (pyBases(pyOwner(fn)).replace(/[()\s]|object|metaclass\s*=\s*\w+/g, "") !== "") return new Set();
  const typedDefault = (p: { node: SgNode }) => p.node.parent()?.kind() === "typed_default_parameter";
  const options = params.filter(typedDefault);
  if (!options.some((p) => read.has(p.text))) return new Set();
  return new Set(options.filter((p) => !read.has(p.text)).map((p) => p.text));
}

/** A method of a class, a Rust impl or trait, or a Go method: not a free function. */
function isMember(fn: SgNode): boolean {
  if (fn.kind() === "method_definition" || fn.kind() === "method_declaration") return true;
  let n = fn.parent();
  if (n?.kind() === "decorated_definition") n = n.parent();
  if (n?.kind() === "declaration_list") return true;
  return n?.kind() === "block" && n.parent()?.kind() === "class_definition";
}

/** The doc comment or docstring of a function: `@param metadata (unused)` documents a decision. */
function docOf(fn: SgNode, lang: GrammarLanguage): string {
  if (lang === "python") {
    const first = (fn.field("body" as never) as SgNode | null)?.namedChildren()[0];
    return first?.kind() === "expression_statement" && first.child(0)?.kind() === "string" ? first.text() : "";
  }
  const out: string[] = [];
  let p = fn.prev() ?? fn.parent()?.prev();
  // Collected upwards, kept in source order (the summary sentence first).
  for (; p && /comment|attribute_item/.test(String(p.kind())); p = p.prev()) out.unshift(p.text());
  return out.join("\n");
}

function documentedUnused(doc: string, name: string): boolean {
  // The sentence that names the parameter (it may wrap): "``required_scopes`` is part of the handler
  // signature; ... so it is not consulted" documents an imposed, deliberately unread parameter.
  const id = name.replace(/\$/g, "\\$");
  // ... or its entry in an argument list (Google style: "context (mako.runtime.Context): The current template rendering
  // context. Unused."), whatever the type's dots: the entry's own line.
  if (new RegExp(`^\\s*${id}\\s*(?:\\([^)\\n]*\\))?\\s*:[^\\n]*\\b(unused|ignored|not used)\\b`, "im").test(doc)) return true;
  return new RegExp(`\\b${id}\\b(?:[^.\\n]|\\n(?!\\s*\\n))*?\\b(unused|ignored|not used|not (consulted|read|needed)|never (read|used)|reserved|for compatibility|compat|(purely|only|just) (used )?(for|as)\\b[^.]*\\bcach\\w*)\\b`, "i").test(doc);
}

/** The class (TS/Python) a method belongs to: if anything extends it, the method is a hook whose signature subclasses share. */
function ownerClass(fn: SgNode): string | null {
  return nameOf(classOf(fn)) || null;
}

/**
 * Go work that had a context-taking form and used the context-free one: a fresh context
 * (`context.Background()`, `context.TODO()`), or the standard library's calls whose `*Context` twin exists
 * (`http.Get`, `http.NewRequest`, `db.Query`/`Exec`/`QueryRow`/`Prepare`/`Begin`/`Ping`, `exec.Command`,
 * `net.Dial`): with an unread context beside it, the caller's cancellation and deadline are dropped for certain.
 * database/sql's calls are known by their arguments (a statement first: a string, or a name saying it holds one; none
 * for `Begin()`/`Ping()`) or by their receiver's name (`u.db.Exec(upsertUser, ..)`, `tx.Query(..)`); a project's own
 * `s.oplog.Query(q, visit)` (backrest's operation log) has no twin.
 */
const CONTEXT_FREE_WORK = /\bcontext\.(Background|TODO)\(\)|\bhttp\.(Get|Post|PostForm|Head|NewRequest)\(|\.(Query|QueryRow|Exec|Prepare)\(\s*(["`]|\w*(query|Query|sql|SQL|Sql|stmt|Stmt|statement|Statement)\w*\s*[,)])|\b(db|DB|tx|Tx|conn|sqlDB|sqldb)\.(Query|QueryRow|Exec|Prepare)\(|\.(Begin|Ping)\(\)|\bexec\.Command\(|\bnet\.Dial(Timeout)?\(/;

/** A Go parameter's declared type as written (`context.Context`). */
function goType(param: SgNode): string {
  const type = param.parent()?.field("type" as never) as SgNode | null | undefined;
  return type?.text() ?? "";
}

/**
 * Parameters whose every mention in the body is the argument in their own position of a call to the function itself
 * (`f(.., variables, attempt + 1)`, `self.f(x)`, `this.f(x)`, `Self::f(x)`): recursion hands the value on unchanged
 * and nothing else reads it.
 */
function onlyRecursed(fn: SgNode, body: SgNode, names: string[], lang: GrammarLanguage, own: string): Set<string> {
  const out = new Set<string>();
  // Rust resolves a name inside an impl to another function as often as to itself (a trait impl's `Self::update(self,
  // bytes)` calls the inherent `update`; a bare `must_replicate(..)` in an associated fn calls the module's): not read here.
  if (!own || !names.length || lang === "rust") return out;
  // Only a declaration binds its own name in its body; a function value keyed in an object (`getDepthOfState: function
  // (content, minDepth) { return getDepthOfState(content, minDepth, rt) }`) calls the outer function of that name.
  if (!/^(function_declaration|function_definition|method_definition|method_declaration|generator_function_declaration)$/.test(String(fn.kind()))) return out;
  // The text first: most bodies never name their own function (one regex instead of a tree walk per function).
  if (!new RegExp(`(?<![\\w$])${escapeName(own)}\\s*\\(`).test(body.text())) return out;
  const list = ((fn.field("parameters" as never) as SgNode | null)?.namedChildren() ?? []).filter((k) => !/comment/.test(String(k.kind())));
  const firstName = (k: SgNode) => /[A-Za-z_$][\w$]*/.exec(k.text().replace(/^\s*(?:public|private|protected|readonly|mut|&|\*|\.\.\.)\s*/g, ""))?.[0] ?? "";
  const position = new Map(list.map((k, i) => [firstName(k), i]));
  const callKind = lang === "python" ? "call" : "call_expression";
  // A method calls itself through its receiver (`this.f(..)`, `self.f(..)`, `Self::f(..)`); a bare `f(..)` inside a
  // method is another function of that name (a TypeScript `fetch` method handing on to the global `fetch`).
  const method = /^(method_definition|method_declaration)$/.test(String(fn.kind())) || (lang === "python" && !!pyOwner(fn));
  const selfFirst = lang === "python" && /^(self|cls)$/.test(firstName(list[0] ?? body));
  const callee = new RegExp(method ? `^(?:this|self|cls|Self)\\s*(?:\\.|::)\\s*${escapeName(own)}$` : `^${escapeName(own)}$`);
  const calls = body.findAll({ rule: { kind: callKind } }).filter((c) => callee.test((c.field("function" as never) as SgNode | null)?.text() ?? ""));
  if (!calls.length) return out;
  const text = body.text();
  for (const n of names) {
    const at = position.get(n);
    if (at === undefined) continue;
    const mentions = (text.match(new RegExp(`(?<![\\w$.])${escapeName(n)}(?![\\w$])`, "g")) ?? []).length;
    let handedBack = 0;
    for (const c of calls) {
      const offset = selfFirst && /^(self|cls)\s*\./.test((c.field("function" as never) as SgNode | null)?.text() ?? "") ? 1 : 0;
      // (a Go method's receiver sits outside its parameter list: no offset.)
      const args = ((c.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((k) => !/comment/.test(String(k.kind())));
      if (args[at - offset]?.text().trim() === n) handedBack++;
    }
    if (mentions > 0 && mentions === handedBack) out.add(n);
  }
  return out;
}

/**
 * Parameters never read. Every parameter of a public function (exported, `pub`, capitalised, a public
 * method of a class without a base) is a promise; in other functions, parameters named for a
 * configuration, a bound or a secret (`words`). Exempt: `_` prefixes (`skip`), splats, stub and
 * refusing bodies, JS bodies that read `arguments`, signatures imposed from outside (public-api.ts
 * `conformance`: handlers, views, overrides, trait impls, protocol hooks, decorated functions), and for
 * Go methods the all-parameters reading (they may implement an interface the floor cannot see). `name` is the function's
 * name, so the floor can drop the hits when the function is passed as a value (its signature imposed).
 */
export function unusedParameters(fn: SgNode, lang: GrammarLanguage, check: Record<string, unknown>, index: IdentifierIndex | null = null, content = "", lines: readonly string[] = (content || fn.getRoot().root().text()).split("\n"), path = ""): UnusedResult {
  const skip = new RegExp(param(check, "skip", "^(_|self$|cls$)"));
  const nameOf = () => (fn.field("name" as never) as SgNode | null)?.text() ?? boundName(fn);
  // Cheapest questions first: most functions read every parameter they take, so the name, the
  // function's shape and its documentation are only asked once something goes unread.
  const params = (index?.params.get(fn.id()) ?? parameterNames(fn, lang)).map((p) => ({ node: p, text: p.text() })).filter((p) => !skip.test(p.text));
  const body = fn.field("body" as never) as SgNode | null;
  if (!params.length && !(lang === "typescript" && body && /\{/.test((fn.field("parameters" as never) as SgNode | null)?.text() ?? ""))) return { hits: [], name: null, owner: null };
  if (!body) return { hits: [], name: null, owner: null };
  const read = readIn(body, params.map((p) => p.text), lang, index);
  for (const n of readAround(fn, body, params.map((p) => p.text), lang)) read.add(n);
  const overwritten = overwrittenBeforeRead(body, read, lang);
  for (const n of overwritten) read.delete(n);
  // Read only to be handed back to the function itself, in its own place (a retry's `adminGraphql(shop, token, query,
  // variables, attempt + 1)`): the value goes round and reaches nothing.
  for (const n of onlyRecursed(fn, body, [...read], lang, nameOf() ?? "")) read.delete(n);
  // Rust: read only by a log line (`tracing::debug!(team_id, interval_secs, url, "creating monitor")`) while the
  // others do the work (the insert hardcodes the interval): the value is recorded, never applied.
  // Only a plain value (a number, a flag, text): a guard or an extractor (`auth: AdminAuth`) works by being constructed.
  const plain = (n: string) => /^&?(?:'\w+\s+)?(?:mut\s+)?(?:[iu](?:8|16|32|64|128|size)|f32|f64|bool|char|str|String|Duration|Option<\s*(?:[iu](?:8|16|32|64|128|size)|f32|f64|bool|str|&str|String|Duration)\s*>)$/.test((((params.find((p) => p.text === n)?.node.parent()?.field("type" as never) ?? null) as SgNode | null)?.text() ?? "").trim());
  const logged = lang === "rust" ? onlyLogged(body.text(), [...read]).filter(plain) : [];
  for (const n of logged) read.delete(n);
  // A TypeScript parameter named `$event` repeats a template binding's own argument (Angular's
  // `(copied)="onCopied($event)"`, Vue's `@change="save($event)"`): the template decides what the method is handed.
  const unread = params.filter((p, i) => !read.has(p.text) && !(lang === "typescript" && (p.text === "$event" || vuexSlot(fn, p.text, i, path))));
  const fieldHits = lang === "typescript" && content ? optionFieldHits(fn, body, check, content) : [];
  if (!unread.length && !fieldHits.length) return { hits: [], name: null, owner: null };
  // The repository's linter was told these parameters are unused on purpose: what a `_` prefix says.
  if (lintAllowsUnused(fn, lang, lines)) return { hits: [], name: null, owner: null };
  // Go: a function literal bound to a package variable (`var NewWebmailHandler = func(maxMsgSize int64, ..) http.Handler
  // { return nopHandler }`, "set by packages webadmin, webmail ..."): a default another package replaces, its signature
  // the variable's type.
  if (lang === "go" && fn.kind() === "func_literal" && fn.parent()?.parent()?.kind() === "var_spec" && fn.parent()?.parent()?.parent()?.parent()?.kind() === "source_file") return { hits: [], name: null, owner: null };
  // Declared deprecated or removed: the signature is kept for old callers (declared-deprecated.ts).
  if (declaredDeprecated(fn, body, lang, lines)) return { hits: [], name: null, owner: null };
  // An abstract method this module declares itself (a base class in the same file) imposes nothing from
  // outside: the module chose the parameter, so an implementation that reads the others and drops it
  // breaks the module's own contract. Judged like a Go method: only parameters named for a promise.
  const ownContract = lang === "python" && unread.length < params.length && declaredAbstractHere(fn);
  const fixed = ownContract ? "maybe" : placeholderBefore(fn, lang, index, read) ? "imposed" : conformance(fn, lang);
  // `everyParameter`: the language's compiler already flags every unread named parameter (rustc's
  // unused_variables, trait impls included), so `_` is the only way to say "unused on purpose".
  const every = param(check, "everyParameter", false);
  // An imposed signature still keeps the entity the function's own name is scoped by (`roomsForOrg(orgId)` in a class
  // implementing a framework's interface): whoever declared the method, its name promises that scope.
  const scopedAnyway = fixed === "imposed" && !every && param(check, "queriedColumns", false) ? unread.filter((p) => scopedByName(nameOf() ?? "", p.text)) : [];
  // ... and an option the function's own decorator declares (errbot's `@arg_botcmd("--to", dest="to_version")` on one
  // of a class's commands sharing `(self, msg, service, ..)`): the family fixes the leading slots, not the options.
  const declaredAnyway = fixed === "imposed" && lang === "python" && !every && fn.parent()?.kind() === "decorated_definition" ? unread.filter((p) => declaredByDecorator(fn, p.text, p.node, unread.length < params.length)) : [];
  if (fixed === "imposed" && !every && !scopedAnyway.length && !declaredAnyway.length) return { hits: [], name: null, owner: null };
  // Declared by the function's own decorator (a CLI option): a promise whatever its name or default.
  const declared = new Set(lang === "python" && fixed === "registered" ? unread.filter((p) => declaredByDecorator(fn, p.text, p.node, unread.length < params.length)).map((p) => p.text) : declaredAnyway.map((p) => p.text));
  const pool = scopedAnyway.length || declaredAnyway.length ? [...scopedAnyway, ...declaredAnyway] : fixed === "registered" && !every ? unread.filter((p) => hasDefault(p.node, lang) || declared.has(p.text)) : unread;
  const words = new Set(param<string[]>(check, "words", []).map((w) => w.toLowerCase()));
  // A word of the name, or the whole name run together (`as_of`, `asOf` -> `asof`: a point in time, like `since`).
  const namedFor = (name: string) => identifierWords(name).some((w) => words.has(w)) || words.has(name.toLowerCase().replace(/[_$]/g, ""));
  const typeWords = new Set(param<string[]>(check, "typeWords", []).map((w) => w.toLowerCase()));
  const all = every || (param(check, "publicApi", true) && fixed === null && isPublic(fn, lang));
  // `parallelCriteria` (free functions, which cannot implement an interface): a parameter of the same
  // type as a sibling the body reads (`region, owner string` with only `region` applied): of two
  // criteria passed alike, one is honoured and the other silently dropped.
  const parallel = param(check, "parallelCriteria", false) && fixed === null && /^(function_declaration|function_definition)$/.test(String(fn.kind())) && !isMember(fn);
  // A Go method may implement an interface, whose other implementations may read what this one drops; the
  // same reading holds when no other non-test method of that name exists (decided across files: `sole`).
  const goSole = param(check, "parallelCriteria", false) && lang === "go" && fn.kind() === "method_declaration";
  const readTypes = parallel || goSole ? new Set(params.filter((p) => read.has(p.text)).map((p) => typeName(p.node)).filter(Boolean)) : new Set<string>();
  // Named for a promise by its name, or by its declared type (`f Filter`, `o ListOptions`): `typeWords`
  // leaves out words a framework's own types carry (`c *echo.Context` is the request, not a deadline).
  // Go: an unread `context.Context` is the convention of Go signatures (an interface's, a future call's), not a
  // dropped option, unless the body does work the caller could have cancelled without it.
  const droppedContext = lang === "go" && CONTEXT_FREE_WORK.test(body.text());
  const options = siblingOptions(fn, params, read, lang, check);
  // A parameter named for a column of the SQL the body runs is a criterion dropped from the query (queried-columns.ts).
  const queried = param(check, "queriedColumns", false) && fixed !== "registered" ? queriedColumns(body.text(), content, pool.map((p) => p.text), read.size > 0) : new Set<string>();
  // ... and an entity's identifier a querying body never applies (`Patients(clinicID, since)` filtering only on `since`).
  if (param(check, "queriedColumns", false) && fixed !== "registered") for (const n of droppedScopes(body.text(), pool.map((p) => p.text), read.size > 0)) queried.add(n);
  // ... and a table it was told to write to while its SQL names one of its own (`upsertOrder(ctx, tx, table string, o
  // order)` running `INSERT INTO orders ..`): the caller's destination is dropped for a fixed one.
  if (param(check, "queriedColumns", false)) for (const p of pool) if (/^(table|table_?name|tbl|target_?table)$/i.test(p.text) && /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|FROM)\s+["`]?[A-Za-z_]\w*/i.test(body.text())) queried.add(p.text);
  // ... and the entity the function's own name scopes it to (`roomsForOrg(orgId)`, `invoicesByCustomer(customer_id)`).
  if (param(check, "queriedColumns", false)) for (const p of pool) if (scopedByName(nameOf() ?? "", p.text)) queried.add(p.text);
  // ... whatever name the file imports the package under (`import ctx "context"`: `ctx ctx.Context`), and so is a
  // framework's or the project's own request context (`c *gin.Context`, ezbookkeeping's `ctx core.Context` wrapping
  // one): a type named Context is what Go threads through every call of a request.
  const contextType = lang === "go" ? /^\*?(\w+\.)?Context$/ : /(?!)/;
  const candidates = pool.filter((p) => droppedContext || lang !== "go" || !contextType.test(goType(p.node))).filter((p) => all || declared.has(p.text) || options.has(p.text) || queried.has(p.text) || namedFor(p.text) || identifierWords(typeName(p.node)).some((w) => typeWords.has(w)) || readTypes.has(typeName(p.node)));
  if ((!candidates.length && !fieldHits.length) || isStubBody(body)) return { hits: [], name: null, owner: null };
  if (lang === "typescript" && /(?<![\w$.])arguments(?![\w$])/.test(body.text())) return { hits: [], name: null, owner: null };
  const doc = docOf(fn, lang);
  const byName = (p: { node: SgNode; text: string }) => all || declared.has(p.text) || queried.has(p.text) || namedFor(p.text) || identifierWords(typeName(p.node)).some((w) => typeWords.has(w));
  const hits = [...candidates.filter((p) => !documentedUnused(doc, p.text)).map((p) => ({
    ...(goSole && !byName(p) ? { sole: true } : {}),
    // The function's own option (a typed default its siblings show, or one its decorator declares): dropped
    // whether or not the function is passed as a value (`plac.call(main)`, `cli.add_command(prune)`).
    ...(options.has(p.text) || declared.has(p.text) ? { option: true } : {}),
    // A criterion its own query drops: no caller or interface makes a filter the function was handed optional;
    // only a module that defines the function again with the parameter (one backend per file) answers it.
    ...(queried.has(p.text) && !options.has(p.text) && !declared.has(p.text) ? { criterion: true } : {}),
    region: regionOf(lang === "python" && declared.has(p.text) ? describingDecorator(fn, p.text) ?? p.node : p.node),
    message: overwritten.has(p.text)
      ? `parameter '${p.text}' is rebound before it is read: the value the caller passes never reaches the code`
      : logged.includes(p.text) ? `parameter '${p.text}' is only written to a log: the function records what its signature promises and ignores it`
      : `parameter '${p.text}' is never read: the function ignores what its signature promises`,
    param: p.text,
    ...((lang === "python" || lang === "typescript") ? (() => { const slot = optionalSlot(fn, p.node, lang); return slot ? { optional: slot } : {}; })() : {}),
  })), ...fieldHits.filter((h) => !documentedUnused(doc, h.param))];
  return { hits, name: nameOf(), owner: ownerClass(fn), member: isMember(fn) };
}

/**
 * The function's name scopes it to the entity the parameter identifies: the parameter's stem (`orgId` → org,
 * `customer_id` → customer) is the word after For/By/Of/In in the name (`roomsForOrg`, `list_by_customer`).
 */
function scopedByName(fnName: string, param: string): boolean {
  const stem = identifierWords(param.replace(/^_+/, "")).filter((w) => !/^(id|ids)$/.test(w)).join("_");
  if (!stem || !/(ID|Id|IDs|Ids|_id|_ids)$/.test(param)) return false;
  const words = identifierWords(fnName);
  // ... a function that answers entities (`roomsForOrg`, `list_by_customer`, `getInvoicesForAccount`), not one that acts for
  // one (`start_kernel_for_session` binds its kernel to the session elsewhere).
  if (!/^(get|list|find|fetch|query|search|count|select|load|all|export|read)$/.test(words[0] ?? "") && !/[^s]s$/.test(words[0] ?? "")) return false;
  return words.some((w, i) => /^(for|by|of|in)$/.test(w) && words.slice(i + 1).join("_").startsWith(stem));
}

/** `const handler = (req, res) => ...`: the name a function expression is bound to. */
function boundName(fn: SgNode): string | null {
  const parent = fn.parent();
  if (parent?.kind() === "variable_declarator") return (parent.field("name" as never) as SgNode | null)?.text() ?? null;
  if (parent?.kind() === "assignment_expression") return (parent.field("left" as never) as SgNode | null)?.text().replace(/^.*\./, "") ?? null;
  if (parent?.kind() === "pair") return (parent.field("key" as never) as SgNode | null)?.text() ?? null;
  return null;
}

/**
 * A `_`-named placeholder the function keeps only to reach a later parameter it reads (`(ctx, _route, req)`):
 * the author could not drop it, so the positions are fixed by whoever calls the function (a framework hook,
 * a callback table). The signature is imposed, whatever the function is called or where it is mounted.
 */
function placeholderBefore(fn: SgNode, lang: GrammarLanguage, index: IdentifierIndex | null, read: Set<string>): boolean {
  const all = (index?.params.get(fn.id()) ?? parameterNames(fn, lang)).map((p) => p.text());
  // ... a placeholder is not read: a `_`-named parameter the body uses (Streamlit's `_engine`, kept out of the cache key) holds a value.
  const bodyText = (fn.field("body" as never) as SgNode | null)?.text() ?? "";
  const first = all.findIndex((n) => /^_/.test(n) && !new RegExp(`(?<![\\w$.])${n.replace(/\$/g, "\\$")}(?![\\w$])`).test(bodyText));
  return first >= 0 && all.slice(first + 1).some((n) => read.has(n));
}
