// stub: a method an interface or trait makes a type define, left unimplemented with every input it is handed
// marked unread (`toDomain(_projection: X) { throw new Error("not implemented") }` in a class that `implements
// MapperInterface`; `fn put_block(&self, _cid: Cid, ..) { todo!() }` in `impl RepoStorage for SyncStorage`).
// The type owes the method to its interface, and its author has said, parameter by parameter, that this one
// does not take part: one direction of a two-way mapper, a read-only overlay's writes, a reference driver, a
// no-op TLS backend. When the interface is the repository's own, whether anything reaches the method is a
// question of runtime dispatch the floor cannot answer: a lead for the models, not a claim. A free function or an inherent method left the same
// way (a handler, an exporter) is no conformance and stays a claim; so does a Go method (a Go type satisfies
// interfaces without saying so), unless its doc comment says which interface it implements (goConformanceLead).
import type { SgNode } from "@ast-grep/napi";
import { ancestor, escapeRegExp, goReceiverType } from "../syntax";
import type { CheckRule, Deferred } from "./check";
import type { Hit } from "./hit";
import type { Candidate } from "./unreferenced";

const FUNCTION = /^(function_item|method_definition|function_declaration|method_declaration|function_definition)$/;

export const CONFORMANCE_LEAD = "a method its interface or trait makes the type define, every input marked unread: whether anything dispatches to it is a runtime question";

/** The names of the parameters the function is handed (Rust `self` and TypeScript `this` aside). */
function parameterNames(fn: SgNode, language: string): string[] {
  const list = fn.field("parameters" as never) as SgNode | null;
  const out: string[] = [];
  for (const p of list?.namedChildren() ?? []) {
    const kind = String(p.kind());
    if (/comment|self_parameter/.test(kind)) continue;
    const pattern = (p.field("pattern" as never) as SgNode | null) ?? p;
    const name = language === "rust" ? pattern.text().replace(/^mut\s+/, "") : pattern.text().replace(/[?:=][\s\S]*$/, "").replace(/^\.\.\./, "").trim();
    if (name === "this") continue;
    out.push(name);
  }
  return out;
}

/**
 * The interface or trait the function's type says it implements, when the function is one of its methods: a Rust
 * trait impl's trait, a TypeScript class's first `implements` type (bare names: `MapperInterface`, `RepoStorage`).
 */
function conformsTo(fn: SgNode, language: string): string | null {
  const bare = (t: string) => t.replace(/<[\s\S]*$/, "").replace(/^[\s\S]*(::|\.)/, "").trim();
  if (language === "rust") {
    const impl = fn.parent()?.parent();
    const trait = impl?.kind() === "impl_item" ? (impl.field("trait" as never) as SgNode | null) : null;
    return trait ? bare(trait.text()) : null;
  }
  if (language === "typescript") {
    const cls = fn.parent()?.parent();
    if (!cls || !/^(class_declaration|class|abstract_class_declaration)$/.test(String(cls.kind()))) return null;
    const clause = cls.children().find((c) => c.kind() === "class_heritage")?.children().find((h) => h.kind() === "implements_clause");
    const first = clause?.namedChildren()[0];
    return first ? bare(first.text()) : null;
  }
  return null;
}

/**
 * A stub hit in such a method: the interface it conforms to, asked of the repository in finish-scan (is the
 * interface declared here? `if-foreign-interface`). A framework's trait (a job runner's `Runnable::run`, a web
 * framework's handler) is called by the framework: the stub is reached, and stays a claim. An interface of the
 * repository's own, whose implementations it dispatches among, makes the stub a lead.
 */
export function conformanceQuestion(rule: CheckRule, node: SgNode, hit: Hit, path: string): Deferred | null {
  if (rule.class !== "stub" || hit.lead || hit.severity === "info" || (rule.language !== "rust" && rule.language !== "typescript")) return null;
  const fn = ancestor(node, FUNCTION);
  const iface = fn ? conformsTo(fn, rule.language) : null;
  if (!fn || !iface) return null;
  const names = parameterNames(fn, rule.language);
  if (!names.length || !names.every((n) => /^_/.test(n))) return null;
  return { candidate: { name: iface, file: path, line: hit.region.start.line, referenceIgnores: [], language: rule.language }, hit: { ...hit, lead: CONFORMANCE_LEAD }, keep: "if-foreign-interface", otherwise: "lead" };
}

/**
 * The candidates whose interface or trait some walked file of their language declares. One interface is asked once,
 * however many of its implementations stub a method (a monorepo's nineteen mappers of one `MapperInterface`).
 */
export function declaredInterfaces(candidates: readonly Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const declared = new Map<string, boolean>();
  const isDeclared = (c: Candidate) => {
    const key = `${c.language}\0${c.name}`;
    let yes = declared.get(key);
    if (yes === undefined) {
      const decl = c.language === "rust" ? new RegExp(`\\btrait\\s+${escapeRegExp(c.name)}\\b`) : new RegExp(`\\b(interface|abstract\\s+class)\\s+${escapeRegExp(c.name)}\\b`);
      const ext = c.language === "rust" ? /\.rs$/ : /\.(ts|tsx|mts|cts)$/;
      declared.set(key, (yes = files.some((f) => ext.test(f.path) && decl.test(f.content))));
    }
    return yes;
  };
  return new Set(candidates.filter(isDeclared));
}

/**
 * Go: a method left unimplemented (`panic("unimplemented")`, a not-implemented error) with every parameter blank or
 * unnamed (`func (l *Listener) Write(_ []byte) (int, error)`), whose doc comment says it implements an interface
 * (`// Write implements net.Conn.`, godoc's convention): the author has declared the method the interface's and,
 * input by input, not taken part: a read-only adapter's writes. Whether anything calls it through the interface is a
 * runtime question: a lead. A method with a named parameter, one with no such comment, and a gRPC service's method (its
 * type embeds `Unimplemented…Server`: the framework dispatches every RPC to it) stay claims.
 */
export function goConformanceLead(node: SgNode, fileText: string): boolean {
  const fn = ancestor(node, /^method_declaration$/);
  if (!fn) return false;
  const params = (fn.field("parameters" as never) as SgNode | null)?.namedChildren().filter((p) => p.kind() === "parameter_declaration" || p.kind() === "variadic_parameter_declaration") ?? [];
  const blank = params.every((p) => p.findAll({ rule: { kind: "identifier" } }).filter((i) => i.parent()?.id() === p.id()).every((i) => i.text() === "_"));
  if (!blank || /\bUnimplemented\w*Server\b/.test(fileText)) return false;
  const name = (fn.field("name" as never) as SgNode | null)?.text() ?? "";
  const receiver = (fn.field("receiver" as never) as SgNode | null)?.text() ?? "";
  if (!name || !receiver) return false;
  const lines = fileText.split("\n");
  let doc = "";
  for (let i = fn.range().start.line - 1; i >= 0 && /^\s*\/\//.test(lines[i]!); i--) doc = lines[i]! + "\n" + doc;
  return new RegExp(String.raw`//\s*${escapeRegExp(name)}\s+(?:implements|satisfies|is part of)\s+(?:the\s+)?[\w.]+`).test(doc);
}

/** A Go method's head: its receiver type, name and parameter list (`func (s *Store[T]) Get(key string)`). */
const GO_METHOD_HEAD = /^func\s*\(\s*(?:\w+\s+)?\*?\s*(\w+)(?:\[[^\]]*\])?\s*\)\s*(\w+)\s*(?:\[[^\]]*\])?\(([^)]*)\)/;
/** A file's directory: its Go package. */
const dirOf = (path: string) => path.replace(/\/?[^/]*$/, "");

/** A Go stub's own text: a panic or an error return that says the work is missing. */
const GO_STUB_BODY = /\bpanic\(\s*"|(?:not\s+(?:yet\s+)?implemented|unimplemented|\btodo\b)/i;

/**
 * A Go method whose only statement is the not-implemented answer, on a receiver type whose other methods work: the
 * method and its receiver's type name, or null. Its candidate for `unless-implemented-elsewhere`.
 */
export function goSoleStubMethod(node: SgNode): { name: string; receiver: string; line: number } | null {
  const fn = ancestor(node, /^method_declaration$/);
  if (!fn) return null;
  const body = fn.field("body" as never) as SgNode | null;
  const stmts = body?.namedChildren().filter((k) => !/comment/.test(String(k.kind()))) ?? [];
  if (stmts.length !== 1) return null;
  const name = (fn.field("name" as never) as SgNode | null)?.text() ?? "";
  const receiver = goReceiverType(fn);
  if (!name || !receiver) return null;
  // A working type declining one operation: three or more other methods of its type in the file do real work (more
  // than one statement, or more than returning a literal). A command whose `Run` panics beside a one-line `Help` is
  // a stub of its one job, whoever else implements `Run`.
  const working = fn.getRoot().root().findAll({ rule: { kind: "method_declaration" } }).filter((m) => {
    if (m.id() === fn.id() || goReceiverType(m) !== receiver) return false;
    const st = (m.field("body" as never) as SgNode | null)?.namedChildren().filter((k) => !/comment/.test(String(k.kind()))) ?? [];
    return st.length > 1 || (st.length === 1 && !/^return\s+("[^"]*"|`[^`]*`|-?\d[\w.]*|true|false|nil)\s*$/.test(st[0]!.text()) && !GO_STUB_BODY.test(st[0]!.text()));
  });
  return working.length >= 3 ? { name, receiver, line: fn.range().start.line } : null;
}

/**
 * Stub methods that another type of the repository implements for real (`func (c *GithubClient) GetCloneURL(..)`
 * beside Bitbucket's `return "", fmt.Errorf("not yet implemented")`): the method belongs to an interface several
 * backends satisfy, and this backend declines it. Whether a caller reaches the declining backend for that
 * operation (it may ask a capability first, `SupportsSingleFileDownload()`) is a runtime question: a lead.
 * Another definition counts when it is a method of another receiver type, outside test code, whose body is not
 * itself a not-implemented answer.
 */
export function implementedElsewhere(candidates: Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const out = new Set<Candidate>();
  if (!candidates.length) return out;
  const names = new Set(candidates.map((c) => c.name));
  // Each definition: its directory (a Go package), receiver type, parameter count, and whether it too only declines.
  const defs = new Map<string, { dir: string; receiver: string; arity: number; stub: boolean }[]>();
  const arity = (params: string) => (params.trim() ? params.split(",").length : 0);
  for (const f of files) {
    // Test files and generated mocks (mockery's `mocks/`, `mock_*.go`, `*_mock.go`) implement everything by recording calls.
    if (!f.path.endsWith(".go") || /_test\.go$|(^|\/)mocks?\/|(^|\/)mock_[^/]*\.go$|_mocks?\.go$/.test(f.path)) continue;
    const lines = f.content.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = GO_METHOD_HEAD.exec(lines[i]!);
      if (!m || !names.has(m[2]!) || /^(Mock|Fake|Stub)/.test(m[1]!)) continue;
      // The body: the rest of a one-line function, else up to the line that closes it at column 0.
      let body: string;
      if (/\}\s*$/.test(lines[i]!) && lines[i]!.includes("{")) body = lines[i]!.slice(lines[i]!.indexOf("{") + 1);
      else {
        let end = i + 1;
        while (end < lines.length - 1 && !/^}/.test(lines[end]!)) end++;
        body = lines.slice(i + 1, end).join("\n");
      }
      const code = body.replace(/\/\/[^\n]*/g, "");
      defs.set(m[2]!, [...(defs.get(m[2]!) ?? []), { dir: dirOf(f.path), receiver: m[1]!, arity: arity(m[3]!), stub: GO_STUB_BODY.test(code) }]);
    }
  }
  for (const c of candidates) {
    const own = (defs.get(c.name) ?? []).find((d) => d.receiver === c.owner && d.dir === dirOf(c.file));
    if ((defs.get(c.name) ?? []).some((d) => d !== own && !(d.receiver === c.owner && d.dir === dirOf(c.file)) && !d.stub && (!own || d.arity === own.arity))) out.add(c);
  }
  return out;
}

/**
 * Go stub methods whose receiver type another struct of the package embeds and partly overrides (`type
 * syncSessionHandlerServer struct { unimplementedSyncSessionHandler; .. }` defining some of its handlers, gRPC's
 * `Unimplemented…Server`): the type is the set of defaults its embedders override, each answering "not implemented"
 * for the operations an embedder does not serve. The embedder is what is mounted; what it leaves to the default is
 * declined on purpose. A type embedded only to share its fields, whose methods no embedder overrides, is no default
 * set: its stub is promoted as it is. An embedding in test code is no such use.
 */
export function embeddedDefaults(candidates: readonly Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const out = new Set<Candidate>();
  if (!candidates.length) return out;
  const wanted = new Set(candidates.map((c) => `${dirOf(c.file)}\0${c.name}`));
  const goFiles = files.filter((f) => f.path.endsWith(".go") && !/_test\.go$/.test(f.path));
  // Methods by package and receiver type.
  const methods = new Map<string, Set<string>>();
  for (const f of goFiles) {
    for (const m of f.content.matchAll(new RegExp(GO_METHOD_HEAD.source, "gm"))) {
      const key = `${dirOf(f.path)}\0${m[1]}`;
      methods.set(key, (methods.get(key) ?? new Set()).add(m[2]!));
    }
  }
  const defaults = new Set<string>();
  for (const f of goFiles) {
    if (!/\bstruct\s*\{/.test(f.content)) continue;
    // A struct's body: its embedded fields are lines holding a type name alone (`\tunimplementedX`, `\t*Base`).
    for (const st of f.content.matchAll(/^type\s+(\w+)\s+struct\s*\{([\s\S]*?)^\}/gm)) {
      for (const m of st[2]!.matchAll(/^[ \t]+\*?([A-Za-z_]\w*)[ \t]*(?:`[^`\n]*`)?[ \t]*(?:\/\/[^\n]*)?$/gm)) {
        const key = `${dirOf(f.path)}\0${m[1]}`;
        if (!wanted.has(key)) continue;
        const own = methods.get(key) ?? new Set<string>();
        const embedder = methods.get(`${dirOf(f.path)}\0${st[1]}`) ?? new Set<string>();
        if ([...own].some((name) => embedder.has(name))) defaults.add(key);
      }
    }
  }
  for (const c of candidates) if (defaults.has(`${dirOf(c.file)}\0${c.name}`)) out.add(c);
  return out;
}
